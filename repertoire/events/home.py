"""The home page's "next events" section (registered with `portal.home` by
`RepertoireConfig.ready`): one query."""

from repertoire.events.models import Event

HOME_EVENTS = 3


def upcoming_events(request):
    events = list(Event.objects.published().upcoming().for_listing()[:HOME_EVENTS])
    return {"events": events} if events else None


def register():
    from portal.home import register_home_section

    register_home_section("repertoire/events/_home_section.html", upcoming_events)
