"""What the events give the site search (kind "event"): the upcoming published events,
where they are held. `register()` is called by `RepertoireConfig.ready`."""

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from repertoire.events.models import Event
from search import registry
from search.documents import Document


def event_queryset():
    return Event.objects.published().upcoming().select_related("commune", "organiser", "workspace")


def event_document(event):
    """The event's document, in French whatever the language of the request that saved it
    (its address, its date): the English search shows the English address itself."""
    with translation.override(settings.LANGUAGE_CODE):
        return _document(event)


def _document(event):
    commune = event.commune
    when = formats.date_format(event.start, "DATE_FORMAT")
    text = [
        event.description,
        event.get_kind_display(),
        str(event.get_audience_display()),
        event.place_label,
        event.full_address,
        event.organiser.name,
        when,
    ]
    return Document(
        kind="event",
        id=str(event.pk),
        title=f"{event.title} ({when})",
        text=" ".join(str(t) for t in text if t),
        url=event.get_absolute_url(),
        types=[event.kind],
        commune_code=event.commune_id or "",
        department_code=commune.department_id if commune else "",
        point=event.point,
        updated_at=event.updated_at,
        suggest=[event.title],
    )


def register():
    registry.register(
        registry.Source(
            kind="event",
            label=_("Événements"),
            model=Event,
            get_queryset=event_queryset,
            to_document=event_document,
        )
    )
    registry.register_labels("types", kind_labels)


def kind_labels(codes):
    choices = dict(Event._meta.get_field("kind").choices)
    return {code: str(choices[code]) for code in codes if code in choices}
