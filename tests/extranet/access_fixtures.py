"""What the seeded demo lacks for the access matrix: candidates shared with the printed
partners' structures, an attachment on every referral, a CV for every young person, a
conversation between the printed young person and company, a youth agency (with its
young person, company and conversation) outside the printed advisor's territory, and a
document outside the network's collection."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cartemploi.enums import MessageStatus, Side
from cartemploi.models import CompanyProfile, Conversation, Message, YouthProfile
from extranet.models import Candidate, CandidateShare, Membership, Referral, ReferralAttachment
from portal.models import Commune
from tests.cartemploi.factories import CompanyProfileFactory, YouthProfileFactory
from tests.repertoire.factories import StructureFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DOMAIN = "demo.passerelles.localhost"


def complete_the_demo():
    share_with_partners()
    attach_to_referrals()
    other = StructureFactory(youth_agency=True, name="Mission locale hors territoire")
    commune = Commune.objects.filter(latitude__isnull=False).first()
    youth = YouthProfileFactory(agency=other, commune=commune, published=True)
    company = CompanyProfileFactory(agency=other, commune=commune, published=True)
    converse(youth, company)
    converse(
        YouthProfile.objects.get(user__email=f"jeune@{DOMAIN}"),
        CompanyProfile.objects.get(user__email=f"entreprise@{DOMAIN}"),
    )
    for profile in YouthProfile.objects.filter(cv=""):
        profile.cv.save("cv.pdf", ContentFile(PDF), save=True)
    Document = get_document_model()
    public = Document(title="Document public", collection=Collection.get_first_root_node())
    public.file.save("public.pdf", ContentFile(PDF), save=True)


def share_with_partners():
    candidates = Candidate.objects.order_by("pk")
    for number, local_part in enumerate(("membre", "responsable")):
        membership = Membership.objects.get(user__email=f"{local_part}@{DOMAIN}")
        CandidateShare.objects.get_or_create(
            candidate=candidates[number],
            structure=membership.structure,
            defaults={"reason": "Accompagnement", "can_edit": local_part == "responsable"},
        )


def attach_to_referrals():
    for referral in Referral.objects.order_by("pk"):
        if not referral.attachments.exists():
            attachment = ReferralAttachment(
                referral=referral, original_name="piece.pdf", content_type="application/pdf"
            )
            attachment.size = len(PDF)
            attachment.file.save("piece.pdf", ContentFile(PDF), save=True)


def converse(youth, company):
    conversation = Conversation.objects.create(
        youth=youth, company=company, started_by=Side.YOUTH, agency=youth.agency
    )
    Message.objects.create(
        conversation=conversation,
        sender=youth.user,
        sender_side=Side.YOUTH,
        body="Bonjour, votre métier m'intéresse.",
        status=MessageStatus.HELD,
    )
