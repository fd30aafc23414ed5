"""Writes docs/conformance.md: every operation the provider calls, with its contract.

The rows come from the resource specs (the operations each one declares); the all-kinds
end-to-end test checks that every call it observes has a row, so a call the specs do not
declare cannot go undocumented.
"""

from __future__ import annotations

from collections.abc import Iterable

from zoomcc.apispec import Operation, load_api_spec
from zoomcc.apispec.errata import ERRATA
from zoomcc.codegen.docs import HEADER
from zoomcc.codegen.error_conformance import render_errors
from zoomcc.resources import catalog

CHOICES: tuple[tuple[str, str], ...] = (
    (
        "Queues: `cc_queue_id` and the deprecated `queue_id` (the create example returns only "
        "`cc_queue_id`).",
        "`cc_queue_id` is the id everywhere; inbox queues are added and removed as `cc_queue_ids`.",
    ),
    (
        "Queue templates: the list names fields `template_*`, get and create `queue_template_*`.",
        "Both are read; the spec's `list_names` maps one to the other.",
    ),
    (
        "Queue operating hours: PATCH takes `operating_hours_business_hour_id`, GET returns "
        "`business_hour_id`.",
        "Read back through the spec's `read_back`.",
    ),
    (
        "Outbound campaign status: the PATCH enum is capitalised (`Draft`), GET lower case.",
        "Compared case-insensitively; sent as the PATCH enum says.",
    ),
    (
        "User templates: `package` is an object in the request and GET schemas (`package_name`, "
        "`add_ons_plan`, `billing_account_id`); every example sends a string.",
        "The schema: `package` is sent as an object; a plain string argument is shorthand for "
        '`{"package_name": ...}`.',
    ),
    (
        "Address-book contacts: `phone_numbers` (reference line 1364) and `phones` are both "
        "required; the example sends only `phones`.",
        "Both are sent; `phone_numbers` is derived from `phones`.",
    ),
    (
        "The reference documents no query parameters; Zoom's published OpenAPI has them, several "
        "required (`unit_id`, `variable_group_id`, `move_to_region_id`, `transfer_role_id`).",
        "The published parameters are in the project's spec and every request is checked "
        "against them before it is sent.",
    ),
    (
        "Assets: DELETE both archives (`archive=true`) and deletes; only archived assets delete "
        "(404, code 10010).",
        "Destroy archives, then deletes; a 404 whose code is not a documented not-found code "
        'is an error, never "already gone".',
    ),
    (
        'Some examples hold values outside their own enums (`status_name` "Lunch", '
        '`channel_source` "live_video").',
        "Enums are not widened; the unit tier lists those examples as known-invalid.",
    ),
)


def used_operations() -> dict[str, tuple[Operation, list[str]]]:
    """Operation id -> (operation, the resource types that call it)."""
    used: dict[str, tuple[Operation, list[str]]] = {}
    for spec in catalog.ALL:
        ops: Iterable[Operation] = spec.operations
        for op in ops:
            _, names = used.setdefault(op.id, (op, []))
            if spec.name not in names:
                names.append(spec.name)
    return used


def _query(op: Operation) -> str:
    if not op.query:
        return "none"
    return ", ".join(f"**{q.name}**" if q.required else q.name for q in op.query)


def _body(op: Operation) -> str:
    if op.request is None:
        return "none"
    kind = "JSON" if op.request.content_type == "application/json" else "multipart"
    required = [f.name for f in op.request.schema_.fields if f.required]
    shown = f" (required: {', '.join(required)})" if required else ""
    return f"{kind} `{op.id}_request`{shown}"


def render() -> str:
    spec = load_api_spec()
    used = used_operations()
    lines = [
        HEADER,
        "# API conformance",
        "",
        "Every request the provider, lookups, exporter and CLI send is checked against the "
        "project's API spec before it leaves (`zoomcc.apispec.contract`): the operation must "
        "exist, query parameters must be the operation's own with the required ones present, "
        "and the JSON body must fit the request model at every depth, integers as integers "
        "(whole floats are normalised first). The emulator, an independent reading of the same "
        "spec, refuses what Zoom would refuse. In the test suite any violation fails the test "
        "that caused it, even one raised inside a provider process.",
        "",
        f"The provider calls {len(used)} of the API's {len(spec.operations)} operations. Query "
        "parameters in **bold** are required by the API. Each row is exercised by the "
        "all-kinds lifecycle through the real engine (`tests/e2e/test_all_kinds.py`, which "
        "also fails on a call without a row here), under faults "
        "(`tests/reliability/test_every_kind_under_faults.py`), and per resource in the "
        "provider tier.",
        "",
        "| method | path | query parameters | body | resources |",
        "|---|---|---|---|---|",
    ]
    for op, names in sorted(used.values(), key=lambda e: (e[0].path, e[0].method)):
        lines.append(
            f"| {op.method} | `{op.path}` | {_query(op)} | {_body(op)} | {', '.join(names)} |"
        )
    lines += [
        "",
        "## Where the reference contradicts itself, and the choice made",
        "",
        "| the reference says | the provider does |",
        "|---|---|",
    ]
    lines += [f"| {said} | {done} |" for said, done in CHOICES]
    lines += ["", *render_errors(op for op, _ in used.values())]
    lines += [
        "",
        "## Corrections applied to the reference (`zoomcc.apispec.errata`)",
        "",
    ]
    lines += [
        f"- `{e.method} {e.path}` ({e.target}, `{e.field or '<root>'}`): {e.reason}" for e in ERRATA
    ]
    return "\n".join(lines) + "\n"
