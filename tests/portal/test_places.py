"""The one commune resolver, its field and widget, and the "commune + radius" filter form."""

import pytest
from django import forms
from django.http import QueryDict

from portal.places import (
    CommuneField,
    CommuneInput,
    CommuneRadiusForm,
    find_commune,
    resolve_commune,
    resolve_place,
)
from tests.portal.factories import CommuneFactory, DepartmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    return {
        "gueret": CommuneFactory(
            insee_code="23096", name="Guéret", latitude=46.17, longitude=1.87,
            postal_codes="23000", population=13000,
        ),
        "saint_fiel": CommuneFactory(
            insee_code="23176", name="Saint-Fiel", latitude=46.22, longitude=1.93,
            postal_codes="23000", population=1000,
        ),
        "aubusson": CommuneFactory(
            insee_code="23008", name="Aubusson", latitude=45.95, longitude=2.17,
            postal_codes="23200", population=3200,
        ),
        "ajaccio": CommuneFactory(
            insee_code="2A004", name="Ajaccio", latitude=41.93, longitude=8.74,
            department=DepartmentFactory(code="2A", name="Corse-du-Sud"), postal_codes="20000",
            population=70000,
        ),
        "unlocated": CommuneFactory(
            insee_code="23999", name="Sans-Point", latitude=None, longitude=None,
            postal_codes="23999",
        ),
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Guéret", "gueret"),
        ("  guéret ", "gueret"),
        ("Guéret (23)", "gueret"),
        ("23096", "gueret"),
        ("23200", "aubusson"),  # the only commune with this postal code
        ("2a004", "ajaccio"),
        ("Sans-Point", "unlocated"),  # what is stored need not be on the map
    ],
)
def test_resolve_commune_reads_names_and_codes(places, text, key):
    assert resolve_commune(text) == places[key]


def test_resolve_commune_asks_which_one_when_several_match(places):
    with pytest.raises(forms.ValidationError) as error:
        resolve_commune("23000")  # postal code of Guéret and Saint-Fiel
    assert "Plusieurs communes correspondent : Guéret (23), Saint-Fiel (23)." in str(error.value)
    assert "Précisez le département" in str(error.value)


def test_an_insee_code_wins_over_the_same_postal_code(places):
    other = CommuneFactory(insee_code="23300", name="La Souterraine", postal_codes="23300")
    CommuneFactory(insee_code="23301", name="Voisine", postal_codes="23300")
    assert resolve_commune("23300") == other


def test_resolve_commune_suggests_close_names_or_explains(places):
    with pytest.raises(forms.ValidationError) as error:
        resolve_commune("Gueret")
    assert "Vouliez-vous dire : Guéret (23) ?" in str(error.value)
    with pytest.raises(forms.ValidationError) as error:
        resolve_commune("Atlantide")
    assert "Commune inconnue : « Atlantide »" in str(error.value)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("23000", "gueret"),  # the most populated of the postal code
        ("Saint-Fi", "saint_fiel"),  # the start of a name
        ("busso", "aubusson"),  # a part of it
        ("2A004", "ajaccio"),
        ("Aubusson (23)", "aubusson"),
    ],
)
def test_find_commune_takes_the_likeliest_located_one(places, text, key):
    assert find_commune(text) == places[key]


@pytest.mark.parametrize("text", ["Sans-Point", "23999", "Atlantide", "G", "", None])
def test_find_commune_finds_nothing(places, text):
    assert find_commune(text) is None


def test_resolve_place_for_the_search_page(places):
    assert resolve_place("guéret (23)") == ("Guéret (23)", 46.17, 1.87)
    assert resolve_place("Atlantide") is None


def test_commune_field_strict_or_lenient_with_its_own_words(places):
    strict = CommuneField(required=False)
    assert strict.clean("") is None
    with pytest.raises(forms.ValidationError):
        strict.clean("23000")
    lenient = CommuneField(lenient=True, error_messages={"unknown": "Introuvable : %(text)s"})
    assert lenient.clean("23000") == places["gueret"]
    with pytest.raises(forms.ValidationError) as error:
        lenient.clean("Atlantide")
    assert error.value.messages == ["Introuvable : Atlantide"]
    with pytest.raises(forms.ValidationError) as error:
        CommuneField().clean("")
    assert error.value.code == "required"


def test_commune_field_shows_a_chosen_commune_as_it_reads_back(places):
    class Form(forms.Form):
        commune = CommuneField()

    html = str(Form(initial={"commune": places["gueret"]})["commune"])
    assert 'value="Guéret (23)"' in html and 'maxlength="120"' in html
    assert Form({"commune": "Guéret (23)"}).is_valid()


def test_commune_input_offers_a_datalist():
    html = CommuneInput(datalist="communes-connues").render("commune", "")
    assert 'list="communes-connues"' in html and 'autocomplete="off"' in html
    assert "list=" not in CommuneInput().render("commune", "")


@pytest.mark.parametrize(
    "query", ["commune=Guéret&rayon=10", "commune=Guéret&km=10", "commune=Guéret&radius=10"]
)
def test_radius_is_rayon_and_old_names_still_read(places, query):
    form = CommuneRadiusForm(QueryDict(query))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["rayon"] == 10
    assert [c.name for c in form.around()] == ["Guéret", "Saint-Fiel"]
    assert form.around()[1].distance_km == pytest.approx(7.0, abs=0.5)


def test_rayon_wins_over_an_old_name(places):
    form = CommuneRadiusForm(QueryDict("commune=Guéret&rayon=50&km=5"))
    assert form.is_valid() and form.cleaned_data["rayon"] == 50
    assert CommuneRadiusForm({"commune": "Guéret", "km": "5"}).data == {
        "commune": "Guéret",
        "rayon": "5",
    }


def test_around_without_commune_or_radius(places):
    assert CommuneRadiusForm(QueryDict("rayon=10")).around() == []
    assert CommuneRadiusForm(QueryDict("commune=Atlantide")).around() == []
    form = CommuneRadiusForm(QueryDict("commune=Guéret"))
    assert form.is_valid() and form.cleaned_data["rayon"] == 20  # the default radius

    class InTheCommune(CommuneRadiusForm):
        rayon = forms.TypedChoiceField(choices=[(0, "0"), (5, "5")], coerce=int, empty_value=0)

    (only,) = InTheCommune(QueryDict("commune=Guéret&rayon=0")).around()
    assert (only, only.distance_km) == (places["gueret"], 0.0)
