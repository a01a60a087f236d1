"""Lists, exports, autocompletes and searches name no record outside the account's scope.

Every candidate, referral and pathway outside an account's scope (`access_scopes`) is
looked for, by its reference, in everything the account can list: each list's pages and
boxes, both export formats, the dashboard, the extranet search and its suggestions queried
with the out-of-scope people's own names.
"""

import io
import re

from openpyxl import load_workbook

from tests.extranet import access_scopes as scopes

LISTS = [
    "/extranet/",
    *(f"/extranet/candidats/?page={page}" for page in range(1, 5)),
    "/extranet/candidats/export.csv",
    "/extranet/candidats/export.xlsx",
    *(f"/extranet/orientations/?box={box}" for box in ("received", "sent", "all")),
    "/extranet/fiches-parcours/",
    "/cartemploi/conversations/",
    "/cartemploi/conseil/",
]
SEARCHED = 5  # out-of-scope people looked up by name, per kind


def text_of(response):
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        cells = (
            cell for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row
        )
        return " ".join(str(cell) for cell in cells if cell is not None)
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def outside_scope(who, user):
    """References of the records the account must never see, and names to search."""
    references, names = set(), []
    for kind, name_field in (("candidate", "last_name"), ("referral", None), ("pathway", None)):
        rule, _kwargs = scopes.KINDS[kind]
        model = scopes.model_of(kind)
        outside = model.objects.exclude(pk__in=rule(user, who).values("pk"))
        references |= set(outside.values_list("reference", flat=True))
        if name_field:
            names += list(outside.values_list(name_field, flat=True)[:SEARCHED])
    return {reference for reference in references if reference}, names


def pages(client, names):
    for url in LISTS:
        response = client.get(url)
        if response.status_code == 200:
            yield url, text_of(response)
    for name in names:
        for url in ("/extranet/recherche/", "/extranet/recherche/suggestions/"):
            response = client.get(url, {"q": name})
            if response.status_code == 200:
                yield f"{url}?q={name}", text_of(response)


def leaks(who, user, client):
    """(url, reference) pairs where an out-of-scope record shows up."""
    references, names = outside_scope(who, user)
    if not references:
        return []
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(references))) + r")\b")
    found = []
    for url, text in pages(client, names):
        found += [(url, match) for match in sorted(set(pattern.findall(text)))]
    return found
