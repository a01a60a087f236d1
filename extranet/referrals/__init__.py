"""Fiches de liaison (referrals) between structures: models, views, services, search source."""
