from .audit import AuditEvent
from .candidates import (
    Candidate,
    CandidateContact,
    CandidateShare,
    OfferMatch,
    SavedCandidateFilter,
    StatusChange,
)
from .directory import NewsItem
from .membership import Membership, WelcomePole
from .pathways import Pathway, PathwayContact, PathwayStep
from .referrals import (
    Referral,
    ReferralAttachment,
    ReferralComment,
    ReferralEvent,
    ReferralReception,
)

__all__ = [
    "AuditEvent",
    "Candidate",
    "CandidateContact",
    "CandidateShare",
    "Membership",
    "NewsItem",
    "OfferMatch",
    "Pathway",
    "PathwayContact",
    "PathwayStep",
    "Referral",
    "ReferralAttachment",
    "ReferralComment",
    "ReferralEvent",
    "ReferralReception",
    "SavedCandidateFilter",
    "StatusChange",
    "WelcomePole",
]
