"""Set the répertoire's paper booklets ahead of their readers: the whole répertoire, each
theme and each département with published fiches, for every published répertoire page.

A booklet of a thousand fiches takes tens of seconds to lay out; run nightly (and after a
bulk import) so that a visitor never waits for one. Booklets already set and unchanged
are kept, so a second run costs a few queries.
"""

import time

from django.core.management.base import BaseCommand

from portal.languages import originals
from portal.models import Department
from repertoire.models import RepertoirePage, Structure, Theme
from repertoire.paper.views import cached_booklet


class Command(BaseCommand):
    help = "Prépare les livrets PDF du répertoire (complet, par thème, par département)."

    def handle(self, *args, **options):
        scopes = [{}]
        themes = Theme.objects.filter(structures__live=True).distinct().order_by("order")
        scopes += [{"theme": slug} for slug in themes.values_list("slug", flat=True)]
        published = Structure.objects.published()
        codes = published.values_list("commune__department", flat=True).distinct()
        departments = Department.objects.filter(code__in=codes).order_by("code")
        scopes += [{"departement": code} for code in departments.values_list("code", flat=True)]
        for page in originals(RepertoirePage.objects.live()).specific():
            site = page.get_site()
            root = site.root_url if site else None
            for params in scopes:
                started = time.perf_counter()
                content, scope = cached_booklet(page, params, root)
                label = " – ".join(scope) or "complet"
                self.stdout.write(
                    f"{page.title} · {label} : {len(content) / 1e6:.1f} Mo "
                    f"en {time.perf_counter() - started:.1f} s"
                )
        self.stdout.write(self.style.SUCCESS("Livrets prêts."))
