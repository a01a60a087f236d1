"""A person's browsing on the seeded demo, for the role journeys (issue #12).

`Visit` signs a printed demo account in from the login page, then only clicks what a person
sees: side-menu entries, links, buttons. Each new page is checked by axe once.
"""

import re

from extranet import demo
from tests.e2e.axe import assert_accessible

SETTLED = """() => Promise.all(document.getAnimations()
  .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
  .map((a) => a.finished.catch(() => null)))"""


class Visit:
    """A person's browsing: each new page is checked by axe once."""

    def __init__(self, page):
        self.page = page
        self.seen = set()

    def checked(self):
        self.page.wait_for_load_state()
        if "/admin/" in self.page.url:  # Wagtail fills listings and modals by fetch
            self.page.wait_for_load_state("networkidle")
        self.page.evaluate(SETTLED)  # a message fading in would be measured half-transparent
        url = self.page.url.split("#")[0]
        if url not in self.seen:
            self.seen.add(url)
            assert_accessible(self.page)
        return self.page

    def menu(self, name, *, nav="nav.side-nav"):
        self.page.locator(nav).get_by_role("link", name=name, exact=True).click()
        return self.checked()

    def link(self, name, *, within="main"):
        self.page.locator(within).get_by_role("link", name=name).first.click()
        return self.checked()

    def click(self, selector):
        """Click what a CSS selector names (a card among look-alike links)."""
        self.page.locator(selector).first.click()
        return self.checked()

    def button(self, name, *, within="body"):
        self.page.locator(within).get_by_role("button", name=name, exact=True).click()
        return self.checked()

    def sign_in(self, local_part):
        self.page.goto("/comptes/login/")
        self.checked()
        self.page.get_by_label("E-mail").fill(f"{local_part}@{demo.DEMO_EMAIL_DOMAIN}")
        self.page.get_by_label("Mot de passe").fill(demo.DEMO_PASSWORD)
        self.page.get_by_role("button", name="Connexion").click()
        self.page.wait_for_url(re.compile(r"^(?!.*/comptes/login/).*$"))
        return self.checked()

    def sign_out(self):
        self.button("Se déconnecter")

    def text(self, within="main"):
        return self.page.locator(within).inner_text()


def no_error(page):
    errors = page.locator(".error-summary, .message--error, .errorlist")
    assert not errors.count(), errors.all_inner_texts()
