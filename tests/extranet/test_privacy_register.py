"""Every field of every model holding personal data is classified in the register."""

import re

import pytest
from django.apps import apps
from django.conf import settings

from extranet.privacy import register
from extranet.privacy.register import NOT_PERSONAL, REGISTER, DataClass, model_fields

OUR_APPS = ("portal", "repertoire", "extranet", "cartemploi", "search")
PERSONAL_LOOKING = re.compile(r"(^|_)(email|phone|first_name|last_name|birth|ip)($|_)")


def test_every_field_of_a_registered_model_is_classified():
    assert register.unclassified() == []


def test_a_field_nobody_classified_is_reported(monkeypatch):
    candidate = {**REGISTER["extranet.Candidate"]}
    del candidate["phone"]
    monkeypatch.setitem(REGISTER, "extranet.Candidate", candidate)
    assert register.unclassified() == [("extranet.Candidate", "phone")]


def test_classes_are_the_registers_own():
    for label, fields in REGISTER.items():
        assert set(fields.values()) <= set(DataClass), label
        for name in fields:
            apps.get_model(label)._meta.get_field(name)  # no stale name


def test_every_model_naming_a_person_is_registered_or_explained():
    user = apps.get_model(settings.AUTH_USER_MODEL)
    unexplained = []
    for app in OUR_APPS:
        for model in apps.get_app_config(app).get_models():
            label = model._meta.label
            if label in REGISTER or label in NOT_PERSONAL:
                continue
            if any(
                PERSONAL_LOOKING.search(f.name) or (f.is_relation and f.related_model is user)
                for f in model_fields(model)
            ):
                unexplained.append(label)
    assert unexplained == []


@pytest.mark.parametrize(
    ("label", "name", "data_class"),
    [
        ("extranet.Candidate", "last_name", DataClass.IDENTITY),
        ("extranet.Candidate", "email", DataClass.CONTACT),
        ("extranet.CandidateContact", "notes", DataClass.SENSITIVE),
        ("extranet.Referral", "message", DataClass.SENSITIVE),
        ("extranet.Candidate", "project_type", DataClass.TECHNICAL),
        ("cartemploi.YouthProfile", "cv", DataClass.IDENTITY),
        ("cartemploi.Message", "body", DataClass.FREE_TEXT),
    ],
)
def test_known_fields_keep_their_class(label, name, data_class):
    assert register.classification(label)[name] == data_class
