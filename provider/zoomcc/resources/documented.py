"""The documented error rules (``zoomcc.apispec.rule_table``) a resource's inputs must meet.

A rule belongs to a resource when one of the operations that write its inputs (create,
update) documents it and it reads an argument; the same rule documented by both is kept
once, with the first operation's reference line.
"""

from __future__ import annotations

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
    for rule in RULES:
        if not writes & set(rule.operations):
            continue
        top = rule.at.split(".")[0].removesuffix("[]") if rule.at else rule.check.blame
        if top not in spec.input_fields:
            continue
        key = (rule.code, rule.at, rule.check, rule.when)
        if key not in seen:
            seen.add(key)
            chosen.append(rule)
    return tuple(chosen)
