"""Writes on shared documents: atomic, audited, notified through the outbox.

A member's upload is checked like every upload (`portal.documents.check_document`: size,
type by content, antivirus). Moderated (`NETWORK_DOCUMENTS_MODERATED`), it waits as a
private file until an editor publishes it; unmoderated, it is published at once. Publishing
makes it a Wagtail document of the network collection, which the members' list reads.
"""

import os

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Collection

from extranet import audit
from extranet.enums import AuditAction, SharedDocumentStatus
from extranet.models import SharedDocument
from extranet.notices import editors, notify


class AlreadyDecided(Exception):
    """Another editor decided first."""


def network_root():
    return Collection.objects.get(name=settings.NETWORK_DOCUMENTS_COLLECTION)


def _publish_file(shared, upload, user):
    """Make `upload` a Wagtail document of the network collection, linked to `shared`."""
    document = get_document_model()(
        title=shared.title, collection=network_root(), uploaded_by_user=user
    )
    document.file.save(os.path.basename(upload.name), upload, save=False)
    document._set_document_file_metadata()
    document.save()
    shared.document = document
    shared.status = SharedDocumentStatus.PUBLISHED


@transaction.atomic
def share(*, user, structure, title, description, upload):
    shared = SharedDocument(title=title, description=description, structure=structure)
    shared.shared_by = user
    if settings.NETWORK_DOCUMENTS_MODERATED:
        shared.file.save(os.path.basename(upload.name), upload, save=False)
    else:
        _publish_file(shared, upload, user)
    shared.save()
    audit.record(actor=user, action=AuditAction.CREATE, obj=shared, reason=shared.status)
    if shared.status == SharedDocumentStatus.PROPOSED:
        notify(
            editors(),
            subject=_("Document proposé au réseau : %(title)s") % {"title": title},
            lines=[
                _("%(person)s propose un document aux membres du réseau : « %(title)s ».")
                % {"person": user.get_full_name() or user.email, "title": title},
            ],
            path=reverse("extranet:document_review", args=[shared.pk]),
            link_label=_("Pour le publier ou le refuser (connexion nécessaire) :"),
            kind="shared_document_proposed",
        )
    return shared


def _locked(pk):
    shared = (
        SharedDocument.objects.select_for_update(of=("self",))
        .select_related("shared_by")
        .get(pk=pk)
    )
    if shared.status != SharedDocumentStatus.PROPOSED:
        raise AlreadyDecided
    return shared


def _decided(shared, reviewer):
    shared.decided_by = reviewer
    shared.decided_at = timezone.now()
    private = shared.file.name
    shared.file = ""
    shared.save()
    # The private copy goes once the decision is saved (a rollback keeps it).
    transaction.on_commit(lambda: SharedDocument.file.field.storage.delete(private))
    audit.record(actor=reviewer, action=AuditAction.UPDATE, obj=shared, reason=shared.status)


@transaction.atomic
def publish(pk, reviewer):
    shared = _locked(pk)
    with shared.file.open("rb") as private:
        _publish_file(shared, File(private, name=shared.file.name), shared.shared_by)
        _decided(shared, reviewer)
    notify(
        [shared.shared_by] if shared.shared_by else [],
        subject=_("Votre document est publié"),
        lines=[
            _("« %(title)s » est maintenant dans les documents du réseau.")
            % {"title": shared.title}
        ],
        path=reverse("extranet:document_list"),
        link_label=_("Les documents du réseau :"),
        kind="shared_document_published",
    )
    return shared


@transaction.atomic
def refuse(pk, reviewer, reason):
    shared = _locked(pk)
    shared.status = SharedDocumentStatus.REFUSED
    shared.refusal_reason = reason
    _decided(shared, reviewer)
    lines = [_("« %(title)s » n'a pas été publié.") % {"title": shared.title}]
    if reason:
        lines.append(_("Motif : %(reason)s") % {"reason": reason})
    notify(
        [shared.shared_by] if shared.shared_by else [],
        subject=_("Votre document n'a pas été publié"),
        lines=lines,
        kind="shared_document_refused",
    )
    return shared
