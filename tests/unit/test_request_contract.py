"""The outgoing-request contract: what the real API would refuse never leaves the client."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from zoomcc.apispec import load_api_spec
from zoomcc.apispec.contract import ContractViolation, check_request, match_operation
from zoomcc.client import ClientSettings, ZoomClient

SPEC = load_api_spec()


@dataclass(frozen=True)
class Refused:
    """A request the contract refuses, and the field it must name."""

    method: str
    path: str
    field: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    body: Any = None


INTERRUPT = {"audio_asset_id": "a1", "is_loop": True, "play_after_seconds": 30}
"""An audio interrupt with every field the reference requires (reference line 19715)."""

REFUSED = {
    "a region deleted without saying where its users go": Refused(
        "DELETE", "/contact_center/regions/r1", "query.move_to_region_id"
    ),
    "a role deleted without a role to transfer its users to": Refused(
        "DELETE", "/contact_center/roles/x", "query.transfer_role_id"
    ),
    "address books listed without a unit": Refused(
        "GET", "/contact_center/address_books", "query.unit_id"
    ),
    "variables listed without a group": Refused(
        "GET", "/contact_center/variables", "query.variable_group_id"
    ),
    "paging parameters sent to a listing that does not page": Refused(
        "GET", "/contact_center/inboxes/i1/queues", "query.page_size", {"page_size": 300}
    ),
    "a value outside a query enum": Refused(
        "GET",
        "/contact_center/queues/q1/dispositions",
        "query.assign_type",
        {"assign_type": "both"},
    ),
    "a list for a parameter that takes one string": Refused(
        "DELETE",
        "/contact_center/teams/t1/agents",
        "query.user_ids",
        {"user_ids": ["u1", "u2"]},
    ),
    "a boolean query parameter given as text": Refused(
        "DELETE", "/contact_center/asset_library/assets/a1", "query.archive", {"archive": "yes"}
    ),
    "a body field the operation does not take": Refused(
        "POST",
        "/contact_center/skills/categories",
        "body.nope",
        body={"skill_category_name": "C", "nope": 1},
    ),
    "a fractional number for an integer field deep in the body": Refused(
        "PATCH",
        "/contact_center/queues/q1/interrupt",
        "body.audio_interrupts.0.loop_interval",
        body={"audio_interrupts": [{**INTERRUPT, "loop_interval": 4.5}]},
    ),
    "a JSON body to an operation that takes none": Refused(
        "DELETE", "/contact_center/skills/s1", "body", body={"x": 1}
    ),
    "a path the API does not have": Refused("GET", "/contact_center/nowhere", "path"),
}


@pytest.mark.contract_violations
@pytest.mark.parametrize("case", REFUSED.values(), ids=list(REFUSED))
def test_the_contract_refuses(case: Refused) -> None:
    with pytest.raises(ContractViolation) as caught:
        check_request(SPEC, case.method, case.path, params=case.params, json=case.body)
    assert caught.value.field == case.field
    assert caught.value.operation  # names the operation


@dataclass(frozen=True)
class Normalised:
    """A request the contract accepts, and what it sends instead of what it was given."""

    method: str
    path: str
    params: dict[str, Any] | None
    body: Any
    sent_params: dict[str, Any] | None
    sent_body: Any


NORMALISED = {
    "whole floats become integers at any depth": Normalised(
        "PATCH",
        "/contact_center/queues/q1/interrupt",
        None,
        {"audio_interrupts": [{**INTERRUPT, "loop_interval": 45.0, "play_after_seconds": 30.0}]},
        None,
        {"audio_interrupts": [{**INTERRUPT, "loop_interval": 45, "play_after_seconds": 30}]},
    ),
    "booleans in the query become true or false": Normalised(
        "DELETE",
        "/contact_center/asset_library/assets/a1",
        {"archive": True},
        None,
        {"archive": "true"},
        None,
    ),
    "lists in the query become comma-separated": Normalised(
        "DELETE",
        "/contact_center/inboxes/i1/queues",
        {"cc_queue_ids": ["q1", "q2"]},
        None,
        {"cc_queue_ids": "q1,q2"},
        None,
    ),
    "a page size the spec types as text is sent as digits": Normalised(
        "GET",
        "/contact_center/queue_templates",
        {"page_size": 300},
        None,
        {"page_size": "300"},
        None,
    ),
    "a page size given as a float is sent as an integer": Normalised(
        "GET", "/contact_center/regions", {"page_size": 300.0}, None, {"page_size": 300}, None
    ),
}


@pytest.mark.parametrize("case", NORMALISED.values(), ids=list(NORMALISED))
def test_the_contract_normalises(case: Normalised) -> None:
    checked = check_request(SPEC, case.method, case.path, params=case.params, json=case.body)
    assert checked.params == case.sent_params
    assert checked.json == case.sent_body
    if case.sent_body is not None:
        assert type(checked.json["audio_interrupts"][0]["loop_interval"]) is int


def test_literal_path_segments_win_over_placeholders() -> None:
    op = match_operation(SPEC, "GET", "/contact_center/skills/categories")
    assert op is not None and op.id == SPEC.op("GET", "/contact_center/skills/categories").id
    item = match_operation(SPEC, "GET", "/contact_center/skills/abc")
    assert item is not None and item.path == "/contact_center/skills/{skillId}"


@pytest.mark.contract_violations
def test_an_operation_id_that_does_not_match_the_path_is_refused() -> None:
    with pytest.raises(ContractViolation, match="is operation"):
        check_request(SPEC, "GET", "/contact_center/regions", operation="get_a_queue")


def mocked_client(answer: Callable[[httpx.Request], httpx.Response]) -> ZoomClient:
    """A client with the packaged contract on a scripted Zoom."""
    settings = ClientSettings(
        account_id="a",
        client_id="c",
        client_secret=SecretStr("s"),
        base_url="https://api.example.test/v2",
        oauth_url="https://example.test/oauth/token",
        pacing=False,
    )
    return ZoomClient(settings, httpx.MockTransport(answer))


@pytest.mark.contract_violations
def test_the_client_checks_before_anything_is_sent() -> None:
    sent: list[httpx.Request] = []

    def zoom(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json={"access_token": "t", "expires_in": 3600})
        return httpx.Response(204)

    with mocked_client(zoom) as client:
        with pytest.raises(ContractViolation, match="move_to_region_id"):
            client.request("DELETE", "/contact_center/regions/r1")
        assert not [r for r in sent if "/contact_center/" in r.url.path]
        client.request(
            "PATCH",
            "/contact_center/queues/q1/interrupt",
            json={"audio_interrupts": [{**INTERRUPT, "loop_interval": 45.0}]},
        )
    assert b'"loop_interval":45}' in sent[-1].content


def test_a_listing_that_does_not_page_is_read_once_without_paging_parameters() -> None:
    seen: list[httpx.URL] = []

    def zoom(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json={"access_token": "t", "expires_in": 3600})
        seen.append(request.url)
        return httpx.Response(200, json={"queues": [{"queue_id": "q1"}]})

    with mocked_client(zoom) as client:
        items = list(client.paginate("/contact_center/inboxes/i1/queues", items_key="queues"))
    assert items == [{"queue_id": "q1"}]
    assert [str(u.query, "ascii") for u in seen] == [""]
