"""Every Wagtail admin registration of the extranet, and nothing else.

Read-mostly back-office lists are wagtail-modeladmin `ModelAdmin`s (grouped under "Réseau");
content editors write with drafts and revisions are snippet `ViewSet`s.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from extranet.admin_helpers import RegionalAdminReadOnlyHelper
from extranet.directory.documents import guard_wagtail_serve
from extranet.models import (
    AuditEvent,
    JoinRequest,
    Membership,
    NewsItem,
    SharedDocument,
    WelcomePole,
)
from extranet.privacy.admin_views import menu_item as privacy_menu_item
from extranet.privacy.admin_views import subject_request


class MembershipAdmin(ModelAdmin):
    model = Membership
    menu_icon = "user"
    list_display = ("user", "structure", "role", "job_title", "is_active")
    list_filter = ("role", "is_active")
    search_fields = ("user__email", "user__last_name", "structure__name")
    list_select_related = ("user", "structure")


class WelcomePoleAdmin(ModelAdmin):
    model = WelcomePole
    menu_icon = "home"
    list_display = ("name", "structure", "is_regional")
    form_fields_exclude = ["communes"]  # thousands of communes: edited via the EPCIs


class AuditEventAdmin(ModelAdmin):
    model = AuditEvent
    menu_icon = "history"
    permission_helper_class = RegionalAdminReadOnlyHelper
    inspect_view_enabled = True
    list_display = ("created_at", "actor_label", "action", "object_label", "request_id")
    list_filter = ("action", "content_type")
    search_fields = ("actor_label", "object_label", "request_id")
    list_per_page = 50


class JoinRequestAdmin(ModelAdmin):
    """Join requests, read here; accepted or refused in the extranet (which notifies)."""

    model = JoinRequest
    menu_icon = "user"
    permission_helper_class = RegionalAdminReadOnlyHelper
    inspect_view_enabled = True
    list_display = ("user", "structure", "status", "created_at", "decided_by")
    list_filter = ("status",)
    search_fields = ("user__email", "user__last_name", "structure__name")
    list_select_related = ("user", "structure", "decided_by")


class SharedDocumentAdmin(ModelAdmin):
    """Who shared which document, and what the editors decided (decided in the extranet)."""

    model = SharedDocument
    menu_icon = "doc-full"
    permission_helper_class = RegionalAdminReadOnlyHelper
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["file"]
    list_display = ("title", "shared_by", "structure", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("title",)
    list_select_related = ("shared_by", "structure")


@modeladmin_register
class NetworkGroup(ModelAdminGroup):
    menu_label = _("Réseau")
    menu_icon = "group"
    menu_order = 250
    items = (
        MembershipAdmin,
        JoinRequestAdmin,
        SharedDocumentAdmin,
        WelcomePoleAdmin,
        AuditEventAdmin,
    )


class NewsItemViewSet(SnippetViewSet):
    model = NewsItem
    icon = "doc-full"
    menu_label = _("Actualités du réseau")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["title", "structure", "published_at", "is_published"]
    # The author is who posts it (never a list of every account to choose from).
    exclude_form_fields = ["author"]


register_snippet(NewsItemViewSet)


@hooks.register("after_create_snippet")
def sign_news_item(request, instance):
    if isinstance(instance, NewsItem) and instance.author_id is None:
        instance.author = request.user
        instance.save(update_fields=["author"])


# Wagtail's own /documents/ URL refuses the network's documents to outsiders.
hooks.register("before_serve_document", guard_wagtail_serve)


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [path("donnees-personnelles/", subject_request, name="extranet_privacy_requests")]


@hooks.register("register_admin_menu_item")
def register_privacy_menu_item():
    return privacy_menu_item()
