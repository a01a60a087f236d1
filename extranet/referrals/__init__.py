"""Fiches de liaison (referrals) between structures: models in `extranet.models.referrals`."""
