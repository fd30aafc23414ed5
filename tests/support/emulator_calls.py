"""Shared parts of the emulator's HTTP tests (tests/unit/test_emulator_*.py): the fixtures,
the token and response helpers, and one Case per collection with the reference's examples
and errors.

Test modules import the fixtures by name (``from ... import emu as emu``): pytest finds them
in the module, and no conftest hands them (or the autouse reset) to unrelated tests.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.support.emulator_examples import (
    CATEGORY_CREATE,
    CATEGORY_UPDATE,
    CLOSURES_CREATE,
    CLOSURES_UPDATE,
    DISPOSITION_CREATE,
    DISPOSITION_UPDATE,
    HOURS_CREATE,
    HOURS_UPDATE,
    QUEUE_CREATE,
    QUEUE_UPDATE,
    SET_CREATE,
    SET_UPDATE,
    SKILL_CREATE,
    SKILL_UPDATE,
    TEAM_CREATE,
    TEAM_UPDATE,
)
from zoomcc.emulator import EmulatorServer

# -- one case per collection ------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One collection, with the reference's examples and errors."""

    collection: str
    path: str
    id_field: str
    list_key: str
    name_field: str
    create: dict[str, Any]
    update: dict[str, Any]
    create_keys: frozenset[str]
    """Keys of the reference's create-response example."""
    not_found: tuple[int, int]
    not_found_messages: dict[str, str]
    """Per operation (get / update / delete), with ``{id}``."""
    has_total_records: bool = True


def _nf(message: str, **others: str) -> dict[str, str]:
    return {"get": message, "update": message, "delete": message, **others}


CASES = [
    Case(
        "skill_categories",
        "/contact_center/skills/categories",
        "skill_category_id",
        "skill_categories",
        "skill_category_name",
        CATEGORY_CREATE,
        CATEGORY_UPDATE,
        frozenset(
            {
                "skill_category_id",
                "skill_category_name",
                "skill_category_description",
                "skill_type",
                "max_proficiency_level",
                "modified_by",
                "last_modified_time",
            }
        ),
        (404, 1501),
        _nf("Skill category does not exist: {id}."),
        has_total_records=False,
    ),
    Case(
        "skills",
        "/contact_center/skills",
        "skill_id",
        "skills",
        "skill_name",
        SKILL_CREATE,
        SKILL_UPDATE,
        frozenset(
            {
                "skill_id",
                "skill_name",
                "skill_type",
                "max_proficiency_level",
                "skill_category_name",
                "skill_category_id",
                "total_users",
                "modified_by",
                "last_modified_time",
            }
        ),
        (404, 1401),
        _nf("Skill does not exist: {id}."),
    ),
    Case(
        "queues",
        "/contact_center/queues",
        "cc_queue_id",
        "queues",
        "queue_name",
        QUEUE_CREATE,
        QUEUE_UPDATE,
        frozenset({"cc_queue_id", "queue_name", "queue_description", "channel"}),
        (404, 1201),
        _nf("Queue does not exist: {id}."),
    ),
    Case(
        "teams",
        "/contact_center/teams",
        "team_id",
        "teams",
        "team_name",
        TEAM_CREATE,
        TEAM_UPDATE,
        frozenset(
            {
                "team_id",
                "team_name",
                "team_description",
                "parent_team_id",
                "parent_team_name",
                "created_time",
            }
        ),
        (404, 4102),
        _nf("Team does not exist."),
    ),
    Case(
        "dispositions",
        "/contact_center/dispositions",
        "disposition_id",
        "dispositions",
        "disposition_name",
        DISPOSITION_CREATE,
        DISPOSITION_UPDATE,
        frozenset(
            {
                "disposition_id",
                "disposition_name",
                "disposition_description",
                "status",
                "last_modified_time",
                "modified_by",
                "disposition_type",
            }
        ),
        (404, 2401),
        _nf("Disposition does not exist: {id}."),
    ),
    Case(
        "disposition_sets",
        "/contact_center/dispositions/sets",
        "disposition_set_id",
        "disposition_sets",
        "disposition_set_name",
        SET_CREATE,
        SET_UPDATE,
        frozenset(
            {
                "disposition_set_id",
                "disposition_set_name",
                "disposition_set_description",
                "status",
                "last_modified_time",
                "modified_by",
                "dispositions",
            }
        ),
        (404, 2501),
        _nf(
            "Disposition Set does not exist: {id}.",
            update="Set does not exist: {id}.",
            delete="Set does not exist: {id}.",
        ),
    ),
    Case(
        "business_hours",
        "/contact_center/business_hours",
        "business_hour_id",
        "business_hours",
        "business_hour_name",
        HOURS_CREATE,
        HOURS_UPDATE,
        frozenset(
            {
                "business_hour_id",
                "business_hour_name",
                "business_hour_description",
                "timezone",
                "account_default",
                "hours",
            }
        ),
        (404, 3601),
        _nf("Business hour does not exist: {id}.", delete="Business hours do not exist: {id}."),
    ),
    Case(
        "closure_sets",
        "/contact_center/closures",
        "closure_set_id",
        "closure_sets",
        "closure_set_name",
        CLOSURES_CREATE,
        CLOSURES_UPDATE,
        frozenset(
            {
                "closure_set_id",
                "closure_set_name",
                "closure_set_description",
                "timezone",
                "account_default",
                "closures",
            }
        ),
        (404, 3701),
        _nf("Closure set does not exist: {id}.", get="Closures set does not exist: {id}."),
    ),
]
CASE_IDS = [c.collection for c in CASES]
BY_NAME = {c.collection: c for c in CASES}


# -- fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def emu() -> Iterator[EmulatorServer]:
    with EmulatorServer(port=0) as server:
        yield server


@pytest.fixture(autouse=True)
def fresh_state(emu: EmulatorServer) -> None:
    emu.state.reset()


def ask_token(
    url: str,
    grant_type: str = "account_credentials",
    account_id: str = "emulator-account",
    auth: tuple[str, str] | None = ("emulator-client", "emulator-secret"),
    *,
    in_query: bool = False,
) -> httpx.Response:
    """A token request as Zoom documents it: the grant in the form (or the query string),
    the client's id and secret as Basic auth."""
    grant = {"grant_type": grant_type, "account_id": account_id}
    if in_query:
        return httpx.post(url, params=grant, auth=auth)
    return httpx.post(url, data=grant, auth=auth)


def get_token(emu: EmulatorServer) -> str:
    response = ask_token(emu.oauth_url)
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


@pytest.fixture
def api(emu: EmulatorServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {get_token(emu)}"}
    with httpx.Client(base_url=emu.api_base_url, headers=headers, timeout=10) as client:
        yield client


def created(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def unique() -> str:
    return uuid.uuid4().hex[:8]


def prepare(api: httpx.Client, case: Case, body: dict[str, Any]) -> dict[str, Any]:
    """Point the example's foreign ids at real objects; keep account defaults off."""
    body = copy.deepcopy(body)
    if case.collection == "skills" and "skill_category_id" in body:
        category = created(api.post(BY_NAME["skill_categories"].path, json=CATEGORY_CREATE))
        body["skill_category_id"] = category["skill_category_id"]
    if case.collection == "teams" and "parent_team_id" in body:
        parent = {**TEAM_CREATE, "team_name": f"Parent {unique()}"}
        body["parent_team_id"] = created(api.post(case.path, json=parent))["team_id"]
    if case.collection == "disposition_sets" and "disposition_ids" in body:
        disposition = {**DISPOSITION_CREATE, "disposition_name": f"Inquiry {unique()}"}
        made = created(api.post(BY_NAME["dispositions"].path, json=disposition))
        body["disposition_ids"] = [made["disposition_id"]]
    if "account_default" in body:
        body["account_default"] = False  # the default cannot be deleted (own test below)
    return body


def assert_error(
    response: httpx.Response, status: int, code: int, message: str | None = None
) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code, body
    if message is not None:
        assert body["message"] == message, body


def all_pages(api: httpx.Client, path: str, list_key: str, page_size: int) -> list[dict[str, Any]]:
    pages = []
    params: dict[str, Any] = {"page_size": page_size}
    while True:
        response = api.get(path, params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        pages.append(page)
        if not page["next_page_token"]:
            return pages
        params = {"page_size": page_size, "next_page_token": page["next_page_token"]}
