"""The demo's shared workspaces: the Grand-Bourg public-services relay (a 20-seat meeting
room with video, an 8-seat computer room, offices for 1 to 3 people), the Fursac media
library and the Bénévent-l'Abbaye tourist office, with a few bookings.

Idempotent: places keyed by slug, rooms by (place, name); a booking is skipped when its
slot is held. Bookings sit in the weeks around the day it runs (past ones feed the
statistics).
"""

import datetime

from django.db import transaction
from django.utils import timezone

from repertoire.demo import structures as demo_structures
from repertoire.models import Booking, Room, Structure, Workspace
from repertoire.workspaces.enums import (
    BookingStatus,
    RoomAudience,
    RoomKind,
    VisitorKind,
    WorkspaceKind,
)

RELAY_PLACE = "relais-grand-bourg"
PLACES = (
    # slug, structure, name, kind, hours, max hours, access rules, rooms
    (
        RELAY_PLACE,
        demo_structures.SERVICES_RELAY,
        "Relais de services publics du Grand-Bourg",
        WorkspaceKind.SERVICES_RELAY,
        "Mo-Fr 09:00-12:30,13:30-18:00; Sa 09:00-12:00; PH off",
        8,
        "Accueil aux heures d'ouverture ; une pièce d'identité est demandée à la première "
        "venue. Wi-Fi gratuit. Merci de laisser la salle rangée.",
        (
            (
                "Salle du conseil",
                RoomKind.MEETING,
                20,
                "Écran, visioconférence, paperboard",
                None,
                RoomAudience.ASSOCIATIONS,
            ),
            (
                "Salle informatique",
                RoomKind.COMPUTER,
                8,
                "8 ordinateurs, imprimante",
                None,
                RoomAudience.EVERYONE,
            ),
            (
                "Bureau 1",
                RoomKind.OFFICE,
                1,
                "Bureau, écran, Wi-Fi",
                None,
                RoomAudience.PROFESSIONALS,
            ),
            (
                "Bureau 2",
                RoomKind.OFFICE,
                2,
                "Deux bureaux, Wi-Fi",
                "4.00",
                RoomAudience.PROFESSIONALS,
            ),
            (
                "Bureau 3",
                RoomKind.OFFICE,
                3,
                "Table de réunion, Wi-Fi, téléphone",
                "6.00",
                RoomAudience.PROFESSIONALS,
            ),
        ),
    ),
    (
        "mediatheque-fursac",
        demo_structures.MEDIA_LIBRARY,
        "Médiathèque de Fursac",
        WorkspaceKind.MEDIA_LIBRARY,
        "Tu,Th 14:00-18:00; We 10:00-12:00,14:00-18:00; Sa 10:00-12:00; PH off",
        4,
        "Postes en accès libre ; la salle d'atelier se réserve.",
        (
            (
                "Poste de travail",
                RoomKind.DESK,
                1,
                "Prise, Wi-Fi, lampe",
                None,
                RoomAudience.EVERYONE,
            ),
            (
                "Salle d'atelier",
                RoomKind.MEETING,
                10,
                "Vidéoprojecteur",
                None,
                RoomAudience.ASSOCIATIONS,
            ),
        ),
    ),
    (
        "office-tourisme-benevent",
        demo_structures.TOURIST_OFFICE,
        "Coworking de l'office de tourisme de Bénévent",
        WorkspaceKind.TOURIST_OFFICE,
        "Mo-Sa 09:30-12:30,14:00-17:30; PH off",
        8,
        "Espace de coworking au premier étage (ascenseur). Café offert.",
        (
            (
                "Open space (poste)",
                RoomKind.DESK,
                1,
                "Écran, Wi-Fi",
                "2.00",
                RoomAudience.PROFESSIONALS,
            ),
        ),
    ),
)
# (place, room, weekday offset from the Monday of the current week, start, hours, people,
#  status, name, kind)
BOOKINGS = (
    (
        RELAY_PLACE,
        "Salle du conseil",
        -7,
        "09:30",
        3,
        14,
        "accepted",
        "Association Les Bruyères",
        VisitorKind.ASSOCIATION,
    ),
    (
        RELAY_PLACE,
        "Bureau 1",
        -6,
        "14:00",
        4,
        1,
        "accepted",
        "Claire Dumont",
        VisitorKind.TELEWORKER,
    ),
    (
        RELAY_PLACE,
        "Salle informatique",
        -5,
        "10:00",
        2,
        6,
        "accepted",
        "CAF de la Creuse",
        VisitorKind.PUBLIC_SERVICE,
    ),
    (
        RELAY_PLACE,
        "Bureau 2",
        8,
        "09:00",
        3,
        2,
        "accepted",
        "Atelier Bois & Cie",
        VisitorKind.COMPANY,
    ),
    (
        RELAY_PLACE,
        "Salle du conseil",
        10,
        "14:00",
        2,
        12,
        "requested",
        "Comité des fêtes",
        VisitorKind.ASSOCIATION,
    ),
    (RELAY_PLACE, "Bureau 1", 9, "09:00", 3, 1, "requested", "Yann Leroux", VisitorKind.TELEWORKER),
)


def _aware(monday, offset, at):
    hour, minute = map(int, at.split(":"))
    day = monday + datetime.timedelta(days=offset)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _seed_place(slug, structure, name, kind, hours, max_hours, rules, rooms):
    place, _created = Workspace.objects.update_or_create(
        slug=slug,
        defaults={
            "structure": structure,
            "name": name,
            "kind": kind,
            "commune": structure.commune,
            "address": structure.address,
            "opening_hours": hours,
            "max_booking_hours": max_hours,
            "access_rules": rules,
            "phone": structure.phone,
            "summary": structure.summary,
        },
    )
    for room_name, room_kind, capacity, equipment, price, audience in rooms:
        Room.objects.update_or_create(
            workspace=place,
            name=room_name,
            defaults={
                "kind": room_kind,
                "capacity": capacity,
                "equipment": equipment,
                "hourly_price": price,
                "audience": audience,
            },
        )
    return place


@transaction.atomic
def seed_workspaces_demo():
    """Create or update the demo's places, rooms and bookings."""
    slugs = [place[1] for place in PLACES]
    structures = Structure.objects.in_bulk(slugs, field_name="slug")
    for slug, structure_slug, *rest in PLACES:
        _seed_place(slug, structures[structure_slug], *rest)
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    for place, room, offset, at, length, people, status, name, kind in BOOKINGS:
        room = Room.objects.get(workspace__slug=place, name=room)
        start = _aware(monday, offset, at)
        end = start + datetime.timedelta(hours=length)
        if Booking.objects.filter(room=room).holding().overlapping(start, end).exists():
            continue  # seeded already (or a booking of an earlier week's run holds it)
        Booking.objects.create(
            room=room,
            start=start,
            end=end,
            people=people,
            status=status,
            name=name,
            visitor_kind=kind,
            email=f"reservation+{room.pk}-{offset}@exemple.fr",
            decided_at=timezone.now() if status == BookingStatus.ACCEPTED else None,
        )
