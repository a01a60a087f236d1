import io
import os

import pytest
from pypdf import PdfReader

from tests.portal.factories import CommuneFactory, DepartmentFactory
from tests.repertoire.factories import ServiceFactory, StructureFactory, theme

DUMP = os.environ.get("REPERTOIRE_PDF_DUMP")  # a folder: keep the PDFs to look at them


def pdf_text(response, name):
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if DUMP:
        with open(os.path.join(DUMP, name), "wb") as handle:
            handle.write(content)
    reader = PdfReader(io.BytesIO(content))
    return reader, [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.fixture
def booklet_data(db):
    gueret = CommuneFactory(insee_code="23096", name="Guéret")
    limoges = CommuneFactory(
        insee_code="87085",
        name="Limoges",
        department=DepartmentFactory(code="87", name="Haute-Vienne"),
    )
    health = StructureFactory(
        name="Centre de santé",
        slug="centre-de-sante",
        commune=gueret,
        complete=True,
        themes=[theme("sante")],
    )
    ServiceFactory(structure=health, name="Consultations sans rendez-vous")
    StructureFactory(
        name="Auto-école sociale", commune=limoges, complete=True, themes=[theme("mobilite")]
    )
    StructureFactory(
        name="Relais petite enfance", commune=gueret, themes=[theme("garde-d-enfants")]
    )


def test_fiche_pdf(client, repertoire, booklet_data):
    response = client.get("/repertoire/structures/centre-de-sante/pdf/")
    assert response["Content-Disposition"] == 'attachment; filename="fiche-centre-de-sante.pdf"'
    _reader, pages = pdf_text(response, "fiche.pdf")
    text = "\n".join(pages)
    assert "Centre de santé" in text
    assert "Consultations sans rendez-vous" in text
    assert "Du lundi au vendredi" in text


def page_of(pages, text):
    return next(number for number, page in enumerate(pages, start=1) if text in page)


def test_booklet_has_cover_contents_index_and_page_numbers(client, repertoire, booklet_data):
    reader, pages = pdf_text(client.get("/repertoire/livret/"), "livret.pdf")
    assert "Répertoire des compétences sociales" in pages[0]
    assert "3 structures" in pages[0]
    assert "Sommaire" in pages[1]
    # Each theme starts on the page the contents give; the index gives each fiche's page.
    health = page_of(pages, "Consultations sans rendez-vous")
    contents = " ".join(pages[1].replace(".", " ").split())
    assert f"Santé (1 structure) {health}" in contents
    assert "Index des communes" in pages[-1]
    assert f"Centre de santé, p. {health}" in pages[-1]
    assert (
        f"Auto-école sociale, p. {page_of(pages, 'Auto-école sociale Association')}" in (pages[-1])
    )
    assert "Guéret" in pages[-1] and "Limoges" in pages[-1]
    assert pages[0].count(" / ") == 0, "no number on the cover"
    assert f"2 / {len(reader.pages)}" in pages[1]
    assert f"{health} / {len(reader.pages)}" in pages[health - 1]


def test_long_booklet_is_laid_out_in_parts_with_the_same_numbering(
    client, repertoire, settings, monkeypatch
):
    """Above PARALLEL_FROM fiches the booklet is cut in parts laid out by worker processes:
    a theme cut in two goes on under "(suite)", and the contents and the index still give
    the page where each fiche really is."""
    from repertoire.paper import booklet

    monkeypatch.setattr(booklet, "PARALLEL_FROM", 2)
    settings.REPERTOIRE_BOOKLET_WORKERS = 2
    gueret = CommuneFactory(insee_code="23096", name="Guéret")
    for number in range(6):
        StructureFactory(name=f"Crèche {number}", commune=gueret, themes=[theme("garde-d-enfants")])
    reader, pages = pdf_text(client.get("/repertoire/livret/"), "livret-parts.pdf")
    assert "Garde d'enfants (suite)" in "\n".join(pages)
    total = len(reader.pages)
    for number in range(6):
        page = page_of(pages, f"Crèche {number} Association")
        assert f"Crèche {number}, p. {page}" in "\n".join(pages[-2:])
        assert f"{page} / {total}" in pages[page - 1]


def test_booklet_follows_the_fiches_it_prints(client, repertoire, booklet_data):
    """Kept between readers, the booklet still shows a fiche's change at once."""
    from repertoire.models import Structure

    first = client.get("/repertoire/livret/")
    assert client.get("/repertoire/livret/").content == first.content
    health = Structure.objects.get(slug="centre-de-sante")
    health.name = "Maison de santé"
    health.save()
    _reader, pages = pdf_text(client.get("/repertoire/livret/"), "livret-mis-a-jour.pdf")
    assert "Maison de santé" in "\n".join(pages)
    assert "Centre de santé" not in "\n".join(pages)


def test_booklet_of_one_theme_and_of_one_territory(client, repertoire, booklet_data):
    _reader, pages = pdf_text(client.get("/repertoire/livret/", {"theme": "mobilite"}), "theme.pdf")
    text = "\n".join(pages)
    assert "Auto-école sociale" in text and "Centre de santé" not in text
    _reader, pages = pdf_text(client.get("/repertoire/livret/", {"departement": "23"}), "dep.pdf")
    text = "\n".join(pages)
    assert "Creuse" in pages[0]
    assert "Centre de santé" in text and "Auto-école sociale" not in text
    assert client.get("/repertoire/livret/", {"theme": "inconnu"}).status_code == 404


@pytest.mark.parametrize(
    ("url", "title", "field"),
    [
        ("/repertoire/fiche-de-liaison/", "Fiche de liaison partenaire", "Structure destinataire"),
        ("/repertoire/fiche-parcours/", "Ma fiche parcours", "Qui peut m'aider"),
    ],
)
def test_blank_forms(client, repertoire, url, title, field):
    reader, pages = pdf_text(client.get(url), url.strip("/").replace("/", "-") + ".pdf")
    assert title in pages[0]
    assert field in pages[0]
    assert len(pages) == 1, "a blank form is printed on one sheet"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_booklets_are_set_ahead_for_every_theme_and_departement(client, repertoire, booklet_data):
    """`build_booklets` (nightly) sets what visitors download: the whole répertoire, each
    theme and each département with fiches; the page then serves those very files."""
    from io import StringIO

    from django.core.cache import cache
    from django.core.management import call_command

    from portal.public_url import public_page_url
    from repertoire.paper.booklet import booklet_queryset, cache_key

    out = StringIO()
    call_command("build_booklets", stdout=out)
    assert "Livrets prêts." in out.getvalue()
    for params in ({}, {"theme": "sante"}, {"theme": "mobilite"}, {"departement": "87"}):
        structures, scope = booklet_queryset(params)
        key = cache_key(structures, scope, repertoire.booklet_title, public_page_url(repertoire))
        assert cache.get(key) == client.get("/repertoire/livret/", params).content
    assert "Logement" not in out.getvalue(), "no booklet for a theme without fiches"
