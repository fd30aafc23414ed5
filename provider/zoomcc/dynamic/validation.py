"""check(): validate a resource's inputs against the API's own field tree, with no network.

The friendly inputs are mapped to the API payload and validated by the pydantic model built
from the reference, so enums, types and required fields are exactly the API's. Then the spec's
declared rules (formats the reference states only in prose, see ``resources.rules``) are
applied to what pydantic accepted. Values not known during preview are left out and never
reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import combinations
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
def input_model(spec: BaseSpec, adopting: bool = False) -> type[pydantic.BaseModel]:
    """The arguments' model; ``adopting`` (``import_id`` given): what only a create needs
    (``create_required``) may be left out, the object being read instead."""
    relaxed = spec.create_required if adopting else frozenset()
    fields = [
        f.model_copy(update={"required": False}) if f.name in relaxed else f
        for f in spec.input_fields.values()
    ]
    root = FieldSpec(
        name="", type="object", required=True, description=f"{spec.name} inputs", fields=fields
    )
    return model_for(root, f"{spec.name}{'Adopted' if adopting else ''}Inputs")


def to_api(spec: BaseSpec, inputs: dict[str, Any]) -> dict[str, Any]:
    """Friendly inputs -> API payload, numbers normalised; unknown argument names are kept
    to be reported."""
    return {k: normalize(v) for k, v in spec.to_api(inputs).items()}


@dataclass(frozen=True)
class Problem:
    """One problem at one place of the inputs, before it is written as a line."""

    top: str
    """The friendly argument it is under (``hours``)."""
    path: tuple[str, ...]
    """Where, from the argument down, list indexes included
    (``("hours", "custom_hours", "0", "day_of_week")``); empty: the problem is the argument
    itself, named in ``detail``."""
    detail: str
    """What follows the quoted path (``": must be 1 (Monday) ... (got 9)"``, ``" is required"``)."""


def input_failures(
    spec: BaseSpec, inputs: dict[str, Any], *, adopting: bool = False
) -> list[tuple[str, str]]:
    """(friendly property, reason) for every problem in ``inputs``; the same problem in
    several items of a list is one line naming their indexes; ``adopting``: an ``import_id``
    is given (see ``input_model``)."""
    payload = {k: v for k, v in to_api(spec, inputs).items() if v is not None}
    unknown_fields = {k for k, v in payload.items() if is_unknown(v)}
    known = {k: v for k, v in payload.items() if k not in unknown_fields}
    problems: list[Problem] = []
    reported: list[tuple[str, ...]] = []
    try:
        input_model(spec, adopting).model_validate(known)
    except pydantic.ValidationError as exc:
        for error in exc.errors():
            loc = [str(part) for part in error["loc"]]
            if not loc or loc[0] in unknown_fields:
                continue
            problems.append(_describe(spec, loc, error))
            reported.append(tuple(loc))
    problems += _rule_problems(spec, known, reported, frozenset(unknown_fields))
    return written(spec.name, problems)


def rule_failures(
    spec: BaseSpec,
    payload: dict[str, Any],
    reported: Sequence[tuple[str, ...]] = (),
    unknown: frozenset[str] = frozenset(),
) -> list[tuple[str, str]]:
    """(friendly property, reason) for every declared rule ``payload`` breaks; values that are
    unknown, or at or around a location already ``reported``, are skipped. ``unknown`` names
    the top-level fields left out of ``payload`` because preview does not know them yet."""
    return written(spec.name, _rule_problems(spec, payload, reported, unknown))


def _rule_problems(
    spec: BaseSpec,
    payload: dict[str, Any],
    reported: Sequence[tuple[str, ...]],
    unknown: frozenset[str],
) -> list[Problem]:
    problems: list[Problem] = []
    for path, rule in spec.rules:
        for loc, value in locate(payload, path):
            if not loc:  # on the arguments themselves: a required argument (``Requires``)
                if isinstance(rule, Requires) and rule.field not in unknown:
                    reason = rule.missing(value)
                    top = spec.friendly(rule.field)
                    if reason is not None:
                        problems.append(Problem(top, (top,), f": {reason}"))
                continue
            if is_unknown(value) or any(_overlaps(loc, seen) for seen in reported):
                continue
            message = rule.failure(value, payload)
            if message is None:
                continue
            top = spec.friendly(loc[0])
            problems.append(Problem(top, (top, *loc[1:]), f": {message}"))
    return problems + _documented_problems(spec, payload, reported)


def written(type_name: str, problems: Sequence[Problem]) -> list[tuple[str, str]]:
    """(property, reason) lines: the problems that differ only in list indexes (the same
    bad value in five items) as one line, ``'hours.custom_hours[0..4].day_of_week': ...``."""
    groups: dict[tuple[str, tuple[str, ...], str], list[tuple[int, ...]]] = {}
    for problem in problems:
        pattern = tuple("" if part.isdigit() else part for part in problem.path)
        indexes = tuple(int(part) for part in problem.path if part.isdigit())
        groups.setdefault((problem.top, pattern, problem.detail), []).append(indexes)
    found: list[tuple[str, str]] = []
    for (top, pattern, detail), points in groups.items():
        for box in _boxes(points):
            where = f"'{_shown(pattern, box)}'" if pattern else ""
            found.append((top, f"{type_name}: {where}{detail}"))
    return found


Box = tuple[frozenset[int], ...]
"""The indexes of each list position a line covers: every combination of them is a problem."""


def _boxes(points: list[tuple[int, ...]]) -> list[Box]:
    """The index tuples as few boxes as merging neighbours gives: two boxes that differ in
    one position only become one, so a box covers exactly the points it came from."""
    boxes = [tuple(frozenset((i,)) for i in point) for point in dict.fromkeys(points)]
    while (pair := _neighbours(boxes)) is not None:
        a, b, n = pair
        boxes[a] = (*boxes[a][:n], boxes[a][n] | boxes[b][n], *boxes[a][n + 1 :])
        del boxes[b]
    return boxes


def _neighbours(boxes: list[Box]) -> tuple[int, int, int] | None:
    """Two boxes that differ in one position only, and that position."""
    for a, b in combinations(range(len(boxes)), 2):
        differ = [n for n, (x, y) in enumerate(zip(boxes[a], boxes[b], strict=True)) if x != y]
        if len(differ) == 1:
            return a, b, differ[0]
    return None


def _shown(pattern: tuple[str, ...], box: Box) -> str:
    """``hours.custom_hours.0.day_of_week`` for one item, ``hours.custom_hours[0..4]...``
    (or ``[0,2]``) for several."""
    shown, indexes = "", iter(box)
    for part in pattern:
        if part:
            shown += f".{part}" if shown else part
            continue
        values = sorted(next(indexes))
        if len(values) == 1:
            shown += f".{values[0]}"
        elif values == list(range(values[0], values[-1] + 1)):
            shown += f"[{values[0]}..{values[-1]}]"
        else:
            shown += "[" + ",".join(map(str, values)) + "]"
    return shown


def _documented_problems(
    spec: BaseSpec, payload: dict[str, Any], reported: Sequence[tuple[str, ...]]
) -> list[Problem]:
    """A problem for every documented error rule ``payload`` breaks, the
    blamed field named by its path; one line per location, unknown values never judged."""
    problems: list[Problem] = []
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
            problems.append(Problem(top, (top, *where[1:]), f": {message}"))
    return problems


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


def _describe(spec: BaseSpec, loc: list[str], error: Any) -> Problem:
    top = spec.friendly(loc[0])
    path = (top, *loc[1:])
    kind = error.get("type")
    node = node_at(spec, loc)
    parent = node_at(spec, loc[:-1]) if len(loc) > 1 else None
    if kind == "extra_forbidden" and len(loc) == 1:
        known = ", ".join(sorted(spec.friendly(f) for f in spec.input_fields))
        return Problem(top, (), f"unknown argument '{top}'; the arguments are: {known}")
    if kind == "extra_forbidden" and parent is not None and parent.type == "object":
        known = ", ".join(sorted(f.name for f in parent.fields))
        return Problem(top, path, f": unknown field '{loc[-1]}'; the fields are: {known}")
    if kind == "missing" and len(loc) == 1 and loc[0] in spec.create_required:
        return Problem(
            top, path, " is required to create one (or set import_id to adopt an existing object)"
        )
    if kind == "missing":
        return Problem(top, path, " is required")
    if kind == "literal_error" and node is not None and node.enum:
        # The values with what they mean: "1 (Monday), 2 (Tuesday) ... or 7 (Sunday)".
        return Problem(top, path, f": must be {allowed(node)} (got {error.get('input')!r})")
    got = error.get("input")
    shown = "" if isinstance(got, dict | list) else f" (got {got!r})"
    return Problem(top, path, f": {error.get('msg')}{shown}")
