"""What the reference's prose and error codes say the API does, through raw HTTP.

Each case arranges objects (through the API, or seeded where the create is a multipart
form), sends one request, and checks the answer and what the emulator holds afterwards:
a region's users move on delete, a role's users transfer, address books are listed per
unit and variables per group, assets are archived before they delete, list filters keep
only the matching objects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from tests.support.behaviour_arrangements import (
    Ids,
    a_contact_with_two_custom_values,
    a_queue_with_one_disposition_each_way,
    an_archived_asset,
    an_asset,
    an_inbox_with_a_queue,
    an_inbox_with_three_users,
    the_agent_role,
    two_groups_with_a_variable_each,
    two_regions_and_a_user,
    two_roles_and_a_user,
    two_teams,
    two_units_with_a_book_each,
    users_by_email,
    with_values,
)
from tests.support.behaviour_arrangements import http as http  # fixture: a client with a token
from tests.support.behaviour_outcomes import (
    a_page_of_two_and_a_token,
    asset_archived,
    asset_gone,
    asset_not_archived,
    built_in_roles_listed,
    inbox_queue_removed,
    one_value_a_page,
    only_bob,
    only_book_a,
    only_team_b,
    only_the_outbound_one,
    only_var_b,
    region_kept,
    region_users_moved,
    role_kept,
    role_users_transferred,
    the_contact_values_named_and_typed,
    the_contact_values_replaced,
)
from zoomcc.emulator import EmulatorServer
from zoomcc.emulator.areas.users.objects import MAIN_REGION_ID


@dataclass(frozen=True)
class Case:
    """Arrange, one request (``{key}`` in the path and parameters names an arranged id),
    the answer, and the objects' state afterwards."""

    name: str
    arrange: Callable[[httpx.Client, EmulatorServer], Ids]
    method: str
    path: str
    params: dict[str, str] = field(default_factory=dict)
    status: int = 200
    code: int | None = None
    then: Callable[[httpx.Client, Ids, httpx.Response], None] | None = None
    body: dict[str, Any] | None = None


_REGION = "/contact_center/regions/{a}"
_ROLE = "/contact_center/roles/{a}"
_ASSET = "/contact_center/asset_library/assets/{asset}"
_CONTACT = "/contact_center/address_books/{book_a}/contacts/{contact}"
_CONTACT_FIELDS = "/contact_center/address_books/contacts/{contact}/custom_fields"

CASES = [
    Case("a region's users move to move_to_region_id on delete", two_regions_and_a_user,
         "DELETE", _REGION, {"move_to_region_id": "{b}"}, 204, then=region_users_moved),
    Case("a region is not deleted into itself", two_regions_and_a_user,
         "DELETE", _REGION, {"move_to_region_id": "{a}"}, 400, 3803, region_kept),
    Case("a region is not deleted into a region that does not exist", two_regions_and_a_user,
         "DELETE", _REGION, {"move_to_region_id": "nope"}, 400, 3806, region_kept),
    Case("a region delete needs move_to_region_id", two_regions_and_a_user,
         "DELETE", _REGION, {}, 400, None, region_kept),
    Case("the main region cannot be deleted", two_regions_and_a_user,
         "DELETE", "/contact_center/regions/" + MAIN_REGION_ID, {"move_to_region_id": "{a}"},
         400, 3802),
    Case("a role's users transfer to transfer_role_id on delete", two_roles_and_a_user,
         "DELETE", _ROLE, {"transfer_role_id": "{b}"}, 204, then=role_users_transferred),
    Case("a role delete needs transfer_role_id", two_roles_and_a_user,
         "DELETE", _ROLE, {}, 400, 2102, role_kept),
    Case("every account has the built-in Agent role, found by name", the_agent_role,
         "GET", "/contact_center/roles/{agent}", {"role_identifier_type": "name"},
         then=built_in_roles_listed),
    Case("a built-in role cannot be renamed", the_agent_role,
         "PATCH", "/contact_center/roles/builtin-agent", {}, 400, 2204,
         body={"role_name": "Helper"}),
    Case("inbox queues are removed by their Contact Center ids", an_inbox_with_a_queue,
         "DELETE", "/contact_center/inboxes/{inbox}/queues", {"cc_queue_ids": "{cc}"}, 204,
         then=inbox_queue_removed),
    Case("inbox queues are removed by their legacy task-queue ids", an_inbox_with_a_queue,
         "DELETE", "/contact_center/inboxes/{inbox}/queues", {"queue_ids": "{legacy}"}, 204,
         then=inbox_queue_removed),
    Case("queue dispositions are listed for one assign_type",
         a_queue_with_one_disposition_each_way, "GET",
         "/contact_center/queues/{queue}/dispositions", {"assign_type": "outbound"},
         then=only_the_outbound_one),
    Case("inbox email notifications come in pages", an_inbox_with_three_users,
         "GET", "/contact_center/inboxes/{inbox}/email_notifications", {"page_size": "2"},
         then=a_page_of_two_and_a_token),
    Case("address books are listed for one unit", two_units_with_a_book_each,
         "GET", "/contact_center/address_books", {"unit_id": "{a}"}, then=only_book_a),
    Case("address books are not listed without unit_id", two_units_with_a_book_each,
         "GET", "/contact_center/address_books", {}, 400, 1902),
    Case("a contact's custom field values are listed with their fields' names and types",
         a_contact_with_two_custom_values, "GET", _CONTACT_FIELDS,
         then=the_contact_values_named_and_typed),
    Case("a contact's custom field values come in pages", a_contact_with_two_custom_values,
         "GET", _CONTACT_FIELDS, {"page_size": "1"}, then=one_value_a_page),
    Case("a contact update replaces its custom field values", a_contact_with_two_custom_values,
         "PATCH", _CONTACT, {}, 204, then=the_contact_values_replaced,
         body=with_values(("{tier}", "silver"))),
    Case("a contact's custom field must exist", a_contact_with_two_custom_values,
         "PATCH", _CONTACT, {}, 400, 2114,
         body=with_values(("nope", "x"))),
    Case("a contact's pick-list value must be one of the field's", a_contact_with_two_custom_values,
         "PATCH", _CONTACT, {}, 400, 2116,
         body=with_values(("{tier}", "bronze"))),
    Case("custom fields of a contact that does not exist are not found", two_units_with_a_book_each,
         "GET", "/contact_center/address_books/contacts/nope/custom_fields", {}, 404, 2101),
    Case("variables are listed for one group", two_groups_with_a_variable_each,
         "GET", "/contact_center/variables", {"variable_group_id": "{b}"}, then=only_var_b),
    Case("variables are not listed without variable_group_id", two_groups_with_a_variable_each,
         "GET", "/contact_center/variables", {}, 400),
    Case("an unarchived asset is not deleted directly", an_asset,
         "DELETE", _ASSET, {}, 404, 10010, asset_not_archived),
    Case("a delete with archive=true archives the asset", an_asset,
         "DELETE", _ASSET, {"archive": "true"}, 204, then=asset_archived),
    Case("an archived asset is deleted", an_archived_asset,
         "DELETE", _ASSET, {}, 204, then=asset_gone),
    Case("teams are filtered by team_name", two_teams,
         "GET", "/contact_center/teams", {"team_name": "Team b"}, then=only_team_b),
    Case("users are found by search_key", users_by_email,
         "GET", "/contact_center/users", {"search_key": "bob"}, then=only_bob),
]


def _filled(value: Any, ids: Ids) -> Any:
    """``value`` with ``{key}`` in its strings naming arranged ids."""
    if isinstance(value, dict):
        return {k: _filled(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [_filled(v, ids) for v in value]
    return value.format(**ids) if isinstance(value, str) else value


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CASES])
def test_the_emulator_does_what_the_reference_states(
    case: Case, emulator: EmulatorServer, http: httpx.Client
) -> None:
    ids = case.arrange(http, emulator)
    params = {k: v.format(**ids) for k, v in case.params.items()}
    response = http.request(
        case.method, case.path.format(**ids), params=params, json=_filled(case.body, ids)
    )
    assert response.status_code == case.status, response.text
    if case.code is not None:
        assert response.json()["code"] == case.code
    if case.then is not None:
        case.then(http, ids, response)

