"""What the export leaves out because the server has it anyway, and what it keeps although
it is empty: an empty object the create requires (a campaign's ``dialing_method_settings``)
is declared; a user's region and role the account filled in (the main region, the Agent
role), a role's or region's users where the user is declared by that membership, and
``account_default`` false are not. Read from the emulator over HTTP, as an export does."""

from __future__ import annotations

import re
from typing import Any

import pytest

from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.exporter import ExportedObject, plan, read_account, render_program, selected_specs
from zoomcc.resources import catalog

PEOPLE = ["User", "Region", "Role", "RoleUsers", "RegionUsers", "BusinessHours", "ClosureSet"]


def people(api: ZoomClient) -> str:
    """An account with a user left to the server's region and role, one given a role of
    their own when added, one moved to another region afterwards; business hours and a
    closure set, neither the account's default: its exported program."""
    leads = api.request("POST", "/contact_center/roles", json={"role_name": "Leads"})["role_id"]
    north = api.request("POST", "/contact_center/regions", json={"region_name": "North"})
    api.request("POST", "/contact_center/users", json={"user_email": "ana@example.org"})
    api.request(
        "POST", "/contact_center/users", json={"user_email": "ben@example.org", "role_id": leads}
    )
    cai = api.request("POST", "/contact_center/users", json={"user_email": "cai@example.org"})
    api.request(
        "POST",
        f"/contact_center/regions/{north['region_id']}/users",
        json={"user_ids": [cai["user_id"]]},
    )
    api.request(
        "POST",
        "/contact_center/business_hours",
        json={"business_hour_name": "Office", "timezone": "UTC", "hours": {"hour_type": 1}},
    )
    api.request(
        "POST",
        "/contact_center/closures",
        json={
            "closure_set_name": "Holidays",
            "timezone": "UTC",
            "closures": [
                {
                    "closure_name": "New year",
                    "closure_hour_type": 1,
                    "start_time": "2027-01-01T00:00:00Z",
                    "end_time": "2027-01-02T00:00:00Z",
                    "recurring_frequency": 0,
                }
            ],
        },
    )
    return render_program(plan(read_account(api, selected_specs(PEOPLE))))


def block(text: str, name: str) -> str:
    """The resource ``name``'s declaration."""
    found = re.search(rf"^{name} = zoomcc\.\w+\($.*?^\)$", text, re.M | re.S)
    assert found is not None, f"{name} is not declared"
    return found.group(0)


LEFT_OUT = [
    # name, text it must not hold: what the server fills or a membership already says
    ("user_ana", "region_id="),  # the main region
    ("user_ana", "role_id="),  # the Agent role
    ("user_ana", "user_access="),  # active, as every new user
    ("user_ben", "role_id="),  # declared once, by role_users_leads
    ("user_cai", "region_id="),  # declared once, by region_users_north
    ("business_hours_office", "account_default="),
    ("closure_set_holidays", "account_default="),
]


@pytest.mark.parametrize(("name", "text"), LEFT_OUT)
def test_a_value_the_server_fills_anyway_is_left_out(
    api: ZoomClient, emulator: EmulatorServer, name: str, text: str
) -> None:
    assert text not in block(people(api), name)


KEPT = [
    ("role_users_leads", "user_ids=[user_ben.id]"),
    ("region_users_north", "user_ids=[user_cai.id]"),
]


@pytest.mark.parametrize(("name", "text"), KEPT)
def test_a_role_or_region_chosen_for_a_user_is_declared_by_its_membership(
    api: ZoomClient, emulator: EmulatorServer, name: str, text: str
) -> None:
    assert text in block(people(api), name)


def test_the_agent_roles_and_main_regions_users_are_not_declared(
    api: ZoomClient, emulator: EmulatorServer
) -> None:
    text = people(api)
    assert re.findall(r"^(\w+) = zoomcc\.(?:RoleUsers|RegionUsers)\(", text, re.M) == [
        "role_users_leads",
        "region_users_north",
    ]


def campaign(settings: dict[str, Any]) -> ExportedObject:
    live: dict[str, Any] = {
        "outbound_campaign_id": "campaign-id-0000000000",
        "outbound_campaign_name": "Renewals",
        "queue_id": "queue-outside-00000000",
        "phone_number_id": "number-outside-0000000",
        "dialing_method": "preview",
        "dialing_method_settings": settings,
    }
    return ExportedObject(catalog.get("OutboundCampaign"), "campaign-id-0000000000", live)


def test_a_campaign_with_empty_dialing_settings_is_exported_with_them() -> None:
    result = plan([campaign({})])
    assert result.skipped == []
    text = render_program(result)
    assert "dialing_method_settings={}," in block(text, "outbound_campaign_renewals")


def test_a_campaign_with_dialing_settings_keeps_them() -> None:
    text = render_program(plan([campaign({"enable_skip": True, "max_skips": 2})]))
    assert 'dialing_method_settings={"enable_skip": True, "max_skips": 2},' in text
