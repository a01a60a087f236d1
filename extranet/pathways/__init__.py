"""Fiches parcours (pathways): models, views, services, the paper version."""
