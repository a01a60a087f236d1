"""The portal's part of the demo territory, built by `manage.py seed_demo`.

- `site`: the home page, the standard pages and the site settings (`seed_site`);
- `content`: the French texts of those pages;
- `offers`: territorial offers and one territory page per demo pole (`seed_offers_demo`).
"""
