from .audit import AuditEvent
from .membership import Membership, WelcomePole

__all__ = ["AuditEvent", "Membership", "WelcomePole"]
