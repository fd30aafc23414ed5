"""The emulator's collection table, re-checked against the reference text.

The table is hand-written (it must not depend on the spec parser); this test parses the
few things it needs from ``shared/zoom-contact-center-api-reference.txt`` independently,
so a typo in a field name, a label, an error code or a message fails here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from zoomcc.apispec.errata import ERRATA
from zoomcc.emulator import DEFAULT_COLLECTIONS, Collection

REFERENCE = Path(
    os.environ.get(
        "ZOOMCC_API_REFERENCE",
        Path(__file__).resolve().parents[3] / "shared" / "zoom-contact-center-api-reference.txt",
    )
)
if not REFERENCE.exists():  # the reference is the point of these checks: never skip them
    raise RuntimeError(f"no API reference at {REFERENCE}")

# Deliberate, documented deviations from the reference's schemas.
EXTRA_REQUIRED_ON_CREATE = {"skills": {"skill_category_id", "skill_name"}}
LEFT_OUT_OF_CREATE_VIEW = {"queues": {"queue_id"}}  # the create example has no queue_id
# An address book's delete documents 1201 (the queues' not-found code; get and update say
# 2001): the emulator answers 2001 for all three, the provider takes either as "gone".
NOT_FOUND_CODE_DEVIATIONS = {("address_books", "delete"): 1201}

_FIELD = re.compile(r"^  • (\w+)( \(required\))?$")
_ITEM = re.compile(r"^    • (\w+)")
_MISSING = re.compile(r"does not exist|doesn't exist|not found", re.I)
_ERROR = re.compile(r"\*\*Error Code:\*\* `(\d+)` <br> (.*?)(?= <br>|$)")


@dataclass
class RefOp:
    method: str
    path: str
    rate_label: str = ""
    request: dict[str, bool] = field(default_factory=dict)
    request_types: dict[str, str] = field(default_factory=dict)
    response: list[str] = field(default_factory=list)
    list_items: dict[str, list[str]] = field(default_factory=dict)
    errors: list[tuple[int, int, str]] = field(default_factory=list)


def _enum(type_line: str) -> set[Any]:
    match = re.search(r"possible values: (.*?)(?:, default:| —|$)", type_line)
    if not match:
        return set()
    values: set[Any] = set()
    for raw in match.group(1).split(", "):
        raw = raw.strip()
        values.add(raw.strip('"') if raw.startswith('"') else int(raw))
    return values


def parse_reference(text: str) -> dict[tuple[str, str], RefOp]:
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith("  • Method:")]
    ops: dict[tuple[str, str], RefOp] = {}
    for n, start in enumerate(starts):
        end = starts[n + 1] - 2 if n + 1 < len(starts) else len(lines)
        body = lines[start:end]
        op = RefOp(body[0].split(":", 1)[1].strip(), body[1].split(":", 1)[1].strip())
        section = ""
        in_2xx = False
        current: str | None = None
        for i, line in enumerate(body):
            if line.startswith("Rate Limit Label:"):
                op.rate_label = line.split(":", 1)[1].strip()
            elif line.startswith("Request Body"):
                section = "request"
            elif line.startswith("Responses"):
                section = "responses"
            elif line.startswith("Status: "):
                status = int(line.split()[1])
                in_2xx = 200 <= status < 300
                op.errors += [(status, int(c), m.strip()) for c, m in _ERROR.findall(line)]
            elif (match := _FIELD.match(line)) and section == "request":
                op.request[match.group(1)] = bool(match.group(2))
                op.request_types[match.group(1)] = body[i + 2].strip().split(" — ")[0]
            elif (match := _FIELD.match(line)) and section == "responses" and in_2xx:
                current = match.group(1)
                op.response.append(current)
            elif (match := _ITEM.match(line)) and section == "responses" and in_2xx and current:
                op.list_items.setdefault(current, []).append(match.group(1))
        ops[(op.method, op.path)] = op
    return ops


@pytest.fixture(scope="module")
def reference() -> dict[tuple[str, str], RefOp]:
    return parse_reference(REFERENCE.read_text(encoding="utf-8"))


def _norm_path(path: str) -> str:
    return re.sub(r"\{\w+\}", "{}", path)


def _norm_message(message: str) -> str:
    message = re.sub(r"`\w+1`, `\w+2`", "{}", message)  # bulk ops list the missing ids
    return re.sub(r"\$\w+|\{\w+\}", "{}", message).strip().rstrip(".")


def _ops(reference: dict[tuple[str, str], RefOp], coll: Collection) -> dict[str, RefOp]:
    by_path = {(m, _norm_path(p)): op for (m, p), op in reference.items()}
    base, item = _norm_path(coll.path), _norm_path(coll.item_path)
    wanted = {
        "list": ("GET", base),
        "create": ("POST", base),
        "get": ("GET", item),
        "update": ("PATCH", item),
        "delete": ("DELETE", item),
    }
    # Extra routes stand in for standard operations where the API is irregular (a batch
    # create, a delete by a list of ids); omitted operations do not exist in the API.
    extra = {e.name: (e.method, _norm_path(e.path)) for e in coll.extra_routes}
    return {
        name: by_path[extra.get(name, key)]
        for name, key in wanted.items()
        if name in extra or name not in coll.omitted_ops
    }


COLLECTIONS = [pytest.param(c, id=c.name) for c in DEFAULT_COLLECTIONS]


def _corrected(op: RefOp) -> set[str]:
    """Request fields the API spec's errata correct: the emulator follows the errata."""
    return {
        e.field
        for e in ERRATA
        if e.target == "request"
        and (e.method, _norm_path(e.path)) == (op.method, _norm_path(op.path))
    }


@pytest.mark.parametrize("coll", COLLECTIONS)
def test_rate_labels_match(reference: dict[tuple[str, str], RefOp], coll: Collection) -> None:
    ops = _ops(reference, coll)
    labels = {name: label for name, label in coll.rate_labels.items() if name in ops}
    assert labels == {name: op.rate_label for name, op in ops.items()}


@pytest.mark.parametrize("coll", COLLECTIONS)
def test_request_fields_and_required_flags_match(
    reference: dict[tuple[str, str], RefOp], coll: Collection
) -> None:
    ops = _ops(reference, coll)
    if "create" in ops:
        assert set(coll.create_fields) == set(ops["create"].request)
        corrected = _corrected(ops["create"])
        required_create = {f for f, req in ops["create"].request.items() if req} - corrected
        extra = EXTRA_REQUIRED_ON_CREATE.get(coll.name, set())
        assert set(coll.required_on_create) - corrected == required_create | extra
    if "update" in ops:
        assert set(coll.update_fields) == set(ops["update"].request)
        corrected = _corrected(ops["update"])
        wanted = {f for f, req in ops["update"].request.items() if req} - corrected
        assert set(coll.required_on_update) - corrected == wanted


@pytest.mark.parametrize("coll", COLLECTIONS)
def test_field_types_and_enums_match(
    reference: dict[tuple[str, str], RefOp], coll: Collection
) -> None:
    ops = _ops(reference, coll)
    for op in (ops[name] for name in ("create", "update") if name in ops):
        for name, type_line in op.request_types.items():
            if name in _corrected(op):
                continue
            spec = coll.fields[name]
            assert type_line.split(",")[0] == spec.type, (op.method, name, type_line)
            assert set(spec.enum) == _enum(type_line), (op.method, name, type_line)


@pytest.mark.parametrize("coll", COLLECTIONS)
def test_views_match_the_response_schemas(
    reference: dict[tuple[str, str], RefOp], coll: Collection
) -> None:
    ops = _ops(reference, coll)
    if "get" in ops:
        assert set(coll.get_view) == set(ops["get"].response)
    left_out = LEFT_OUT_OF_CREATE_VIEW.get(coll.name, set())
    if "create" in ops:
        assert set(coll.create_view) == set(ops["create"].response) - left_out
    if "list" not in ops:
        return
    listing = ops["list"]
    assert coll.list_key in listing.response
    assert set(coll.list_view) == set(listing.list_items[coll.list_key])
    assert coll.list_total_records == ("total_records" in listing.response)
    assert coll.id_field in coll.get_view


@pytest.mark.parametrize("coll", COLLECTIONS)
def test_errors_come_from_the_reference(
    reference: dict[tuple[str, str], RefOp], coll: Collection
) -> None:
    ops = _ops(reference, coll)
    for name in ("get", "update", "delete"):
        if name not in ops:
            continue
        message = coll.not_found_messages.get(name, coll.not_found.message)
        documented = {(s, c, _norm_message(m)) for s, c, m in ops[name].errors}
        if not any(s == 404 and _MISSING.search(m) for s, _c, m in documented):
            continue  # only a bare "404 Not Found" without a code: nothing to compare with
        code = NOT_FOUND_CODE_DEVIATIONS.get((coll.name, name), coll.not_found.code)
        wanted = (coll.not_found.status, code, _norm_message(message))
        assert wanted in documented, (name, wanted, documented)

    def documented_in(op: RefOp) -> set[tuple[int, int, str]]:
        return {(s, c, _norm_message(m)) for s, c, m in op.errors}

    if coll.duplicate_error is not None and "create" in ops:
        dup = coll.duplicate_error
        assert (dup.status, dup.code, _norm_message(dup.message)) in documented_in(ops["create"])
    for ref in coll.references:
        err = ref.error
        assert (err.status, err.code, _norm_message(err.message)) in documented_in(ops["create"])
        if ref.update_error is not None:
            err = ref.update_error
            wanted = (err.status, err.code, _norm_message(err.message))
            assert wanted in documented_in(ops["update"])


@pytest.mark.parametrize("coll", COLLECTIONS)
def test_defaults_and_computed_fields_are_visible(coll: Collection) -> None:
    visible = set(coll.get_view) | set(coll.list_view) | set(coll.create_view)
    assert set(coll.defaults) <= visible | set(coll.create_fields)
    assert set(coll.computed) <= visible
    assert set(coll.generated) <= visible


def test_reference_parser_sees_the_examples_in_the_brief(
    reference: dict[tuple[str, str], RefOp],
) -> None:
    queue_get = reference[("GET", "/contact_center/queues/{queueId}")]
    assert (404, 1201, "Queue does not exist: $queueId.") in queue_get.errors
    assert reference[("GET", "/contact_center/skills")].rate_label == "Medium"
    assert len(reference) >= 300
