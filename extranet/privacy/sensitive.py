"""Who reads sensitive fields: the people who accompany the person, nobody else.

Fields the register classifies `SENSITIVE` (health, justice, social situation: contact
notes, a referral's message, comments and documents, a pathway's situation) are shown to:
- a candidate's: their referent and the officers of the pole holding the record; never a
  partner the record was shared with;
- a referral's: members of the sending and the receiving structure (the two social workers);
- a pathway's: members of the structure that wrote it.
The regional admin oversees the records but reads no sensitive field on screen (a person's
own access request, `privacy/subject.py`, still contains everything). No export holds a
sensitive field. See docs/decisions/0008.

Each detail queryset is annotated with `reads_sensitive` (an EXISTS subquery: no extra
query per page); templates show the field or say it is reserved.
"""

from django.db.models import Exists, OuterRef, Q

from extranet.models import Membership, WelcomePole


def _memberships(user):
    return Membership.objects.filter(user_id=user.pk, is_active=True)


def candidates_flagged(queryset, user):
    officer = WelcomePole.officers.through.objects.filter(
        welcomepole_id=OuterRef("pole_id"), user_id=user.pk
    )
    return queryset.annotate(reads_sensitive=Q(referent_id=user.pk) | Exists(officer))


def referrals_flagged(queryset, user):
    mine = _memberships(user)
    sender = mine.filter(structure_id=OuterRef("sender_structure_id"))
    target = mine.filter(structure_id=OuterRef("target_structure_id"))
    return queryset.annotate(reads_sensitive=Exists(sender) | Exists(target))


def pathways_flagged(queryset, user):
    writer = _memberships(user).filter(structure_id=OuterRef("structure_id"))
    return queryset.annotate(reads_sensitive=Exists(writer))
