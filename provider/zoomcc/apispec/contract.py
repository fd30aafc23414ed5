"""The outgoing-request contract: every call is checked against the API spec before it leaves.

A misreading of the API (an unknown query parameter, a required one missing, a body field the
operation does not take, ``45.0`` where Zoom wants ``45``) should fail here, naming the
operation and the field, rather than as a 400 from a user's real account, or worse, not at all
against an emulator that shares the misreading. Values Pulumi cannot help sending in another
form are normalised first: whole floats become integers where the spec says integer, booleans
become ``true``/``false``, lists in the query become comma-separated text.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from zoomcc.apispec.models import error_paths, validate_request
from zoomcc.apispec.spec import ApiSpec, FieldSpec, Operation, QueryParam, QueryType

__all__ = [
    "LOG_ENV",
    "CheckedRequest",
    "ContractViolation",
    "check_request",
    "match_operation",
    "take_recorded",
]

LOG_ENV = "ZOOMCC_CONTRACT_LOG"
"""A file every violation is appended to, so a test can see those raised in a provider
process the engine started, even where the provider's own error handling swallowed them."""

_PLACEHOLDER = re.compile(r"\{[^}/]+\}")
_INTEGER = re.compile(r"^-?\d+$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")

QueryValue = str | int | float
"""What a query parameter carries once normalised, e.g. ``"abc"``, ``300``."""


class ContractViolation(ValueError):
    """A request the real API would refuse, caught before it was sent."""

    def __init__(self, operation: str, field: str, reason: str) -> None:
        super().__init__(f"{operation}: {field}: {reason}")
        _record(str(self))
        self.operation = operation
        """The operation's id, e.g. ``delete_a_region``, or ``METHOD path`` if unknown."""
        self.field = field
        """The offending query parameter or body path, e.g. ``query.move_to_region_id``."""
        self.reason = reason
        """What is wrong, e.g. ``required by the API but not sent``."""


_recorded: list[str] = []
_recorded_lock = threading.Lock()


def _record(message: str) -> None:
    with _recorded_lock:
        _recorded.append(message)
        if path := os.environ.get(LOG_ENV):
            with open(path, "a", encoding="utf-8") as log:
                log.write(message.replace("\n", " ") + "\n")


def take_recorded() -> list[str]:
    """The violations raised in this process since the last call (and forget them)."""
    with _recorded_lock:
        taken = list(_recorded)
        _recorded.clear()
        return taken


@dataclass(frozen=True)
class CheckedRequest:
    """A request that passed the contract, in the form to send."""

    operation: Operation
    """The spec operation the request is for, e.g. ``delete_a_region``."""
    params: dict[str, QueryValue] | None
    """Normalised query parameters, e.g. ``{"move_to_region_id": "r1"}``; None when empty."""
    json: Any
    """The JSON body with integers as integers, e.g. ``{"loop_interval": 45}``."""


Routes = dict[str, list[tuple[re.Pattern[str], int]]]
"""Per method, path patterns with the index of their operation in the spec's ``keys``."""
# id(spec) -> (spec, routes): specs are not hashable; keeping the spec keeps its id unique.
_route_cache: dict[int, tuple[ApiSpec, Routes]] = {}


def _routes(spec: ApiSpec) -> Routes:
    """Per method, path patterns with literal segments ranked before placeholders."""
    hit = _route_cache.get(id(spec))
    if hit is not None and hit[0] is spec:
        return hit[1]
    built = _build_routes(spec)
    with _recorded_lock:
        _route_cache[id(spec)] = (spec, built)
    return built


def _build_routes(spec: ApiSpec) -> Routes:
    """From the operations' keys alone: matching a path parses only the operation it finds."""
    routes: dict[str, list[tuple[int, re.Pattern[str], int]]] = {}
    for index, key in enumerate(spec.keys):
        literal = [re.escape(part) for part in _PLACEHOLDER.split(key.path)]
        pattern = re.compile("^" + "[^/]+".join(literal) + "$")
        placeholders = len(_PLACEHOLDER.findall(key.path))
        routes.setdefault(key.method, []).append((placeholders, pattern, index))
    return {
        method: [(pattern, index) for _, pattern, index in sorted(entries, key=lambda e: e[0])]
        for method, entries in routes.items()
    }


def match_operation(spec: ApiSpec, method: str, path: str) -> Operation | None:
    """The operation a concrete path (``/contact_center/queues/abc``) is a call of."""
    for pattern, index in _routes(spec).get(method.upper(), []):
        if pattern.match(path):
            return spec.at(index)
    return None


def check_request(
    spec: ApiSpec,
    method: str,
    path: str,
    *,
    params: Mapping[str, Any] | None = None,
    json: Any = None,
    operation: str | None = None,
) -> CheckedRequest:
    """Normalise the request and check it against the spec; raise ``ContractViolation``."""
    method = method.upper()
    bare = path.split("?", 1)[0]
    op = match_operation(spec, method, bare)
    if op is None:
        raise ContractViolation(
            operation or f"{method} {bare}", "path", "the API has no such operation"
        )
    if operation is not None and operation != op.id and operation != f"{method} {bare}":
        raise ContractViolation(
            operation, "path", f"{method} {bare} is operation {op.id}, not {operation}"
        )
    query = _check_query(op, params or {})
    body = _check_body(op, json)
    return CheckedRequest(op, query or None, body)


# ---- query ------------------------------------------------------------------------------


def _check_query(op: Operation, params: Mapping[str, Any]) -> dict[str, QueryValue]:
    out: dict[str, QueryValue] = {}
    for name, value in params.items():
        if value is None:
            continue
        param = op.query_param(name)
        if param is None:
            known = ", ".join(q.name for q in op.query) or "none"
            reason = f"not a query parameter of this operation (it takes: {known})"
            raise ContractViolation(op.id, f"query.{name}", reason)
        out[name] = _query_value(op, param, value)
    for name in op.required_query:
        if out.get(name) in (None, ""):
            raise ContractViolation(op.id, f"query.{name}", "required by the API but not sent")
    return out


def _query_value(op: Operation, param: QueryParam, value: Any) -> QueryValue:
    field = f"query.{param.name}"
    if param.type == "array":
        items = value if isinstance(value, list | tuple) else [value]
        texts = [
            str(_scalar(op, field, param.item_type or "string", param.item_enum, item))
            for item in items
        ]
        if not texts:
            raise ContractViolation(op.id, field, "an empty list is not a value")
        return ",".join(texts)
    return _scalar(op, field, param.type, param.enum, value)


def _scalar(
    op: Operation,
    field: str,
    kind: QueryType,
    enum: Sequence[str | int] | None,
    value: Any,
) -> QueryValue:
    result: QueryValue
    if kind == "boolean":
        if not isinstance(value, bool):
            raise ContractViolation(op.id, field, f"expected a boolean, got {value!r}")
        result = "true" if value else "false"
    elif kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ContractViolation(op.id, field, f"expected a number, got {value!r}")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and not _NUMBER.match(value):
            raise ContractViolation(op.id, field, f"expected a number, got {value!r}")
        result = int(value) if isinstance(value, str) and _INTEGER.match(value) else value
    else:
        # A query string is text: an integer is written as digits (the published spec types
        # some `page_size` parameters as strings, e.g. list_queue_templates).
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ContractViolation(op.id, field, f"expected a string, got {value!r}")
        result = str(value)
    if enum is not None and result not in enum and str(result) not in map(str, enum):
        allowed = ", ".join(map(str, enum))
        raise ContractViolation(op.id, field, f"{result!r} is not one of {allowed}")
    return result


# ---- body -------------------------------------------------------------------------------


def _check_body(op: Operation, body: Any) -> Any:
    if body is None:
        return None
    request = op.request
    if request is None or request.content_type != "application/json":
        raise ContractViolation(op.id, "body", "this operation takes no JSON body")
    normalized = integers_as_integers(request.schema_, body)
    try:
        validate_request(op, normalized)
    except ValidationError as exc:
        details = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or '<body>'}: {e['msg']}" for e in exc.errors()
        )
        first = error_paths(exc)[0] if exc.errors() else "body"
        raise ContractViolation(op.id, f"body.{first}", details) from None
    return normalized


def integers_as_integers(schema: FieldSpec, value: Any) -> Any:
    """``value`` with whole floats turned into ints wherever ``schema`` says integer.

    Pulumi carries every number as a float; Zoom's JSON parser refuses ``45.0`` for an
    integer field (reference line 19720: ``loop_interval`` is an integer).
    """
    if schema.type == "integer":
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value
    if schema.type == "array" and schema.items is not None and isinstance(value, list):
        items = schema.items
        return [integers_as_integers(items, item) for item in value]
    if schema.type == "object" and schema.fields and isinstance(value, dict):
        fields = {f.name: f for f in schema.fields}
        return {
            key: integers_as_integers(fields[key], item) if key in fields else item
            for key, item in value.items()
        }
    return value
