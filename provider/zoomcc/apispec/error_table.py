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

_FEATURE: Final = "about the account: a feature or plan it has not enabled"
_BUSY: Final = "a transient server state (try again later, concurrent changes)"
_LIMIT: Final = "needs the account's data: how many such objects it already has"
_IN_USE: Final = "needs the account's data: what uses the object"
_DEFAULT: Final = "needs the account's data: whether the object is the account default"
_SALESFORCE: Final = "needs the account's data: whether the object comes from Salesforce"
_UNDOCUMENTED: Final = "the reference does not state the rule (no limit, format or list given)"
_MEMBERS: Final = "needs the account's data: the current members"
_NAME: Final = (
    "the object's name, its natural key: required at create (apispec.required_names), so a "
    "nameless create is refused at preview and by the emulator"
)
_ENUM: Final = "an enum value of the field tree (refused at preview and by the emulator)"
_REQUIRED: Final = "a required field of the field tree (refused at preview and by the emulator)"

BY_CODE: Final[dict[int, tuple[Kind, str]]] = {
    300: ("schema", "the request's field tree (types, enums, required fields)"),
    302: ("schema", "an enum value (the field tree's enums)"),
    303: ("schema", "an invalid parameter (the field tree)"),
    400: ("n/a", _FEATURE),
    1003: ("n/a", _BUSY),
    1004: ("server", "needs the account's data: whether the Zoom user exists"),
    1009: ("server", "on an update the path's id names the user; the create's is a preview rule"),
    1010: ("emulator", "needs the account's data: the agent's current state"),
    1011: ("server", "needs the account's data: the agent's queue settings"),
    1013: ("emulator", _MEMBERS),
    1014: ("emulator", _MEMBERS),
    1019: ("n/a", _FEATURE),
    1105: ("server", _LIMIT),
    1106: ("server", _LIMIT),
    1107: ("n/a", _BUSY),
    1108: ("server", "needs the account's data: whether the status is a default one"),
    1203: ("emulator", _MEMBERS),
    1204: ("emulator", _MEMBERS),
    1205: ("schema", _ENUM),
    1214: ("n/a", _FEATURE),
    1215: ("n/a", _FEATURE),
    1220: ("schema", _ENUM),
    1225: ("schema", _ENUM),
    1238: ("schema", _ENUM),
    1240: ("schema", _ENUM),
    1241: ("schema", _ENUM),
    1243: ("server", _LIMIT),
    1254: ("server", "needs the account's data: the queue's interrupt buckets"),
    1407: ("server", "needs the account's data: the skill's category and its highest level"),
    1507: ("emulator", "needs the account's data: the rules it already has"),
    1903: ("schema", _NAME),
    1905: ("server", _SALESFORCE),
    2003: ("server", _UNDOCUMENTED),
    2004: ("server", _SALESFORCE),
    2005: ("server", _SALESFORCE),
    2102: ("schema", _REQUIRED),
    2104: ("schema", _REQUIRED),
    2108: ("schema", _ENUM),
    2109: ("server", _UNDOCUMENTED),
    2110: ("server", _LIMIT),
    2113: ("server", "needs the account's data: the custom field's data type"),
    2114: ("emulator", "needs the account's data: whether the custom field exists"),
    2115: ("emulator", "needs the account's data: the picklist's values"),
    2116: ("emulator", "needs the account's data: the picklist's values"),
    2117: ("server", "the reference names no list of time zones; Zoom's own list decides"),
    2204: ("emulator", "needs the account's data: whether the role is a system role"),
    2207: ("emulator", "needs the account's data: the privileges the account offers"),
    2304: ("server", "needs the account's data: the asset's type"),
    2311: ("server", "needs the account's data: the interrupt's API control setting"),
    2313: ("server", "needs the account's data: the queue's bucket option"),
    2510: ("emulator", "needs the account's data: the disposition's current type"),
    3009: ("server", "needs the account's data: whether the inbox's setting is locked"),
    3203: ("emulator", "the flow's own format, which the reference does not describe"),
    3208: ("server", _LIMIT),
    3209: ("server", _IN_USE),
    3404: ("server", _UNDOCUMENTED),
    3405: ("server", _UNDOCUMENTED),
    3406: ("server", "the reference lists no allowed data types per variable type"),
    3407: (
        "server",
        "the reference does not say when `values` may be left out (address-book variables "
        "take `default_value`)",
    ),
    3415: ("server", _LIMIT),
    3602: (
        "emulator",
        "the reference names no list of time zones; the emulator knows the IANA ones",
    ),
    3603: ("emulator", _TAKEN),
    3611: ("emulator", _DEFAULT),
    3612: ("emulator", _DEFAULT),
    3712: (
        "server",
        "the reference does not say how a time 'matches' the timezone (an offset equal to "
        "the zone's on that date, or any offset); the create example writes -04:00 in "
        "America/New_York in January, when the zone's own offset is -05:00",
    ),
    3713: ("emulator", _DEFAULT),
    3802: ("emulator", "needs the account's data: which region is the main one"),
    3803: ("emulator", "the provider picks the region users move to; never the deleted one"),
    3806: ("emulator", "needs the account's data: the region's SIP zone"),
    4005: ("server", _UNDOCUMENTED),
    4010: ("server", _UNDOCUMENTED),
    4013: ("server", "the reference lists no compared values or operators per attribute"),
    4101: ("n/a", _FEATURE),
    4103: ("emulator", "the provider adds members one resource at a time"),
    4104: ("server", _MEMBERS),
    4106: ("emulator", _BUSY),
    4108: ("n/a", _BUSY),
    5004: ("server", _LIMIT),
    5012: ("schema", _ENUM),
    5016: ("server", "needs the account's data: the contact lists' sizes"),
    8004: ("server", "needs the account's data: the user template's type"),
    8005: ("server", "needs the account's data: the user template's status"),
    10002: ("server", _IN_USE),
    10005: ("server", _UNDOCUMENTED),
    10006: ("server", "the reference lists no supported languages"),
    10007: ("server", _TAKEN),
    10010: ("emulator", "needs the account's data: whether the asset is archived"),
    10013: ("server", _UNDOCUMENTED),
    10015: ("server", _TAKEN),
    10018: ("schema", _ENUM),
    10019: ("server", _IN_USE),
    10020: ("server", _LIMIT),
    290010: ("n/a", _FEATURE),
    640002: ("server", "needs the account's data: the template's current status"),
    640003: ("server", _UNDOCUMENTED),
    640004: ("server", _UNDOCUMENTED),
    640005: ("schema", _REQUIRED),
    640007: ("schema", _REQUIRED),
    640011: ("server", _LIMIT),
    640014: ("emulator", "needs the account's data: the settings the package offers"),
}
"""Codes whose handling the message pattern would get wrong or cannot tell."""

BY_OPERATION: Final[dict[tuple[str, int], tuple[Kind, str]]] = {
    ("delete_a_role", 2102): ("schema", "a required query parameter (`transfer_role_id`)"),
    ("list_address_books", 1902): ("schema", "a required query parameter (`unit_id`)"),
    ("opt_in_or_opt_out_a_users_queues", 1205): (
        "server",
        "needs the account's data: the queue's channel",
    ),
    ("list_a_users_queues", 1205): ("schema", "an enum value of a query parameter"),
    ("assign_a_queue_menu_based_interrupt", 1205): (
        "server",
        "needs the account's data: the queue's channel",
    ),
    ("delete_a_queues_interrupt_menu_configuration", 1205): (
        "server",
        "needs the account's data: the queue's channel",
    ),
    ("update_a_queues_interrupt_settings", 1205): (
        "server",
        "needs the account's data: the queue's channel",
    ),
    ("get_a_queues_interrupt_settings", 1205): (
        "server",
        "needs the account's data: the queue's channel",
    ),
    ("update_a_queue", 1205): ("schema", _ENUM),
    ("update_a_queue", 1240): ("server", "the reference does not say when the profile is required"),
    ("update_a_queue", 1241): ("server", "needs the account's data: the agent routing profile"),
    ("update_a_queue_template", 1241): ("schema", _ENUM),
    ("update_a_variable", 3420): (
        "server",
        "the update body has no `variable_type`, which picks the limit: preview judges the "
        "same inputs with the create's rule (line 37050)",
    ),
    ("update_a_skill_category", 1502): (
        "emulator",
        "the update body has no `skill_type`: the emulator judges the stored category, "
        "preview the same inputs with the create's rule (line 32218)",
    ),
}
"""Where one code means different things in different operations: (operation, code)."""

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
    if (op.id, error.code) in BY_OPERATION:
        kind, reason = BY_OPERATION[(op.id, error.code)]
        return Handling(kind, reason)
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
