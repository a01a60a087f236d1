# Fixtures of the coordination tests (referrals, pathways, directory, documents).
from tests.extranet.referral_factories import network, private_media, referral  # noqa: F401
