"""Dashboard panel of the approvers: offers (partners' proposals too) awaiting their review."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, Subquery, Window
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, Page, TaskState

from extranet.dashboard import Panel, register_panel
from extranet.enums import Role
from extranet.roles import roles_of
from portal.models import OfferPage

SHOWN = 5


def _offers_in_moderation(request):
    """Offers waiting for a review this user can give (approvers only: a card pointing at
    reviews one cannot do would be a dead end)."""
    user = request.user
    if not roles_of(user) & {Role.EDITOR, Role.REGIONAL_ADMIN} or not _is_approver(user):
        return None
    rows = list(_reviewable_offers(user)[:SHOWN])
    offers = [(row["page_id"], row["title"]) for row in rows]
    return {"count": rows[0]["total"] if rows else 0, "offers": offers}


def _reviewable_offers(user):
    """In-progress reviews of offers by an active group approval task of this user, with
    their draft title and their total on every row: one query (Wagtail's `reviewable_by`
    costs one per task plus the specific tasks and the content objects)."""
    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        task__active=True,
        workflow_state__content_type=ContentType.objects.get_for_model(OfferPage),
    )
    tasks = GroupApprovalTask.objects.all()
    if not user.is_superuser:
        tasks = tasks.filter(groups__user=user)
    states = states.filter(task__in=tasks.values("pk"))
    page = Page.objects.filter(pk=Cast(OuterRef("workflow_state__object_id"), IntegerField()))
    return (
        states.annotate(
            page_id=Cast("workflow_state__object_id", IntegerField()),
            title=Subquery(page.values("draft_title")[:1]),
            total=Window(Count("pk")),
        )
        .order_by("started_at")
        .values("page_id", "title", "total")
    )


def _is_approver(user):
    return (
        user.is_superuser
        or GroupApprovalTask.objects.filter(active=True, groups__in=user.groups.all()).exists()
    )


def register():
    register_panel(
        Panel(
            "offers_moderation",
            _("Offres en attente de modération"),
            "extranet/panels/offers_moderation.html",
            _offers_in_moderation,
            32,
        )
    )
