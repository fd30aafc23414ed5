"""Every resource's lifecycle test data: the first eight and each area's."""

from __future__ import annotations

from tests.support import cases, cases_assets, cases_campaigns, cases_contacts, cases_routing
from tests.support.cases import Case

ALL_CASES: list[Case] = [
    *cases.CASES,
    *cases_contacts.CASES,
    *cases_routing.CASES,
    *cases_campaigns.CASES,
    *cases_assets.CASES,
]
