"""The demo's job fair (`repertoire.demo.events`): six published companies attending."""

from cartemploi.enums import CardKind
from cartemploi.models import CompanyProfile, FairCompany
from repertoire.demo.events import JOB_FAIR
from repertoire.models import Event

ATTENDING = 6


def seed_fair_companies_demo():
    fair = Event.objects.filter(slug=JOB_FAIR).first()
    if fair is None:
        return
    companies = CompanyProfile.objects.published().filter(public_card__kind=CardKind.COMPANY)
    for company in companies.order_by("pk")[:ATTENDING]:
        FairCompany.objects.get_or_create(event=fair, company=company)
