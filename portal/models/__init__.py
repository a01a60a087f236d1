from .pages import HomePage, StandardPage
from .site_settings import SiteSettings
from .territories import Commune, Department, Epci
from .users import User

__all__ = ["Commune", "Department", "Epci", "HomePage", "SiteSettings", "StandardPage", "User"]
