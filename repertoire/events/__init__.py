"""Events of the network's structures: job fairs, information sessions, discovery weekends,
open days of a workspace.

- `models`: `Event` (organised by a `Structure`, held at one of the network's workspaces or
  at a named place of a commune) and `EventRegistration` (registered under the répertoire
  app: `repertoire.models` imports them);
- `services`: registering (the event row is locked: the last place is taken once), the
  waiting list, cancelling by the e-mail's link and promoting who waits;
- `ics`: the `.ics` attached to a confirmation and the iCal feeds (all events, per
  organiser);
- `views`, `urls`, `forms`: the public pages at /evenements/; `search`: the search source;
  `sitemaps`: the events in the sitemap; `home`: the home page's "next events" section;
- `extensions`: what higher apps add to an event's page (Cartemploi's companies attending a
  fair).

The organisers' side (their events, registrations, exports) is the extranet's `events/`.
"""
