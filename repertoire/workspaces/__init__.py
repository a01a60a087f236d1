"""Shared workspaces of the network: places (tiers-lieux, public-service relays, media
libraries, offices for people passing through), their rooms and desks, and booking requests.

- `models`: `Workspace` (a place of a `Structure`), `Room`, `Booking`; registered under the
  répertoire app (`repertoire.models` imports them);
- `hours`: opening hours read by opening-hours-py (validation, "open for the whole slot",
  the week's open periods);
- `availability`: the network view's search ("open then, with a free room for N people");
- `services`: requesting, accepting and declining a booking (the lock, the mails);
- `ics`: the `.ics` attached to an acceptance and the per-room feed;
- `views`, `urls`, `forms`: the public pages, mounted at /espaces-de-travail/.

The managers' side (calendar, decisions, statistics) is the extranet's `bookings/` flow.
"""
