"""The emulator refuses what Zoom refuses, checked from the API spec before any handler runs.

Raw httpx, not the API client: the client refuses contract violations before sending them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from zoomcc.apispec import load_api_spec
from zoomcc.emulator import EmulatorServer
from zoomcc.emulator.request_check import RequestRefused, check_query

QUEUES = "/contact_center/queues"
SUPPORT = "{support}"
"""Stands for the id of the queue named "Support" that every case starts with."""


@dataclass(frozen=True)
class Case:
    """One request and what the emulator must answer."""

    name: str
    method: str
    path: str
    status: int
    params: Sequence[tuple[str, str]] = ()
    body: Any = None
    code: int | None = None
    """Zoom's error code, for a refusal."""
    says: str = ""
    """Part of the error message, e.g. the parameter's name."""
    shows: Mapping[str, Any] = field(default_factory=dict)
    """Fields the successful JSON answer holds."""


AUDIO_INTERRUPT = {  # the reference's example element
    "audio_asset_id": "dORBRSTxTN6B0vLJ37Kvnw",
    "disable_audio": True,
    "is_loop": False,
    "loop_interval": 1,
    "play_after_seconds": 5,
}

CASES = [
    # -- query parameters
    Case(
        "an unknown query parameter is refused, naming it",
        "GET",
        QUEUES,
        400,
        [("queue_name", "Support")],
        code=300,
        says="queue_name",
    ),
    Case(
        "a page size written as a decimal is refused",
        "GET",
        QUEUES,
        400,
        [("page_size", "30.0")],
        code=300,
        says="page_size",
    ),
    Case(
        "a query value outside its enum is refused",
        "GET",
        QUEUES,
        400,
        [("channel", "fax")],
        code=300,
        says="channel",
    ),
    Case(
        "an identifier type outside its enum is refused",
        "GET",
        f"{QUEUES}/Support",
        400,
        [("queue_identifier_type", "nickname")],
        code=300,
        says="queue_identifier_type",
    ),
    Case(
        "a boolean query value other than true or false is refused",
        "DELETE",
        "/contact_center/asset_library/assets/a1",
        400,
        [("archive", "yes")],
        code=300,
        says="archive",
    ),
    Case(
        "a role delete without transfer_role_id gets the documented 2102",
        "DELETE",
        "/contact_center/roles/r1",
        400,
        code=2102,
        says="Transfer role ID cannot be empty",
    ),
    Case(
        "an address book list without unit_id gets the documented 1902",
        "GET",
        "/contact_center/address_books",
        400,
        code=1902,
        says="unit_id",
    ),
    Case(
        "an address book list with an empty unit_id gets the documented 1902",
        "GET",
        "/contact_center/address_books",
        400,
        [("unit_id", "")],
        code=1902,
    ),
    Case(
        "a region delete without move_to_region_id is refused, naming it",
        "DELETE",
        "/contact_center/regions/r1",
        400,
        code=300,
        says="move_to_region_id",
    ),
    Case(
        "a variable list without variable_group_id is refused, naming it",
        "GET",
        "/contact_center/variables",
        400,
        code=300,
        says="variable_group_id",
    ),
    # -- bodies
    Case(
        "an integer sent as a decimal deep in a body is refused, naming its path",
        "PATCH",
        f"{QUEUES}/{SUPPORT}/interrupt",
        400,
        body={"audio_interrupts": [{**AUDIO_INTERRUPT, "loop_interval": 45.0}]},
        code=300,
        says="audio_interrupts.0.loop_interval",
    ),
    Case(
        "an integer sent as a decimal at the top of a body is refused",
        "PATCH",
        f"{QUEUES}/{SUPPORT}",
        400,
        body={"max_wait_time": 30.0},
        code=300,
        says="max_wait_time",
    ),
    Case(
        "an unknown body field is refused, naming it",
        "PATCH",
        f"{QUEUES}/{SUPPORT}",
        400,
        body={"frobnicate": 1},
        code=300,
        says="frobnicate",
    ),
    Case(
        "a body enum violation gets the operation's documented error",
        "POST",
        QUEUES,
        400,
        body={"queue_name": "Sales", "channel": "fax"},
        code=1205,
        says="Invalid channel type",
    ),
    Case(
        "a body sent to an operation that takes none is refused",
        "DELETE",
        f"{QUEUES}/{SUPPORT}",
        400,
        body={"force": True},
        code=300,
    ),
    # -- *_identifier_type look-ups
    Case(
        "a queue is read by name",
        "GET",
        f"{QUEUES}/Support",
        200,
        [("queue_identifier_type", "name")],
        shows={"queue_name": "Support"},
    ),
    Case(
        "a queue is updated by name",
        "PATCH",
        f"{QUEUES}/Support",
        204,
        [("queue_identifier_type", "name")],
        body={"queue_description": "Renamed by name."},
    ),
    Case(
        "a queue is deleted by name",
        "DELETE",
        f"{QUEUES}/Support",
        204,
        [("queue_identifier_type", "name")],
    ),
    Case(
        "a name nobody has is not found, named in the error",
        "GET",
        f"{QUEUES}/Nobody",
        404,
        [("queue_identifier_type", "name")],
        says="Nobody",
    ),
    Case(
        "a name two queues share gets the documented ambiguity error",
        "GET",
        f"{QUEUES}/Twin",
        400,
        [("queue_identifier_type", "name")],
        code=1244,
        says="More than one",
    ),
    Case(
        "a contact is read by email inside an address book read by name",
        "GET",
        "/contact_center/address_books/Book/contacts/ann@example.com",
        200,
        [("address_book_identifier_type", "name"), ("contact_identifier_type", "email")],
        shows={"display_name": "Ann"},
    ),
    # -- correct requests pass
    Case(
        "a correct list passes",
        "GET",
        QUEUES,
        200,
        [("page_size", "10"), ("channel", "voice")],
        shows={"page_size": 10},
    ),
    Case(
        "a region delete with move_to_region_id reaches the handler",
        "DELETE",
        "/contact_center/regions/r1",
        404,
        [("move_to_region_id", "r2")],
    ),
    Case(
        "a queue is read by id with the id identifier type",
        "GET",
        f"{QUEUES}/{SUPPORT}",
        200,
        [("queue_identifier_type", "id")],
        shows={"queue_name": "Support"},
    ),
]


def _seed(emulator: EmulatorServer) -> str:
    """A queue named Support, two named Twin, an address book holding Ann's contact."""
    state = emulator.state
    (support,) = state.seed("queues", [{"queue_name": "Support", "channel": "voice"}])
    state.seed("queues", [{"queue_name": "Twin", "channel": "voice"}] * 2)
    (book,) = state.seed("address_books", [{"address_book_name": "Book"}])
    contact = {"display_name": "Ann", "emails": ["ann@example.com"]}
    state.seed("address_book_contacts", [contact], parent_id=book["address_book_id"])
    return str(support["cc_queue_id"])


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_emulator_answers_as_zoom_would(
    emulator: EmulatorServer, raw: httpx.Client, case: Case
) -> None:
    support = _seed(emulator)
    response = raw.request(
        case.method,
        case.path.replace(SUPPORT, support),
        params=list(case.params),
        json=case.body,
    )
    assert response.status_code == case.status, response.text
    body = response.json() if response.content else {}
    if case.code is not None:
        assert body["code"] == case.code, body
    assert case.says in body.get("message", ""), body
    assert {k: body.get(k) for k in case.shows} == dict(case.shows), body


ARRAY_OP = next(
    op
    for op in load_api_spec().operations
    if any(q.item_enum for q in op.query if q.name == "channels")
)
"""An operation taking ``channels``, an array whose elements have an enum."""


@pytest.mark.parametrize(
    ("pairs", "accepted"),
    [
        ([("channels", "voice,video")], True),
        ([("channels", "voice"), ("channels", "video")], True),
        ([("channels", "voice,fax")], False),
        ([("channels", "voice"), ("channels", "fax")], False),
    ],
    ids=[
        "an array given comma-separated passes",
        "an array given as repeated keys passes",
        "a comma-separated array with an element outside its enum is refused",
        "a repeated-key array with an element outside its enum is refused",
    ],
)
def test_array_query_values_are_checked_element_by_element(
    pairs: list[tuple[str, str]], accepted: bool
) -> None:
    if accepted:
        check_query(ARRAY_OP, pairs)
    else:
        with pytest.raises(RequestRefused, match="channels"):
            check_query(ARRAY_OP, pairs)
