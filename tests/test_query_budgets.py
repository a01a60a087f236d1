"""Query budgets on the seeded demo, as each printed account sees it (issue #13).

The list tests used to assert budgets on fixtures without a menu, roles or realistic volume,
and missed a 90-query page. Here the real demo is built (`seed_demo`: menus, pages and every
app's demo step), every sitemap URL and the apps' public pages are requested anonymously,
and every page linked from each demo account's start page is requested as that account.
Then the data grows tenfold and no page may cost one query more.
"""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cartemploi.models import FairCompany, PublicCard
from extranet import demo
from extranet.demo.members import NEWCOMER
from extranet.models import (
    Candidate,
    JoinRequest,
    Membership,
    Referral,
    SharedDocument,
    WelcomePole,
)
from portal.languages import originals
from portal.models import Commune, OfferIndexPage, User
from repertoire.demo.events import JOB_FAIR
from repertoire.models import Booking, Event, Structure, Workspace
from tests.extranet.factories import CandidateFactory, ReferralFactory
from tests.extranet.test_seed_demo import demo_communes  # noqa: F401  (fixture)
from tests.portal.factories import UserFactory, offer
from tests.repertoire.events.factories import EventFactory, RegistrationFactory
from tests.repertoire.factories import StructureFactory
from tests.repertoire.workspaces.factories import BookingFactory, RoomFactory

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PUBLIC_BUDGET = 12
SIGNED_IN_BUDGET = 15
APP_PAGES = [
    "/repertoire/",
    "/recherche/?q=emploi",
    "/en/recherche/?q=emploi",
    "/cartemploi/",
    "/je-m-installe/",
    "/espaces-de-travail/",
    "/espaces-de-travail/?commune=Le+Grand-Bourg&rayon=20",
    "/espaces-de-travail/relais-grand-bourg/",
    "/espaces-de-travail/relais-grand-bourg/demander/",
    "/evenements/?commune=Gu%C3%A9ret&rayon=50&type=job_fair",
    "/en/evenements/?commune=Gu%C3%A9ret&rayon=50&type=job_fair",
    "/evenements/agenda.ics",
]
LINK = re.compile(r'href="(/(?:extranet|cartemploi)/[^"?#]*)"')
NOT_PAGES = (".json", "/export", ".csv", ".xlsx", ".pdf", "/fichiers/")


def cost(client, url):
    client.get(url)  # caches warm, as on a served site
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, len(queries)


def public_urls(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    return [re.sub(r"^https?://[^/]+", "", url) for url in locations] + APP_PAGES


def start_page(user):
    """Where « Mon espace » lands each account (the header links it)."""
    return {
        "youth": "/cartemploi/mon-espace/jeune/",
        "company": "/cartemploi/mon-espace/entreprise/",
    }.get(user.kind, "/extranet/")


def reachable(client, start):
    """The app pages linked from the account's start page: what its navigation offers."""
    html = client.get(start, follow=True).content.decode()
    links = {start, *LINK.findall(html)}
    return sorted(link for link in links if not link.endswith(NOT_PAGES))


def deeper_pages():
    """(account, URL) of the pages one click past the start page's links: deciding on a join
    request or a proposed document, sharing one, and the newcomer's join page."""
    domain = demo.DEMO_EMAIL_DOMAIN
    request = JoinRequest.objects.filter(status="pending").order_by("pk").first()
    proposal = SharedDocument.objects.filter(status="proposed").order_by("pk").first()
    return [
        (f"membre@{domain}", "/extranet/documents/partager/"),
        (f"responsable@{domain}", f"/extranet/adhesions/{request.pk}/"),
        (f"editeur@{domain}", f"/extranet/documents/propositions/{proposal.pk}/"),
        (NEWCOMER, "/extranet/rejoindre/?q=%C3%A9picerie"),
    ]


def measure():
    costs = {}
    anonymous = Client(raise_request_exception=False)
    for url in public_urls(anonymous):
        costs["anonyme", url] = cost(anonymous, url)
    for account in demo.PRINTED_ACCOUNTS:
        user = User.objects.get(email=account.email)
        client = Client(raise_request_exception=False)
        client.force_login(user)
        for url in reachable(client, start_page(user)):
            costs[account.email, url] = cost(client, url)
    for email, url in deeper_pages():
        client = Client(raise_request_exception=False)
        client.force_login(User.objects.get(email=email))
        costs[email, url] = cost(client, url)
    return costs


def budget(who, url):
    return PUBLIC_BUDGET if who == "anonyme" else SIGNED_IN_BUDGET


def grow_tenfold():
    """Nine more of each listed thing, where the demo accounts see them."""
    communes = list(Commune.objects.filter(latitude__isnull=False)[:20])
    pole = WelcomePole.objects.get(officers__email="pole@demo.passerelles.localhost")
    for number in range(Candidate.objects.count() * 9):
        CandidateFactory(pole=pole, target_commune=communes[number % len(communes)])
    member = Membership.objects.get(user__email="membre@demo.passerelles.localhost")
    manager = Membership.objects.get(user__email="responsable@demo.passerelles.localhost")
    for _ in range(Referral.objects.count() * 9):
        ReferralFactory(
            sender=member.user,
            sender_structure=member.structure,
            target_structure=manager.structure,
        )
    for number in range(Structure.objects.count() * 9):
        StructureFactory(commune=communes[number % len(communes)])
    index = originals(OfferIndexPage.objects.all()).get()
    for _ in range(index.get_children().count() * 9):
        offer(parent=index, commune=communes[0])
    grow_workspaces()
    grow_events()
    grow_members_requests(manager.structure, member)


def grow_members_requests(structure, member):
    """Nine more join requests to the épicerie, nine more documents waiting for the editors."""
    for _ in range(JoinRequest.objects.count() * 9):
        JoinRequest.objects.create(user=UserFactory(kind="person"), structure=structure)
    for number in range(SharedDocument.objects.count() * 9):
        SharedDocument.objects.create(
            title=f"Document proposé {number}", shared_by=member.user, structure=member.structure
        )


def grow_workspaces():
    """Nine more places near the demo relay, and nine more requests for its rooms."""
    relay = Workspace.objects.get(slug="relais-grand-bourg")
    for _ in range(Workspace.objects.count() * 9):
        RoomFactory(workspace__structure__commune=relay.commune)
    rooms = list(relay.rooms.all())
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=30)
    for number in range(Booking.objects.count() * 9):
        slot = start + timedelta(hours=3 * number)
        BookingFactory(room=rooms[number % len(rooms)], start=slot)


def grow_events():
    """Nine more events of each demo organiser, with registrations, and companies at the fair."""
    fair = Event.objects.get(slug=JOB_FAIR)
    for event in list(Event.objects.all()):
        for number in range(9):
            grown = EventFactory(
                organiser=event.organiser,
                commune=event.commune,
                kind=event.kind,
                start=event.start + timedelta(days=number + 1),
                end=event.end + timedelta(days=number + 1),
            )
            RegistrationFactory.create_batch(2, event=grown)
    for card in PublicCard.objects.filter(kind="company").exclude(company__fairs__event=fair)[:9]:
        FairCompany.objects.create(event=fair, company=card.company)


def test_every_page_of_the_demo_keeps_its_budget_and_ten_times_more_data_costs_nothing(
    demo_communes,  # noqa: F811
):
    call_command("seed_demo", stdout=io.StringIO())
    costs = measure()
    assert len(costs) > 60, "the crawl must see the demo's pages"
    over = {
        key: found
        for key, found in costs.items()
        if found[0] not in (200, 302) or found[1] > budget(*key)
    }
    assert over == {}
    grow_tenfold()
    grown = measure()
    worse = {
        key: (costs[key][1], grown[key][1])
        for key in costs
        if key in grown and grown[key][1] > costs[key][1]
    }
    assert worse == {}
