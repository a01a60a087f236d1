"""`manage.py search_index rebuild|update|status`.

rebuild  empties the index (Elasticsearch: a fresh index behind the alias) and fills it;
update   (re)indexes every object and removes documents whose object is gone;
prune    only removes documents whose object left its source: deleted, or gone with time
         (an event that ended, an offer past its date) — cheap, run it hourly;
status   counts documents per kind in the sources and in each index.
"""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import registry
from search.backends import writing_backends

CHUNK = 500


class Command(BaseCommand):
    help = "Reconstruit, met à jour ou décrit l'index de recherche."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "update", "prune", "status"])
        parser.add_argument("--kind", action="append", help="Limiter à une nature (répétable).")
        parser.add_argument("--no-progress", action="store_true", help="Sans barre de progression.")

    def handle(self, action, kind=None, no_progress=False, **options):
        sources = registry.sources()
        unknown = set(kind or []) - set(sources)
        if unknown:
            raise CommandError(f"Nature inconnue : {', '.join(sorted(unknown))}")
        chosen = [sources[k] for k in (kind or sorted(sources))]
        self.progress = not no_progress
        self.kinds = kind
        getattr(self, action)(chosen)

    def _documents(self, source):
        queryset = source.get_queryset()
        total = queryset.count()
        bar = tqdm(
            total=total,
            desc=source.kind,
            unit="doc",
            disable=not self.progress,
            file=self.stderr._out,
        )
        batch = []
        for obj in queryset.iterator(chunk_size=CHUNK):
            batch.append(source.to_document(obj))
            if len(batch) == CHUNK:
                yield batch
                bar.update(len(batch))
                batch = []
        if batch:
            yield batch
            bar.update(len(batch))
        bar.close()

    def _fill(self, backend, source):
        written = 0
        for batch in self._documents(source):
            written += backend.index(batch)
        return written

    def rebuild(self, sources):
        for backend in writing_backends():
            with backend.rebuilding(self.kinds):
                for source in sources:
                    written = self._fill(backend, source)
                    self.stdout.write(f"{backend.name} · {source.kind} : {written} documents")

    def update(self, sources):
        for backend in writing_backends():
            for source in sources:
                written = self._fill(backend, source)
                removed = self._prune(backend, source)
                self.stdout.write(
                    f"{backend.name} · {source.kind} : {written} indexés, {removed} retirés"
                )

    def prune(self, sources):
        for backend in writing_backends():
            for source in sources:
                removed = self._prune(backend, source)
                self.stdout.write(f"{backend.name} · {source.kind} : {removed} retirés")

    @staticmethod
    def _prune(backend, source):
        live = {str(pk) for pk in source.get_queryset().values_list("pk", flat=True)}
        stale = backend.kind_ids(source.kind) - live
        if stale:
            backend.delete(source.kind, sorted(stale))
        return len(stale)

    def status(self, sources):
        for backend in writing_backends():
            counts = backend.counts()
            self.stdout.write(f"{backend.name}")
            for source in sources:
                expected = source.get_queryset().count()
                found = counts.get(source.kind, 0)
                flag = "" if found == expected else "  ← à mettre à jour"
                self.stdout.write(f"  {source.kind} : {found} dans l'index / {expected}{flag}")
