"""The coordination demo: every state, a pathway, documents, news; idempotent."""

import pytest

from extranet import demo
from extranet.demo.coordination import seed_referrals_demo
from extranet.models import NewsItem, Pathway, Referral
from extranet.referrals.enums import ReferralStatus
from tests.extranet.test_seed_demo import demo_communes, only_extranet_steps  # noqa: F401


@pytest.mark.usefixtures("demo_communes", "only_extranet_steps")
def test_seed_covers_every_state_and_is_idempotent():
    demo.seed()
    seed_referrals_demo()
    counts = (Referral.objects.count(), Pathway.objects.count(), NewsItem.objects.count())
    assert set(Referral.objects.values_list("status", flat=True)) == set(ReferralStatus.values)
    assert counts[1] == 1 and counts[2] == 2
    seed_referrals_demo()
    assert (Referral.objects.count(), Pathway.objects.count(), NewsItem.objects.count()) == counts
