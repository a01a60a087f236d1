"""The public photo of a published young person: a small re-encoded copy, never the original.

The original (already re-encoded at upload, `uploads.clean_photo`) stays in private storage,
served only to its owner and their advisors. When an advisor publishes the profile, the card
gets a fixed-size square JPEG under a random name in public media (`images/`, the only public
media folder): no EXIF, no link to the original's name. It is replaced at each publication
and deleted with the card (unpublication, anonymisation, deletion: `connect()`).
"""

import io
import secrets

from django.core.files.base import ContentFile
from django.db.models.signals import post_delete
from PIL import Image, ImageOps

from cartemploi.models import PublicCard

SIDE = 240
QUALITY = 80


def render(photo_file):
    """JPEG bytes of a SIDE×SIDE centred crop, without EXIF or any other metadata."""
    with photo_file.open("rb") as stored, Image.open(stored) as image:
        square = ImageOps.fit(ImageOps.exif_transpose(image).convert("RGB"), (SIDE, SIDE))
    out = io.BytesIO()
    square.save(out, format="JPEG", quality=QUALITY, optimize=True)
    return out.getvalue()


def refresh(card, photo_file):
    """Replace the card's rendition by one of `photo_file` (or none if there is no photo)."""
    drop(card)
    if photo_file:
        name = f"{secrets.token_urlsafe(16)}.jpg"
        card.photo.save(name, ContentFile(render(photo_file)), save=False)
    PublicCard.objects.filter(pk=card.pk).update(photo=card.photo.name or "")
    return card


def drop(card):
    if card.photo:
        card.photo.delete(save=False)


def _deleted(sender, instance, **kwargs):
    drop(instance)


def connect():
    post_delete.connect(_deleted, sender=PublicCard, dispatch_uid="cartemploi_card_photo")
