from django import template

from extranet.navigation import menu_for, url_for

register = template.Library()


@register.simple_tag(takes_context=True)
def task_menu(context, menu):
    """`{% task_menu "extranet" as entries %}`: the tasks of that menu this user may do
    (`extranet.navigation`, computed once per request)."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return []
    return menu_for(request, menu)


@register.simple_tag(takes_context=True)
def task_url(context, key):
    """`{% task_url "referral_create" as url %}`: where this user does that task, or None
    when they may not (so no page links to a page that would refuse them)."""
    request = context.get("request")
    return None if request is None else url_for(request, key)
