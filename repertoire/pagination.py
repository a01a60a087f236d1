"""One-query pagination: the page rows carry the total count (a window function), so a
list page does not pay a separate COUNT(*) whatever the size of the répertoire."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window


def paginate(queryset, number, per_page):
    try:
        number = max(1, int(number or 1))
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * per_page
    rows = list(queryset.annotate(total_count=Window(Count("pk")))[start : start + per_page])
    total = rows[0].total_count if rows else (queryset.count() if number > 1 else 0)
    paginator = Paginator(queryset, per_page)
    paginator.__dict__["count"] = total  # cached_property: no COUNT query
    if not rows and number > 1:
        number = paginator.num_pages
        start = (number - 1) * per_page
        rows = list(queryset[start : start + per_page])
    return Page(rows, number, paginator)
