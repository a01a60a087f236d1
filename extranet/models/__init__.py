"""The models of the `extranet` app, as Django looks for them.

Shared pieces live here (membership, audit); each flow keeps its own models in
`extranet/<flow>/models.py`. Every flow reads other flows' models from this module only.
"""

from extranet.candidates.models import (
    Candidate,
    CandidateContact,
    CandidateShare,
    OfferMatch,
    SavedCandidateFilter,
    StatusChange,
)
from extranet.directory.models import NewsItem, SharedDocument
from extranet.joining.models import JoinRequest
from extranet.pathways.models import Pathway, PathwayContact, PathwayStep
from extranet.referrals.models import (
    Referral,
    ReferralAttachment,
    ReferralComment,
    ReferralEvent,
    ReferralReception,
)

from .audit import AuditEvent
from .membership import Membership, WelcomePole

__all__ = [
    "AuditEvent",
    "Candidate",
    "CandidateContact",
    "CandidateShare",
    "JoinRequest",
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
    "SharedDocument",
    "StatusChange",
    "WelcomePole",
]
