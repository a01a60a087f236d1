from django import template

from extranet.candidates.perms import can_view_candidates

register = template.Library()


@register.simple_tag(takes_context=True)
def may_view_candidates(context):
    """`{% may_view_candidates as show %}` in the extranet menu (cached on the request)."""
    request = context.get("request")
    if request is None:
        return False
    if not hasattr(request, "_may_view_candidates"):
        request._may_view_candidates = can_view_candidates(request.user)
    return request._may_view_candidates
