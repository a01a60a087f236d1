from .cards import PublicCard
from .charter import CharterAcceptance, CharterVersion
from .profiles import CompanyProfile, JobOffer, Skill, YouthProfile
from .relay import Conversation, Message, Outcome

__all__ = [
    "CharterAcceptance",
    "CharterVersion",
    "CompanyProfile",
    "Conversation",
    "JobOffer",
    "Message",
    "Outcome",
    "PublicCard",
    "Skill",
    "YouthProfile",
]
