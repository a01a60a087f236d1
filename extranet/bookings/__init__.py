"""Managers of shared workspaces handle booking requests here: the requests waiting for an
answer, the week of a place (its opening hours and bookings), accept/decline, the usage
statistics and their export. The places, rooms and bookings are the répertoire's
(`repertoire.workspaces`); decisions go through its services."""
