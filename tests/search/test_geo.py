"""Distance maths shared by the search backends and the apps (no GIS dependency)."""

import pytest

from search.geo import bounding_box, haversine_km

GUERET = (46.1714, 1.8717)
AUBUSSON = (45.9558, 2.1681)


def test_haversine_between_two_communes():
    assert haversine_km(*GUERET, *AUBUSSON) == pytest.approx(33.0, abs=0.5)
    assert haversine_km(*GUERET, *GUERET) == 0


def test_bounding_box_contains_the_circle():
    min_lat, max_lat, min_lon, max_lon = bounding_box(*GUERET, 20)
    assert haversine_km(*GUERET, max_lat, GUERET[1]) == pytest.approx(20, rel=0.01)
    assert haversine_km(*GUERET, GUERET[0], max_lon) == pytest.approx(20, rel=0.01)
    assert min_lat < GUERET[0] < max_lat and min_lon < GUERET[1] < max_lon
