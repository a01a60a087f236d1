"""Whatever a visitor types into the request form, the answer is a French message or a
slot the services can check: never an exception (no database needed)."""

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from repertoire.workspaces import services
from repertoire.workspaces.forms import BookingRequestForm
from repertoire.workspaces.models import Room, Workspace
from tests.repertoire.workspaces.factories import HOURS

ROOM = Room(
    pk=1, name="Bureau", capacity=2, workspace=Workspace(opening_hours=HOURS, max_booking_hours=4)
)
TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=string.digits + "-:T ", max_size=20),
    st.sampled_from(["2026-02-30", "9999-12-31", "0001-01-01", "24:00", "23:59", "-1", "1e9"]),
)


@settings(max_examples=150, deadline=None)
@given(date=TEXT, start=TEXT, end=TEXT, people=TEXT, email=TEXT, room=TEXT)
def test_any_input_is_refused_in_words_or_gives_a_checkable_slot(
    date, start, end, people, email, room
):
    data = {
        "room": room,
        "date": date,
        "start": start,
        "end": end,
        "people": people,
        "name": "Camille",
        "email": email,
        "visitor_kind": "teleworker",
    }
    form = BookingRequestForm(data, rooms=[ROOM])
    if not form.is_valid():
        assert all(isinstance(m, str) and m for ms in form.errors.values() for m in ms)
        return
    begin, finish = form.slot()
    errors = services.slot_errors(
        room=ROOM, start=begin, end=finish, people=form.cleaned_data["people"]
    )
    assert all(isinstance(message, str) for message in errors.values())
