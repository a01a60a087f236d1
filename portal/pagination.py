"""Pages of a list, for every list of every app, and the bounded reading of the page or
offset number a visitor typed: "abc", "-1", "²" or a 20-digit number never make a 500.

- `paginate`: a counted page (Django's `Page`) in one query: the rows carry the total
  count (an uncorrelated COUNT(*) subquery, evaluated once and without the list's joins; a
  window count would join and sort every row before the LIMIT: 1 s at 50k candidates), or
  the rows alone when the caller passes a count it keeps (offer and Cartemploi lists keep
  it with their fragments).
- `paginate_uncounted`: an `UncountedPage` without any count (one more row than shown says there is
  a next page), for lists that may hold 100k rows.

Templates: `portal/includes/pagination.html` (counted), `portal/includes/pagination_uncounted.html`.
- `page_number`, `bounded_int`: the number alone (an API's offset, for instance).

The search page reads its own page number (`search` imports no app; see `search/forms.py`).
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, IntegerField, Subquery, Value, Window

MAX_PAGE = 100_000
MAX_OFFSET = 10_000_000
_MAX_DIGITS = 18  # below 2**63: SQLite and PostgreSQL both take the product


def bounded_int(raw, *, default, minimum, maximum):
    """An int from a query parameter: `default` unless it is a plain ASCII integer
    (sign allowed), clamped to [minimum, maximum]."""
    text = str(raw if raw is not None else "").strip()
    digits = text[1:] if text[:1] in "+-" else text
    if not (digits.isascii() and digits.isdigit()):
        return default
    if len(digits.lstrip("0")) > _MAX_DIGITS:
        return minimum if text.startswith("-") else maximum
    return max(minimum, min(maximum, int(text)))


def page_number(raw, maximum=MAX_PAGE):
    """A page number from 1 to `maximum` (1 for anything unreadable)."""
    return bounded_int(raw, default=1, minimum=1, maximum=maximum)


def paginate(queryset, number, per_page, total=None):
    """The page `number` (as typed) of `queryset`; past the end, the last page. `total`:
    the row count when the caller knows it (a public list's count kept with its
    fragments): the rows are then read alone."""
    number = page_number(number)
    if total is None and (queryset.query.distinct or queryset.query.combinator):
        # The window would count rows before DISTINCT or the union: count apart.
        page = Paginator(queryset, per_page).get_page(number)
        page.object_list = list(page.object_list)
        return page
    start = (number - 1) * per_page
    if total is None:
        rows = list(queryset.annotate(total_count=_total(queryset))[start : start + per_page])
        total = rows[0].total_count if rows else (queryset.count() if number > 1 else 0)
    else:  # a kept count may lag behind rows written without signals: never below them
        rows = list(queryset[start : start + per_page])
        total = max(total, start + len(rows))
    paginator = Paginator(queryset, per_page)
    paginator.__dict__["count"] = total  # cached_property: no COUNT query
    if not rows and number > 1:
        number = paginator.num_pages
        start = (number - 1) * per_page
        rows = list(queryset[start : start + per_page])
    return Page(rows, number, paginator)


def _total(queryset):
    """The row count of `queryset` as an expression of its own rows: a scalar subquery
    without ordering or joins, or a window count for an aggregated (grouped) queryset."""
    if queryset.query.group_by is not None:
        return Window(Count("pk"))
    counted = (
        queryset.order_by()
        .select_related(None)
        .annotate(counted_group=Value(1))
        .values("counted_group")
        .annotate(rows=Count("pk"))
        .values("rows")
    )
    return Subquery(counted, output_field=IntegerField())


@dataclass
class UncountedPage:
    """A page of a list without COUNT(*) (lists of 100k rows stay cheap whatever the
    size); templates use it as a `Page` without its paginator."""

    number: int
    object_list: list
    has_next: bool

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_other_pages(self):
        return self.has_previous or self.has_next

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1


def paginate_uncounted(queryset, number, per_page):
    """The page `number` (as typed) of `queryset` as an `UncountedPage` (empty past the end)."""
    number = page_number(number)
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    return UncountedPage(number, rows[:per_page], len(rows) > per_page)
