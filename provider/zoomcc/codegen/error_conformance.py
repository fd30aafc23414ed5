"""The documented-errors part of docs/conformance.md: every documented 4xx error of every
operation the provider calls, and how it is handled (``zoomcc.apispec.error_table``).

Rows group one code with one handling; a test compares them with the API spec, so a code
the reference adds shows up as missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from zoomcc.apispec import Operation
from zoomcc.apispec.error_table import Handling, documented_errors, handling

_SHOWN_OPERATIONS = 8
"""Past this many operations a row gives their number instead of their ids."""

KIND_TEXT = {
    "preview": "preview rule",
    "schema": "preview (API model)",
    "emulator": "emulator only",
    "server": "server only",
    "n/a": "not applicable",
    "unclassified": "UNCLASSIFIED",
}


@dataclass(frozen=True)
class ErrorRow:
    """One code as some operations document it, and how it is handled."""

    status: int
    """The HTTP status, e.g. ``400``."""
    code: int | None
    """Zoom's code, e.g. ``3704``; ``None`` for a status without one."""
    message: str
    """The first operation's message, e.g. ``"Closure set does not exist: $closureSetId."``."""
    handling: Handling
    """What the provider and emulator do about it."""
    operations: tuple[str, ...]
    """The operation ids that document it, e.g. ``("create_a_closure_set",)``."""


def error_rows(operations: Iterable[Operation]) -> list[ErrorRow]:
    """Every documented 4xx (operation, status, code), grouped by code and handling."""
    grouped: dict[tuple[int, int | None, Handling], tuple[str, list[str]]] = {}
    for op in sorted(operations, key=lambda o: o.id):
        for error in documented_errors(op):
            key = (error.status, error.code, handling(op, error))
            grouped.setdefault(key, (error.message, []))[1].append(op.id)
    rows = [
        ErrorRow(status, code, message, how, tuple(ops))
        for (status, code, how), (message, ops) in grouped.items()
    ]
    return sorted(rows, key=lambda r: (r.code or 0, r.status, r.handling.kind, r.operations))


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def render_errors(operations: Iterable[Operation]) -> list[str]:
    """The section's markdown lines."""
    rows = error_rows(operations)
    pairs = sum(len(r.operations) for r in rows)
    counts = {kind: 0 for kind in KIND_TEXT}
    codes: dict[str, set[tuple[int, int | None]]] = {kind: set() for kind in KIND_TEXT}
    for row in rows:
        counts[row.handling.kind] += len(row.operations)
        codes[row.handling.kind].add((row.status, row.code))
    every = {(r.status, r.code) for r in rows}
    emulated = sum(len(r.operations) for r in rows if r.handling.emulated)
    summary = ", ".join(
        f"{KIND_TEXT[k]}: {counts[k]} ({len(codes[k])} codes)" for k in KIND_TEXT if counts[k]
    )
    lines = [
        "## Documented errors and how each is handled",
        "",
        "Every 4xx error the reference documents for an operation the provider calls "
        f"({pairs} operation-error pairs, {len(every)} distinct status-and-code pairs): "
        f"{summary}; the emulator refuses {emulated} of the pairs with the documented code.",
        "",
        "- **preview rule**: decided by the request alone; `check` refuses it before any call "
        "in one line naming the resource and the field, quoting the reference line, and the "
        "emulator answers the documented code (`zoomcc.apispec.rule_table`).",
        "- **preview (API model)**: the field tree (enums, types, required fields) decides "
        "it; `check` and the emulator's request check refuse it.",
        "- **emulator only**: needs the account's data; the emulator models that data and "
        "answers the code, preview cannot know.",
        "- **server only**: needs the account's data (or the reference says too little to "
        "decide); only Zoom checks it.",
        "- **not applicable**: about the caller (credentials, scopes, plan, rate limits), "
        "handled by the client.",
        "",
        "| status | code | message | handling | why | operations |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        ops = row.operations
        shown = (
            ", ".join(f"`{o}`" for o in ops)
            if len(ops) <= _SHOWN_OPERATIONS
            else f"{len(ops)} operations"
        )
        code = "" if row.code is None else str(row.code)
        lines.append(
            f"| {row.status} | {code} | {_cell(row.message)} | {KIND_TEXT[row.handling.kind]} "
            f"| {_cell(row.handling.reason)} | {shown} |"
        )
    return lines
