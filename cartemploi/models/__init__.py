from .cards import PublicCard
from .charter import CharterAcceptance, CharterVersion
from .fairs import FairCompany
from .profiles import CompanyProfile, JobOffer, Skill, YouthProfile
from .relay import Conversation, Message, Outcome

__all__ = [
    "CharterAcceptance",
    "CharterVersion",
    "CompanyProfile",
    "Conversation",
    "FairCompany",
    "JobOffer",
    "Message",
    "Outcome",
    "PublicCard",
    "Skill",
    "YouthProfile",
]
