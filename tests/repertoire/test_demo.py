from repertoire.demo.fiches import ARCHETYPES, seed_repertoire_demo
from repertoire.models import Service, Structure, Theme
from tests.portal.factories import CommuneFactory, DepartmentFactory


def test_demo_covers_every_theme_and_is_idempotent(db):
    CommuneFactory(insee_code="23096", name="Guéret")
    CommuneFactory(insee_code="87085", name="Limoges", department=DepartmentFactory(code="87"))
    assert seed_repertoire_demo() == 2 * len(ARCHETYPES) == 40
    assert seed_repertoire_demo() == 40
    assert Structure.objects.count() == 40
    assert Service.objects.count() == 40
    for theme in Theme.objects.all():
        assert theme.structures.exists(), theme.name
    assert not Structure.objects.filter(opening_hours="").exists()
    assert all(s.parsed_hours is not None for s in Structure.objects.all())
