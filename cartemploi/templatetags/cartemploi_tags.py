from django import template

from cartemploi import perms

register = template.Library()


@register.simple_tag(takes_context=True)
def cartemploi_is_advisor(context):
    request = context.get("request")
    return bool(request and perms.is_advisor(request.user))
