from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from portal import retention


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Titre"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Niveau 2")), ("h3", _("Niveau 3"))],
        default="h2",
        label=_("Niveau"),
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"))
    text = blocks.TextBlock(label=_("Texte"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Ou adresse web"), required=False)
    label = blocks.CharBlock(label=_("Libellé du lien"))

    class Meta:
        icon = "link"
        template = "components/blocks/call_to_action_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citation"))
    source = blocks.CharBlock(label=_("Source"), required=False)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"


class RetentionBlock(blocks.StaticBlock):
    """The retention table of the privacy page, printed from `PASSERELLES_RETENTION`: the
    same rules `manage.py apply_retention` applies, so the page cannot promise otherwise."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["rules"] = retention.rules()
        return context

    class Meta:
        icon = "time"
        label = _("Durées de conservation")
        admin_text = _("Le tableau des durées de conservation, tiré des réglages du portail.")
        template = "components/blocks/retention_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Titre"))
    paragraph = blocks.RichTextBlock(
        label=_("Paragraphe"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
    )
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Citation"))
    call_to_action = CallToActionBlock(label=_("Appel à l'action"))
    retention = RetentionBlock()
