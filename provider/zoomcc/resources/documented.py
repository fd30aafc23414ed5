"""The documented error rules (``zoomcc.apispec.rule_table``) a resource's inputs must meet.

A rule belongs to a resource when one of the operations that write its inputs (create,
update) documents it and it reads an argument; the same rule documented by both is kept
once, with the first operation's reference line. Where create takes a list of items and the
arguments are one item's fields (``create_batch``), a rule on the items reads the arguments.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from zoomcc.apispec.documented_rules import DocumentedRule
from zoomcc.apispec.rule_table import RULES
from zoomcc.resources.base import BaseSpec

_WRITES = frozenset({"POST", "PATCH", "PUT"})


@cache
def documented_rules(spec: BaseSpec) -> tuple[DocumentedRule, ...]:
    """The rules ``spec``'s inputs are checked against at preview, in table order."""
    writes = {op.id for op in spec.operations if op.method in _WRITES and op.request}
    chosen: list[DocumentedRule] = []
    seen: set[tuple[int, str, object, object]] = set()
    batch = getattr(spec, "create_batch", None)
    for found in RULES:
        if not writes & set(found.operations):
            continue
        rule = found
        if batch and found.at.startswith(f"{batch}[]"):  # the arguments are one item's fields
            rule = replace(found, at=found.at.removeprefix(f"{batch}[]").removeprefix("."))
        top = rule.at.split(".")[0].removesuffix("[]") if rule.at else rule.check.blame
        if top not in spec.input_fields:
            continue
        key = (rule.code, rule.at, rule.check, rule.when)
        if key not in seen:
            seen.add(key)
            chosen.append(rule)
    return tuple(chosen)
