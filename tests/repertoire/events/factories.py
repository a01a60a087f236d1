import datetime

import factory
from django.utils import timezone

from repertoire.events.enums import EventAudience, EventKind, RegistrationStatus
from repertoire.events.models import Event, EventRegistration
from tests.repertoire.factories import StructureFactory


def in_days(days, at="14:00"):
    day = timezone.localdate() + datetime.timedelta(days=days)
    hour, minute = map(int, at.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    organiser = factory.SubFactory(StructureFactory)
    title = factory.Sequence(lambda n: f"Forum de l'emploi n°{n}")
    slug = factory.Sequence(lambda n: f"forum-{n}")
    kind = EventKind.JOB_FAIR
    audience = EventAudience.YOUTH
    description = "Rencontrez les entreprises qui recrutent."
    start = factory.LazyFunction(lambda: in_days(10))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    place_name = "Salle des fêtes"
    address = "Place de la mairie"
    commune = factory.SelfAttribute("organiser.commune")
    registration = True
    capacity = 10

    class Params:
        open_entry = factory.Trait(registration=False, capacity=None)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventRegistration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Personne {n}")
    email = factory.Sequence(lambda n: f"personne{n}@exemple.fr")
    people = 1
    status = RegistrationStatus.CONFIRMED
