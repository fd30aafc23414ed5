"""What the emulator accepts in one request field: its JSON type and, optionally, its enum.

The request checks (:mod:`zoomcc.emulator.request_check`) already hold every body to the
API spec at every depth; these rules are the collections' own second look at the top-level
fields (and at nested items a hook reads), with the documented error where the reference
names one for a value outside the enum.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from zoomcc.emulator.refusals import ErrorDef, Json, Obj, validation_error

FieldType = Literal["string", "integer", "number", "boolean", "array", "object", "any"]


@dataclass(frozen=True)
class FieldRule:
    """Type (and optional enum) of one request field; ``FieldRule("integer", (1, 2))``."""

    type: FieldType
    enum: tuple[Json, ...] = ()
    enum_error: ErrorDef | None = None
    """The reference's own error for a value outside ``enum`` (else code 300)."""


def _type_ok(rule: FieldRule, value: Json) -> bool:
    kind = rule.type
    if kind == "any":
        return True
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":  # floats such as ``30.0`` are refused, as a typed API would
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list)
    return isinstance(value, dict)


def check_field(name: str, rule: FieldRule, value: Json) -> None:
    """Reject a null, a value of the wrong JSON type, or one outside the enum (code 300)."""
    if value is None:
        raise validation_error(f"Validation Failed. Field {name} must not be null.")
    if not _type_ok(rule, value):
        raise validation_error(f"Validation Failed. Field {name} must be of type {rule.type}.")
    if rule.enum and value not in rule.enum:
        if rule.enum_error is not None:
            raise rule.enum_error.error(value=value)
        raise validation_error(f"Validation Failed. Invalid value for {name}: {value!r}.")


def check_object(
    body: Obj, rules: Mapping[str, FieldRule], *, required: Iterable[str] = (), within: str = ""
) -> None:
    """Refuse unknown fields, then missing required ones, then ill-typed values (code 300);
    ``within`` names the enclosing field in the messages (``closures.closure_name``)."""
    prefix = f"{within}." if within else ""
    for name in body:
        if name not in rules:
            raise validation_error(f"Validation Failed. Unknown field: {prefix}{name}.")
    for name in required:
        if body.get(name) is None:
            raise validation_error(f"Validation Failed. Missing required field: {prefix}{name}.")
    for name, value in body.items():
        check_field(prefix + name, rules[name], value)
