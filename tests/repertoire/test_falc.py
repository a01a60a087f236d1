"""« Facile à lire et à comprendre » summaries and English free text on fiches (issue #16,
items 2 and 4): first on the fiche with the pictogram, in the PDF, searchable; the English
text on /en/ with its `lang`, else the French marked `lang="fr"`."""

import re

import pytest
from django.test import override_settings
from wagtail.models import Locale

from repertoire.search_sources import structure_document
from search import api
from tests.repertoire.factories import ServiceFactory, StructureFactory
from tests.repertoire.test_paper import pdf_text

EASY = "Nous aidons les familles.\nVenez le mardi.\nC'est gratuit."
EASY_EN = "We help families.\nCome on Tuesdays.\nIt is free."


@pytest.fixture
def fiche(db, repertoire):
    structure = StructureFactory(
        name="Maison des familles",
        slug="maison-des-familles",
        complete=True,
        easy_read=EASY,
        summary_en="A house where families find help.",
    )
    ServiceFactory(
        structure=structure,
        name="Goûter des parents",
        description="Un goûter chaque mercredi.",
        description_en="A snack every Wednesday.",
    )
    return structure


@pytest.fixture
def english_repertoire(repertoire):
    english = repertoire.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english.title = "Directory"
    english.save_revision().publish()
    return english


def _main(response):
    return response.content.decode().split('<main id="contenu"')[1]


def test_easy_read_summary_comes_first_with_the_pictogram(client, fiche):
    html = _main(client.get("/repertoire/structures/maison-des-familles/"))
    easy = html.index('class="easy-read"')
    assert easy < html.index('class="fiche__kind"') < html.index("Accueil, écoute")
    assert "img/facile-a-lire.svg" in html
    assert "Facile à lire et à comprendre" in html
    assert re.search(r"<p>Nous aidons les familles.</p>\s*<p>Venez le mardi.</p>", html)


def test_no_easy_read_block_without_a_summary(client, fiche):
    fiche.easy_read = ""
    fiche.save()
    html = _main(client.get("/repertoire/structures/maison-des-familles/"))
    assert "easy-read" not in html


def test_english_text_on_the_english_fiche_else_french_marked_french(
    client, fiche, english_repertoire
):
    html = _main(client.get("/en/repertoire/structures/maison-des-familles/"))
    assert '<p class="lead">A house where families find help.</p>' in html
    assert '<p lang="fr">Proposer des aides ponctuelles' in html  # no English objectives
    assert "<p>A snack every Wednesday.</p>" in html
    assert '<div class="easy-read__text" lang="fr">' in html
    fiche.easy_read_en = EASY_EN
    fiche.save()
    html = _main(client.get("/en/repertoire/structures/maison-des-familles/"))
    assert '<div class="easy-read__text">' in html
    assert "<p>Come on Tuesdays.</p>" in html


def test_the_french_fiche_never_shows_the_english_text(client, fiche):
    html = _main(client.get("/repertoire/structures/maison-des-familles/"))
    assert "A house where families" not in html
    assert "Un goûter chaque mercredi." in html


def test_meta_description_is_in_the_language_shown(client, fiche, english_repertoire):
    def description(url):
        text = client.get(url).content.decode()
        return re.search(r'<meta name="description" content="([^"]*)"', text).group(1)

    assert description("/repertoire/structures/maison-des-familles/").startswith("Accueil")
    assert description("/en/repertoire/structures/maison-des-familles/").startswith("A house")
    fiche.summary_en = ""
    fiche.save()
    english = description("/en/repertoire/structures/maison-des-familles/")
    assert "Accueil" not in english
    assert "contacts" in english


def test_easy_read_and_english_text_are_searchable(
    fiche, index, django_capture_on_commit_callbacks
):
    document = structure_document(fiche)
    assert "Venez le mardi." in document.text
    assert "A house where families find help." in document.text
    assert "A snack every Wednesday." in document.text
    index()
    assert api.search("mardi").total >= 1
    assert api.search("families").total >= 1


def test_the_fiche_pdf_sets_the_easy_read_summary_first_in_large_type(client, fiche):
    response = client.get("/repertoire/structures/maison-des-familles/pdf/")
    reader, pages = pdf_text(response, "fiche-falc.pdf")
    text = pages[0]
    assert text.index("Facile à lire et à comprendre") < text.index("Accueil, écoute")
    assert "Nous aidons les familles." in text
    sizes = {}

    def visitor(text, _cm, tm, _font, size):
        if text.strip():
            sizes.setdefault(text.strip(), size * tm[0])

    reader.pages[0].extract_text(visitor_text=visitor)
    easy = next(size for line, size in sizes.items() if line.startswith("Nous aidons"))
    body = next(size for line, size in sizes.items() if line.startswith("Accueil, écoute"))
    assert easy >= 1.4 * body


@override_settings(REPERTOIRE_BOOKLET_PARALLEL_FROM=10**6)
def test_the_booklet_carries_the_easy_read_summary(client, fiche):
    response = client.get("/repertoire/livret/")
    _reader, pages = pdf_text(response, "livret-falc.pdf")
    assert "Nous aidons les familles." in " ".join(pages)


def test_the_admin_shows_guidance_and_the_readability_indicator(client, fiche):
    from tests.portal.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True))
    response = client.get(f"/admin/snippets/repertoire/structure/edit/{fiche.pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('data-max-words="15"') >= 2  # the French and English summaries
    assert "15 mots au plus" in body
    assert "js/easy-read.js" in body
    assert 'name="summary_en"' in body
    assert 'name="services-0-description_en"' in body


def test_the_partner_writes_an_easy_read_summary_and_english_text(client, fiche):
    from tests.extranet.factories import MembershipFactory
    from tests.extranet.test_partner_fiche import fiche_url, post_data

    membership = MembershipFactory(manager=True, structure=fiche)
    client.force_login(membership.user)
    body = client.get(fiche_url(fiche)).content.decode()
    assert "data-easy-read" in body and "js/easy-read.js" in body
    assert "En anglais (facultatif)" in body
    data = post_data(fiche, easy_read="Venez nous voir.", summary_en="Come and see us.")
    data["services-0-description_en"] = "A snack."
    assert client.post(fiche_url(fiche), data).status_code == 302
    fiche.refresh_from_db()
    draft = fiche.get_latest_revision_as_object()
    assert (draft.easy_read, draft.summary_en) == ("Venez nous voir.", "Come and see us.")
    assert draft.services.all()[0].description_en == "A snack."


def test_the_intake_start_page_links_its_easy_read_version(client, db):
    start = client.get("/je-m-installe/").content.decode()
    assert 'href="/je-m-installe/facile-a-lire/"' in start
    assert "Version facile à lire" in start
    response = client.get("/je-m-installe/facile-a-lire/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "img/facile-a-lire.svg" in html
    assert 'href="/je-m-installe/etape/' in html
    from portal.easy_read import check

    lines = re.findall(
        r"<p>([^<]+)</p>", html.split('class="easy-read__text"')[1].split("</div>")[0]
    )
    assert len(lines) >= 10
    assert all(check(line).longest <= 10 for line in lines)


def test_the_english_list_shows_the_english_summary_and_finds_english_words(
    client, fiche, english_repertoire, index
):
    index()
    html = _main(client.get("/en/repertoire/?q=families"))
    assert "<p>A house where families find help.</p>" in html
    html = _main(client.get("/repertoire/?q=mardi"))
    assert "Maison des familles" in html
