"""Organisers' side of the events: a structure's members create and edit its events, see
who registered (personal data: scoped to their structures, 404 otherwise, every read
audited), mark attendance, cancel a registration (who waits is promoted) and export the
list. The events and registrations are the répertoire's (`repertoire.events`); writes go
through its services."""
