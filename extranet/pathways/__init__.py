"""Fiches parcours (pathways): models in `extranet.models.pathways`."""
