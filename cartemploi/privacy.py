"""What Cartemploi keeps about a person, handed to extranet's personal-data machinery.

Registered from `CartemploiConfig.ready`: the retention job warns and anonymises young
people's profiles, blanks old relay messages, and closing an account (retention, erasure
on request, self-service deletion) anonymises the profile and messages with it.
"""

from django.db import transaction
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse

from cartemploi.enums import ValidationStatus
from cartemploi.models import CompanyProfile, Conversation, Message, PublicCard, Skill, YouthProfile
from extranet.privacy import anonymise, retention, subject
from extranet.privacy.anonymise import ANONYMISED, blank, blank_all, is_anonymised
from portal import retention as rules


@transaction.atomic
def anonymise_youth_profile(profile):
    """Profile, skills and messages blanked, photo and CV deleted, off the public map."""
    blank(profile, status=ValidationStatus.UNPUBLISHED)
    blank_all(profile.skills.all())
    PublicCard.objects.filter(youth=profile).delete()
    anonymise_conversations(profile.conversations.all())
    return profile


@transaction.atomic
def anonymise_company_profile(profile):
    """The contact person goes; the company's public description stays (not personal)."""
    blank(profile)
    anonymise_conversations(profile.conversations.all())
    return profile


def anonymise_conversations(conversations):
    """Message bodies and blocking reasons blanked; who wrote when (statistics) stays."""
    ids = list(conversations.values_list("pk", flat=True))
    blank_all(Conversation.objects.filter(pk__in=ids).exclude(blocked_reason=""))
    blank_all(Message.objects.filter(conversation__in=ids).exclude(body=""))


def anonymise_profiles_of(user):
    """The young person's or company's profile of an account being closed."""
    for model, anonymiser in (
        (YouthProfile, anonymise_youth_profile),
        (CompanyProfile, anonymise_company_profile),
    ):
        for profile in model.objects.filter(user=user):
            if not is_anonymised(profile):
                anonymiser(profile)


def expire_messages(today):
    """Blank the messages of conversations silent for longer than the rule says."""
    cutoff = rules.rule("relay_messages").expiry_cutoff(today)
    conversations = Conversation.objects.annotate(
        last=Coalesce(TruncDate("last_message_at"), TruncDate("created_at"))
    ).filter(last__lte=cutoff)
    count = Message.objects.filter(conversation__in=conversations).exclude(body="").count()
    anonymise_conversations(conversations)
    return {"anonymised": count}


def records_of(users):
    youth = subject.rows("cartemploi.YouthProfile", user__in=users)
    return {
        "cartemploi.YouthProfile": youth,
        "cartemploi.CompanyProfile": subject.rows("cartemploi.CompanyProfile", user__in=users),
        "cartemploi.Skill": list(Skill.objects.filter(profile__in=youth).order_by("pk")),
        "cartemploi.Message": subject.rows("cartemploi.Message", sender__in=users),
        "cartemploi.CharterAcceptance": subject.rows(
            "cartemploi.CharterAcceptance", user__in=users
        ),
    }


YOUTH_PROFILES = retention.RecordKind(
    rule="youth_profiles",
    model="cartemploi.YouthProfile",
    start=retention.last_login("user__"),
    recipient=lambda profile: profile.user,
    anonymise=anonymise_youth_profile,
    url=lambda profile: reverse("account_login"),
    exclude={"first_name": ANONYMISED},
    owner=lambda profile: profile.user,
)


def register():
    anonymise.anonymises_with_user(anonymise_profiles_of)
    retention.register_record_kind(YOUTH_PROFILES)
    retention.register_expirer("relay_messages", expire_messages)
    subject.register_finder(records_of, file_fields=[("cartemploi.YouthProfile", ("photo", "cv"))])
