"""How every documented 4xx error of an operation is handled: the conformance table's data.

Each error is one of:

- ``preview``: a documented rule the request body decides (``rule_table``): the provider
  refuses it at preview, the emulator with the documented code;
- ``schema``: the API's field tree decides it (an enum, a type, a required field): the
  provider's input model refuses it at preview, the emulator's request check too;
- ``emulator``: it needs the account's data, which the emulator models (its own objects,
  the account default, the names it holds); preview cannot know;
- ``server``: it needs the account's data (or says too little to decide), only Zoom checks;
- ``n/a``: about the caller, not the request (authentication, scopes, plan, rate limits).

Classified by code (``BY_CODE``), then by what the message says (not found, already exists,
more than one match), then the generic codes. An error none of these classify is
``unclassified``, which a test refuses: a new code in the reference must be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from zoomcc.apispec.rule_table import RULES
from zoomcc.apispec.spec import ErrorSpec, Operation

Kind = Literal["preview", "schema", "emulator", "server", "n/a", "unclassified"]


@dataclass(frozen=True)
class Handling:
    """How one documented error is handled, and why."""

    kind: Kind
    """E.g. ``"server"``."""
    reason: str
    """Why, in a few words, e.g. ``"needs the account's users"``."""

    @property
    def emulated(self) -> bool:
        """Whether the emulator refuses it with the documented code."""
        return self.kind in ("preview", "schema", "emulator")


_AUTH: Final = "about the caller: authentication, scopes, the account's plan or rate limits"
_MISSING: Final = "needs the account's objects: whether an id exists"
_TAKEN: Final = "needs the account's objects: whether the name is taken"
_AMBIGUOUS: Final = "needs the account's objects: several have the name looked up"

GENERIC: Final[dict[int, str]] = {
    124: _AUTH,
    1002: _AUTH,
    1021: _AUTH,
    1022: _AUTH,
    4001: _AUTH,
    9001: _AUTH,
}
"""Codes about the caller, whatever the operation."""

BY_CODE: Final[dict[int, tuple[Kind, str]]] = {
    300: ("schema", "the request's field tree (types, enums, required fields)"),
    302: ("schema", "an enum value (the field tree's enums)"),
    303: ("schema", "an invalid parameter (the field tree)"),
    3602: (
        "server",
        "the reference names no list of time zones; Zoom's own list decides",
    ),
    3603: ("emulator", _TAKEN),
    3611: ("emulator", "needs the account's data: whether the object is the account default"),
    3612: ("emulator", "needs the account's data: whether the object is the account default"),
    3712: (
        "server",
        "the reference does not say how a time 'matches' the timezone (an offset equal to "
        "the zone's on that date, or any offset); the create example writes -04:00 in "
        "America/New_York in January, which the zone's own offset (-05:00) would refuse",
    ),
    3713: ("emulator", "needs the account's data: whether the object is the account default"),
}
"""Codes whose handling the message pattern would get wrong or cannot tell."""

_NOT_FOUND: Final = re.compile(
    r"\b(?:does not|do not|doesn't|don't|not) exist|\bnot found\b|\bno longer exists?\b|"
    r"\bis not assigned\b|\binvalid \w+ ids?\b",
    re.IGNORECASE,
)
_EXISTS: Final = re.compile(r"already exists?|name .*duplicat|is duplicate\b", re.IGNORECASE)
_SEVERAL: Final = re.compile(r"more than one matching", re.IGNORECASE)


def handling(op: Operation, error: ErrorSpec) -> Handling:
    """How ``error``, documented by ``op``, is handled."""
    rule = next((r for r in RULES if op.id in r.operations and r.code == error.code), None)
    if rule is not None:
        return Handling("preview", f"reference line {rule.line}")
    if error.status in (401, 403, 429) or error.code in GENERIC:
        return Handling("n/a", _AUTH)
    if error.code is None:
        return Handling("n/a", "no error code: the status alone, no rule stated")
    if error.code in BY_CODE:
        kind, reason = BY_CODE[error.code]
        return Handling(kind, reason)
    if _SEVERAL.search(error.message):
        return Handling("server", _AMBIGUOUS)
    if _NOT_FOUND.search(error.message):
        addressed = error.code in op.not_found_codes and "{" in op.path
        return Handling("emulator" if addressed else "server", _MISSING)
    if _EXISTS.search(error.message):
        return Handling("emulator" if op.method == "POST" else "server", _TAKEN)
    return Handling("unclassified", "")


def documented_errors(op: Operation) -> list[ErrorSpec]:
    """``op``'s documented 4xx errors, one per (status, code), in the reference's order."""
    seen: set[tuple[int, int | None]] = set()
    found: list[ErrorSpec] = []
    for error in op.errors:
        key = (error.status, error.code)
        if 400 <= error.status < 500 and key not in seen:
            seen.add(key)
            found.append(error)
    return found
