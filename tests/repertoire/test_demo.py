from django.utils.text import slugify

from repertoire.demo.fiches import ARCHETYPES, seed_repertoire_demo
from repertoire.models import Permanence, Service, Structure, Theme
from tests.portal.factories import CommuneFactory, DepartmentFactory


def test_demo_covers_every_theme_and_is_idempotent(db):
    CommuneFactory(insee_code="23096", name="Guéret")
    CommuneFactory(insee_code="87085", name="Limoges", department=DepartmentFactory(code="87"))
    assert seed_repertoire_demo() == len(ARCHETYPES) == 20
    assert seed_repertoire_demo() == 20
    assert Structure.objects.count() == 20
    assert Service.objects.count() == 20
    # One structure holding a permanence elsewhere, not one copy per place.
    assert Permanence.objects.count() == 20
    assert not Structure.objects.filter(name__contains=" – ").exists()
    for theme in Theme.objects.all():
        assert theme.structures.exists(), theme.name
    assert not Structure.objects.filter(opening_hours="").exists()
    assert all(s.parsed_hours is not None for s in Structure.objects.all())


def test_earlier_place_copies_are_removed(db):
    gueret = CommuneFactory(insee_code="23096", name="Guéret")
    CommuneFactory(insee_code="87085", name="Limoges", department=DepartmentFactory(code="87"))
    name = ARCHETYPES[0][0]
    Structure.objects.create(name=f"{name} – Limoges", slug=slugify(f"{name} – Limoges"))
    Structure.objects.create(name=f"{name} – Guéret", slug=slugify(f"{name} – Guéret"))
    seed_repertoire_demo()
    assert not Structure.objects.filter(name__startswith=f"{name} – ").exists()
    assert Structure.objects.get(name=name).commune == gueret


def test_ten_fiches_in_english_and_two_easy_to_read(db):
    from portal.easy_read import check
    from repertoire.demo.english import seed_fiche_languages

    CommuneFactory(insee_code="23096", name="Guéret")
    seed_repertoire_demo()
    assert seed_fiche_languages() == (10, 2)
    assert seed_fiche_languages() == (10, 2)  # idempotent
    assert Structure.objects.exclude(summary_en="").count() == 10
    assert Service.objects.exclude(description_en="").count() == 10
    easy = Structure.objects.exclude(easy_read="").exclude(easy_read_en="")
    assert easy.count() == 2
    for structure in easy:
        assert check(structure.easy_read).is_easy, structure.easy_read
