"""`make test` reruns tests/trust_suite.txt on PostgreSQL: every path it lists must exist."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_listed_trust_test_exists():
    lines = (ROOT / "tests" / "trust_suite.txt").read_text().splitlines()
    paths = [line for line in lines if line and not line.startswith("#")]
    assert len(paths) > 20
    assert [p for p in paths if not (ROOT / p).is_file()] == []
