"""Every API request checked against its operation in the API spec, before any handler runs.

The emulator is a second reading of the API, so it must refuse what Zoom refuses: a query
parameter the operation does not take, a required one left out, a value of the wrong type
or outside its enum, and a JSON body that breaks the operation's request schema at any depth
(``45.0`` for an integer included: Zoom's JSON parser refuses it, whereas
:mod:`zoomcc.apispec.models` accepts whole floats on purpose for the provider's preview).
Everything here comes from :func:`load_api_spec`; :mod:`zoomcc.emulator.identifiers` then
turns name look-ups into ids.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final
from urllib.parse import unquote

from pydantic import ValidationError

from zoomcc.apispec import (
    ErrorSpec,
    FieldSpec,
    Operation,
    QueryParam,
    QueryType,
    load_api_spec,
    validate_request,
)
from zoomcc.emulator.documented import enforce
from zoomcc.emulator.refusals import Json, RequestRefused, validation_error

__all__ = [
    "INTEGER_QUERY",
    "RequestRefused",
    "RoutedRequest",
    "check_body",
    "check_query",
    "documented_enum_error",
    "documented_refusal",
    "missing_parameter_error",
    "route_request",
    "segments",
]

INTEGER_QUERY: Final = frozenset({"page_size", "page"})
"""Number parameters that count things: Zoom's ``page_size`` is an integer ("up to 300"),
so ``30.0`` is refused; the query facts say only "number" for both kinds."""

_TRUE_FALSE: Final = ("true", "false")
_NUMBER: Final = re.compile(r"^-?\d+(\.\d+)?$")
_INTEGER: Final = re.compile(r"^-?\d+$")
_MISSING_WORDS: Final = re.compile(r"empty|required|missing|must be (?:provided|specified)", re.I)
_INVALID_WORDS: Final = re.compile(r"invalid|illegal|not supported|unsupported")
_PLACEHOLDER: Final = re.compile(r"\$\{?\w+\}?|\{\w+\}")
_PRIORITY: Final = {"extra_forbidden": 0, "missing": 2}
_BAD_JSON: Final = "Request Body should be a valid JSON object."


def documented_refusal(error: ErrorSpec) -> RequestRefused:
    """The refusal an operation documents (its status, code and message as written)."""
    return RequestRefused(error.status, error.code or 300, error.message)


# -- which operation -------------------------------------------------------------------------


@dataclass(frozen=True)
class RoutedRequest:
    """A request matched to its operation, with its path parameters decoded."""

    operation: Operation
    """The spec operation, e.g. ``get_a_queue``."""
    path_params: dict[str, str]
    """Template name to decoded value, e.g. ``{"queueId": "Support"}``."""


def segments(path: str) -> list[str]:
    """A path's segments, ``{param}`` templates included."""
    return path.strip("/").split("/")


@functools.cache
def _templates() -> dict[str, list[tuple[list[str], Operation]]]:
    """Per method, each operation's path segments; literal segments rank before parameters
    (``/queues/templates`` would win over ``/queues/{queueId}``)."""
    table: dict[str, list[tuple[list[str], Operation]]] = {}
    for op in load_api_spec().operations:
        table.setdefault(op.method, []).append((segments(op.path), op))
    for entries in table.values():
        entries.sort(key=lambda e: tuple(s.startswith("{") for s in e[0]))
    return table


def route_request(method: str, raw_path: str) -> RoutedRequest | None:
    """The operation ``METHOD /contact_center/...`` calls; ``raw_path`` is still URL-encoded,
    so a name holding ``%2F`` stays one segment.

    Deliberately not ``apispec.contract.match_operation``, the client's matcher: the emulator
    also decodes the path parameters, segment by segment, from the raw path as a server
    receives it, and keeps its own reading of which template a path is, so a mistake in the
    client's matching shows as a disagreement instead of being shared."""
    given = segments(raw_path)
    for template, op in _templates().get(method.upper(), []):
        if len(template) != len(given):
            continue
        params: dict[str, str] = {}
        for want, got in zip(template, given, strict=True):
            if want.startswith("{"):
                params[want[1:-1]] = unquote(got)
            elif want != got:
                break
        else:
            return RoutedRequest(op, params)
    return None


# -- query parameters --------------------------------------------------------------------------


def check_query(op: Operation, pairs: Sequence[tuple[str, str]]) -> None:
    """Refuse unknown parameters, missing required ones and ill-typed values.

    Arrays may come as repeated keys or comma-separated; an empty value counts as absent.
    """
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        values.setdefault(name, []).append(value)
    for name, given in values.items():
        param = op.query_param(name)
        if param is None:
            raise validation_error(f"Invalid query parameter: {name}.")
        given = [v for v in given if v != ""]
        if len(given) > 1 and param.type != "array":
            raise validation_error(f"Invalid query parameter: {name} is given more than once.")
        items = [i for v in given for i in v.split(",")] if param.type == "array" else given
        kind = (param.item_type or "string") if param.type == "array" else param.type
        enum = param.item_enum if param.type == "array" else param.enum
        for item in items:
            _check_value(param, kind, enum, item)
    for name in op.required_query:
        if not any(v != "" for v in values.get(name, [])):
            raise missing_parameter_error(op, name)


def _check_value(
    param: QueryParam, kind: QueryType, enum: Sequence[str | int] | None, value: str
) -> None:
    name = param.name
    if kind == "number":
        pattern = _INTEGER if name in INTEGER_QUERY else _NUMBER
        if not pattern.match(value):
            wanted = "an integer" if name in INTEGER_QUERY else "a number"
            raise _bad_value(name, wanted, value)
    elif kind == "boolean" and value not in _TRUE_FALSE:
        raise _bad_value(name, "true or false", value)
    if enum is not None and value not in {str(e) for e in enum}:
        allowed = ", ".join(str(e) for e in enum)
        raise _bad_value(name, f"one of {allowed}", value)


def _bad_value(name: str, wanted: str, value: str) -> RequestRefused:
    return validation_error(f"Invalid query parameter: {name} must be {wanted}, not {value!r}.")


def missing_parameter_error(op: Operation, name: str) -> RequestRefused:
    """The operation's own documented error for ``name`` missing, else code 300.

    An error counts when its message names the parameter (``unit_id`` or "Unit ID") and says
    it is empty or required: list_address_books 1902 "The `unit_id` field cannot be an empty
    value.", delete_a_role 2102 "Transfer role ID cannot be empty.". Region delete documents
    only errors about the value (3803, 3806), so a missing ``move_to_region_id`` is a 300.
    """
    documented = _documented_missing(op.errors, name)
    if documented is not None and documented.code is not None:
        return documented_refusal(documented)
    return validation_error(f"Missing required query parameter: {name}.")


def _documented_missing(errors: Iterable[ErrorSpec], name: str) -> ErrorSpec | None:
    words = name.replace("_", " ").lower()
    for error in errors:
        text = error.message.lower()
        names_it = name in text or words in text
        if error.status == 400 and names_it and _MISSING_WORDS.search(error.message):
            return error
    return None


# -- bodies ---------------------------------------------------------------------------------


def check_body(op: Operation, raw: bytes) -> Json:
    """The parsed JSON body (None when absent or not JSON); refuse one that breaks the schema.

    An absent body is left to the handler; multipart uploads are checked by theirs.
    """
    if not raw.strip():
        return None
    if op.request is None:
        raise validation_error(f"Request body is not allowed: {op.method} {op.path} takes none.")
    if "json" not in op.request.content_type:
        return None
    try:
        body = json.loads(raw)
    except ValueError:
        raise validation_error(_BAD_JSON) from None
    enforce(op, body)  # a documented rule's own code comes before the generic 300
    try:
        validate_request(op, body)
    except ValidationError as exc:
        raise _validation_refusal(op, exc, body) from None
    path = float_for_integer(op.request.schema_, body)
    if path is not None:
        raise validation_error(
            f"Invalid field: {path}.",
            [{"field": path, "message": "Input should be a valid integer, not a decimal"}],
        )
    return body


def _validation_refusal(op: Operation, exc: ValidationError, body: Json) -> RequestRefused:
    """Unknown fields are named first, then wrong values, then missing ones (Zoom names one)."""
    problems = sorted(exc.errors(), key=lambda e: _PRIORITY.get(e["type"], 1))
    errors = [{"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in problems]
    first, kind = errors[0]["field"], problems[0]["type"]
    if not first:
        return validation_error(_BAD_JSON, errors)
    name = next((str(p) for p in reversed(problems[0]["loc"]) if not isinstance(p, int)), "")
    if kind == "literal_error":
        documented = documented_enum_error(op, name, problems[0]["input"])
        if documented is not None:
            return documented
    if kind == "missing":  # the operation's own code where it documents one, else 300
        missing = _documented_missing(op.errors, name)  # line 165: 1903 "The
        if missing is not None:  # `address_book_name` field cannot be an empty value."
            return documented_refusal(missing)
    prefix = {"missing": "Missing required field", "extra_forbidden": "Unknown field"}.get(
        kind, "Invalid field"
    )
    return validation_error(f"{prefix}: {first}.", errors)


def documented_enum_error(op: Operation, field: str, value: Json) -> RequestRefused | None:
    """The operation's own error for a value outside ``field``'s enum, if it documents one.

    It must name the field and call the value invalid or unsupported, with at most one
    placeholder (filled with the value) and no condition on other fields ("... when
    ``variable_type`` is ..."): create_a_queue 1205 "Invalid channel type.", update_a_queue
    1205 "Queue channel type is invalid: {value}.", create_an_asset 10018 "Invalid asset type".
    """
    spaced = field.replace("_", " ")
    for error in op.errors:
        text = error.message.lower()
        if (
            error.status == 400
            and error.code not in (None, 300)
            and (field in text or spaced in text)
            and _INVALID_WORDS.search(text)
            and " when " not in text
            and len(_PLACEHOLDER.findall(error.message)) <= 1
        ):
            message = _PLACEHOLDER.sub(str(value), error.message)
            return RequestRefused(error.status, error.code or 300, message)
    return None


def float_for_integer(schema: FieldSpec, value: Json, at: tuple[str, ...] = ()) -> str | None:
    """The dotted path of the first JSON decimal (``45.0``) sent for an integer field."""
    if schema.type == "integer":
        return ".".join(at) if isinstance(value, float) else None
    children: Iterable[tuple[str, FieldSpec, Json]] = ()
    if schema.type == "object" and isinstance(value, dict):
        children = ((f.name, f, value[f.name]) for f in schema.fields if f.name in value)
    elif schema.type == "array" and schema.items is not None and isinstance(value, list):
        items = schema.items
        children = ((str(i), items, v) for i, v in enumerate(value))
    for name, child, item in children:
        found = float_for_integer(child, item, (*at, name))
        if found is not None:
            return found
    return None
