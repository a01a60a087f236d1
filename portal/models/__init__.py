from portal.mail.models import OutboundEmail

from .offers import OfferIndexPage, OfferPage, OfferType, TerritoryPage
from .pages import HomePage, StandardPage
from .reference import ReferenceDataset
from .site_settings import SiteSettings
from .territories import Commune, Department, Epci
from .users import User

__all__ = [
    "Commune",
    "Department",
    "Epci",
    "HomePage",
    "OfferIndexPage",
    "OfferPage",
    "OfferType",
    "OutboundEmail",
    "ReferenceDataset",
    "SiteSettings",
    "StandardPage",
    "TerritoryPage",
    "User",
]
