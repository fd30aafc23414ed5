"""The documented error rules (``zoomcc.apispec.rule_table``): a request body that breaks one
is refused with the operation's own status, code and message, as Zoom answers.

Runs after the schema checks, on the body as sent (closure sets' merged items are judged
again by their hooks, ``areas/hours.py``).
"""

from __future__ import annotations

import re
from typing import Final

from zoomcc.apispec import Operation, load_api_spec
from zoomcc.apispec.documented_rules import DocumentedRule, objects_at
from zoomcc.apispec.names import snake
from zoomcc.apispec.rule_table import rules_for
from zoomcc.emulator.refusals import Json, Obj, RequestRefused

_PLACEHOLDER: Final = re.compile(r"\$\{?(\w+)\}?|\{(\w+)\}")


def enforce(op: Operation, body: Json) -> None:
    """Refuse ``body`` with the first documented rule of ``op`` it breaks; rules about the
    merged object (``merged``) are left to the collection's hook."""
    for rule in rules_for(op.id):
        if rule.merged:
            continue
        for _, item in objects_at(body, rule.at):
            if rule.failure(item) is not None:
                raise refusal(op, rule, item)


def refusal(op: Operation, rule: DocumentedRule, item: Json) -> RequestRefused:
    """The operation's documented error for ``rule``, placeholders filled from ``item``."""
    error = next(e for e in op.errors if e.code == rule.code)

    def fill(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        value = item.get(snake(name), item.get(name)) if isinstance(item, dict) else None
        return match.group(0) if value is None else str(value)

    return RequestRefused(error.status, rule.code, _PLACEHOLDER.sub(fill, error.message))


def enforce_merged(operation_id: str, document: Obj) -> None:
    """Refuse an update whose merged object breaks one of the operation's ``merged`` rules
    (a closure set left without items, 3908)."""
    op = load_api_spec().by_id(operation_id)
    for rule in rules_for(operation_id):
        if not rule.merged:
            continue
        for _, item in objects_at(document, rule.at):
            if rule.failure(item) is not None:
                raise refusal(op, rule, item)
