"""Printed and machine-read addresses use the one public base URL (`SITE_URL`), not the
host that served the request (#12 finding 4): here the site is served as "testserver"
while `make run PORT=8123` would announce port 8123."""

import pytest

from tests.repertoire.test_paper import booklet_data, pdf_text  # noqa: F401  (fixture)

BASE = "http://127.0.0.1:8123"
FICHE = "/repertoire/structures/centre-de-sante/"


@pytest.fixture(autouse=True)
def another_port(settings):
    settings.SITE_URL = BASE


def squeezed(pages):
    """PDF text without spaces or line breaks (a long address wraps)."""
    return "".join("".join(pages).split())


def test_the_booklet_cover_and_the_fiche_pdf_print_the_public_address(
    client,
    repertoire,
    booklet_data,  # noqa: F811
):
    _reader, cover = pdf_text(client.get("/repertoire/livret/"), "livret.pdf")
    assert f"{BASE}/repertoire/" in squeezed(cover[:1])
    _reader, fiche = pdf_text(client.get(f"{FICHE}pdf/"), "fiche.pdf")
    assert f"{BASE}{FICHE}" in squeezed(fiche)
    for blank in ("/repertoire/fiche-de-liaison/", "/repertoire/fiche-parcours/"):
        _reader, form = pdf_text(client.get(blank), "form.pdf")
        assert f"{BASE}/repertoire/" in squeezed(form)
        assert "testserver" not in squeezed(form)


def test_json_ld_and_robots_give_the_public_address(
    client,
    repertoire,
    booklet_data,  # noqa: F811
):
    html = client.get(FICHE).content.decode()
    jsonld = html[html.index("application/ld+json") :]
    jsonld = jsonld[: jsonld.index("</script>")]
    assert f'"url": "{BASE}{FICHE}"' in jsonld
    assert "testserver" not in jsonld
    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {BASE}/sitemap.xml" in robots
