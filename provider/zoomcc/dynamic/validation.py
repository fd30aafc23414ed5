"""check(): validate a resource's inputs against the API's own field tree, with no network.

The friendly inputs are mapped to the API payload and validated by the pydantic model built
from the reference, so enums, types and required fields are exactly the API's. Then the spec's
declared rules (formats the reference states only in prose, see ``resources.rules``) are
applied to what pydantic accepted. Values not known during preview are left out and never
reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import pydantic

from zoomcc.apispec import FieldSpec
from zoomcc.apispec.documented_rules import objects_at
from zoomcc.apispec.models import model_for
from zoomcc.dynamic.values import is_unknown, normalize
from zoomcc.resources.base import BaseSpec
from zoomcc.resources.documented import documented_rules
from zoomcc.resources.enums import allowed
from zoomcc.resources.rules import Requires, locate


@cache
def input_model(spec: BaseSpec) -> type[pydantic.BaseModel]:
    fields = list(spec.input_fields.values())
    root = FieldSpec(
        name="", type="object", required=True, description=f"{spec.name} inputs", fields=fields
    )
    return model_for(root, f"{spec.name}Inputs")


def to_api(spec: BaseSpec, inputs: dict[str, Any]) -> dict[str, Any]:
    """Friendly inputs -> API payload, numbers normalised; unknown argument names are kept
    to be reported."""
    return {k: normalize(v) for k, v in spec.to_api(inputs).items()}


def input_failures(spec: BaseSpec, inputs: dict[str, Any]) -> list[tuple[str, str]]:
    """(friendly property, reason) for every problem in ``inputs``."""
    payload = {k: v for k, v in to_api(spec, inputs).items() if v is not None}
    unknown_fields = {k for k, v in payload.items() if is_unknown(v)}
    known = {k: v for k, v in payload.items() if k not in unknown_fields}
    failures: list[tuple[str, str]] = []
    reported: list[tuple[str, ...]] = []
    try:
        input_model(spec).model_validate(known)
    except pydantic.ValidationError as exc:
        for error in exc.errors():
            loc = [str(part) for part in error["loc"]]
            if not loc or loc[0] in unknown_fields:
                continue
            failures.append(_describe(spec, loc, error))
            reported.append(tuple(loc))
    failures += rule_failures(spec, known, reported, frozenset(unknown_fields))
    return failures


def rule_failures(
    spec: BaseSpec,
    payload: dict[str, Any],
    reported: Sequence[tuple[str, ...]] = (),
    unknown: frozenset[str] = frozenset(),
) -> list[tuple[str, str]]:
    """(friendly property, reason) for every declared rule ``payload`` breaks; values that are
    unknown, or at or around a location already ``reported``, are skipped. ``unknown`` names
    the top-level fields left out of ``payload`` because preview does not know them yet."""
    failures: list[tuple[str, str]] = []
    for path, rule in spec.rules:
        for loc, value in locate(payload, path):
            if not loc:  # on the arguments themselves: a required argument (``Requires``)
                if isinstance(rule, Requires) and rule.field not in unknown:
                    reason = rule.missing(value)
                    top = spec.friendly(rule.field)
                    if reason is not None:
                        failures.append((top, f"{spec.name}: '{top}': {reason}"))
                continue
            if is_unknown(value) or any(_overlaps(loc, seen) for seen in reported):
                continue
            message = rule.failure(value, payload)
            if message is None:
                continue
            top = spec.friendly(loc[0])
            shown = ".".join([top, *loc[1:]])
            failures.append((top, f"{spec.name}: '{shown}': {message}"))
    failures += _documented_failures(spec, payload, reported)
    return failures


def _documented_failures(
    spec: BaseSpec, payload: dict[str, Any], reported: Sequence[tuple[str, ...]]
) -> list[tuple[str, str]]:
    """(friendly property, reason) for every documented error rule ``payload`` breaks, the
    blamed field named by its path; one line per location, unknown values never judged."""
    failures: list[tuple[str, str]] = []
    named: set[tuple[str, ...]] = set()
    for rule in documented_rules(spec):
        for loc, item in objects_at(payload, rule.at):
            where = (*loc, rule.check.blame)
            if where in named or any(_overlaps(where, seen) for seen in reported):
                continue
            # An object with a problem already reported (a typo in a field name) is not
            # judged further; at the top, only the fields the rule reads count.
            if any(seen[: len(loc)] == loc and (loc or seen[0] in rule.reads) for seen in reported):
                continue
            if any(is_unknown(v) for v in item.values()):
                continue
            message = rule.failure(item)
            if message is None:
                continue
            named.add(where)
            top = spec.friendly(where[0])
            shown = ".".join([top, *where[1:]])
            failures.append((top, f"{spec.name}: '{shown}': {message}"))
    return failures


def _overlaps(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one location is within the other (or the same)."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def node_at(spec: BaseSpec, loc: Sequence[str]) -> FieldSpec | None:
    """The API field tree node an error location (``hours.custom_hours.0.day_of_week``) is
    at; list indexes step into the items."""
    node = spec.input_fields.get(loc[0]) if loc else None
    for part in loc[1:]:
        if node is None:
            return None
        if node.type == "array":
            node = node.items
        elif node.type == "object":
            node = next((f for f in node.fields if f.name == part), None)
        else:
            return None
    return node


def _describe(spec: BaseSpec, loc: list[str], error: Any) -> tuple[str, str]:
    top = spec.friendly(loc[0])
    path = ".".join([top, *loc[1:]])
    kind = error.get("type")
    node = node_at(spec, loc)
    parent = node_at(spec, loc[:-1]) if len(loc) > 1 else None
    if kind == "extra_forbidden" and len(loc) == 1:
        known = ", ".join(sorted(spec.friendly(f) for f in spec.input_fields))
        reason = f"{spec.name}: unknown argument '{top}'; the arguments are: {known}"
    elif kind == "extra_forbidden" and parent is not None and parent.type == "object":
        known = ", ".join(sorted(f.name for f in parent.fields))
        reason = f"{spec.name}: '{path}': unknown field '{loc[-1]}'; the fields are: {known}"
    elif kind == "missing":
        reason = f"{spec.name}: '{path}' is required"
    elif kind == "literal_error" and node is not None and node.enum:
        # The values with what they mean: "1 (Monday), 2 (Tuesday) ... or 7 (Sunday)".
        reason = f"{spec.name}: '{path}': must be {allowed(node)} (got {error.get('input')!r})"
    else:
        got = error.get("input")
        shown = "" if isinstance(got, dict | list) else f" (got {got!r})"
        reason = f"{spec.name}: '{path}': {error.get('msg')}{shown}"
    return top, reason
