"""axe-core (from npm, node_modules/axe-core) run inside a Playwright page."""

from pathlib import Path

AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

_RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((node) => node.target.join(" ")),
  }));
}"""


def axe_violations(page):
    """The axe violations of the current page, as dicts (id, impact, help, targets)."""
    if not AXE_PATH.exists():
        raise FileNotFoundError(f"{AXE_PATH} manquant : lancez `npm install`.")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated, not added as a <script>: the site's CSP refuses inline scripts.
        page.evaluate(AXE_PATH.read_text(encoding="utf-8"))
    return page.evaluate(_RUN_AXE, AXE_TAGS)


def assert_accessible(page):
    """Fail with every axe violation (WCAG 2.1 A/AA + best practices) of the current page."""
    violations = axe_violations(page)
    if violations:
        lines = [f"axe: {len(violations)} violation(s) on {page.url}"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            lines.extend(f"    {target}" for target in violation["targets"])
        raise AssertionError("\n".join(lines))
