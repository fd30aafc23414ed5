"""Every API request checked against its operation in the API spec, before any handler runs.

The emulator is a second reading of the API, so it must refuse what Zoom refuses: a query
parameter the operation does not take, a required one left out, a value of the wrong type
or outside its enum, and a JSON body that breaks the operation's request schema at any depth
(``45.0`` for an integer included: Zoom's JSON parser refuses it, whereas
:mod:`zoomcc.apispec.models` accepts whole floats on purpose for the provider's preview).
It also turns ``*_identifier_type=name`` (or ``=email``) look-ups into the id form, so the
collection handlers only ever see ids. Everything here comes from :func:`load_api_spec`.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import quote, unquote

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
from zoomcc.emulator.store import Store

__all__ = [
    "INTEGER_QUERY",
    "CheckedRequest",
    "RequestRefused",
    "check_body",
    "check_query",
    "documented_enum_error",
    "ids_named",
    "match_operation",
    "missing_parameter_error",
    "resolve_identifiers",
    "rewrite_path",
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
_AMBIGUOUS: Final = re.compile(r"more than one matching", re.I)
_BAD_JSON: Final = "Request Body should be a valid JSON object."

Obj = dict[str, Any]


class RequestRefused(Exception):
    """The 400 (or other documented error) Zoom answers instead of running the operation."""

    def __init__(
        self, code: int, message: str, *, status: int = 400, errors: Sequence[Obj] = ()
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = list(errors)

    def body(self) -> Obj:
        """Zoom's error body; validation failures list the fields, as Zoom's do."""
        body: Obj = {"code": self.code, "message": self.message}
        if self.errors:
            body["errors"] = self.errors
        return body


def _refuse(message: str, errors: Sequence[Obj] = ()) -> RequestRefused:
    return RequestRefused(300, message, errors=errors)


# -- which operation -------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedRequest:
    """A request matched to its operation, with its path parameters decoded."""

    operation: Operation
    """The spec operation, e.g. ``get_a_queue``."""
    path_params: dict[str, str]
    """Template name to decoded value, e.g. ``{"queueId": "Support"}``."""


def _segments(path: str) -> list[str]:
    return path.strip("/").split("/")


@functools.cache
def _templates() -> dict[str, list[tuple[list[str], Operation]]]:
    """Per method, each operation's path segments; literal segments rank before parameters
    (``/queues/templates`` would win over ``/queues/{queueId}``)."""
    table: dict[str, list[tuple[list[str], Operation]]] = {}
    for op in load_api_spec().operations:
        table.setdefault(op.method, []).append((_segments(op.path), op))
    for entries in table.values():
        entries.sort(key=lambda e: tuple(s.startswith("{") for s in e[0]))
    return table


def match_operation(method: str, raw_path: str) -> CheckedRequest | None:
    """The operation ``METHOD /contact_center/...`` calls; ``raw_path`` is still URL-encoded,
    so a name holding ``%2F`` stays one segment."""
    given = _segments(raw_path)
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
            return CheckedRequest(op, params)
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
            raise _refuse(f"Invalid query parameter: {name}.")
        given = [v for v in given if v != ""]
        if len(given) > 1 and param.type != "array":
            raise _refuse(f"Invalid query parameter: {name} is given more than once.")
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
            raise _refuse(f"Invalid query parameter: {name} must be {wanted}, not {value!r}.")
    elif kind == "boolean" and value not in _TRUE_FALSE:
        raise _refuse(f"Invalid query parameter: {name} must be true or false, not {value!r}.")
    if enum is not None and value not in {str(e) for e in enum}:
        allowed = ", ".join(str(e) for e in enum)
        raise _refuse(f"Invalid query parameter: {name} must be one of {allowed}, not {value!r}.")


def missing_parameter_error(op: Operation, name: str) -> RequestRefused:
    """The operation's own documented error for ``name`` missing, else code 300.

    An error counts when its message names the parameter (``unit_id`` or "Unit ID") and says
    it is empty or required: list_address_books 1902 "The `unit_id` field cannot be an empty
    value.", delete_a_role 2102 "Transfer role ID cannot be empty.". Region delete documents
    only errors about the value (3803, 3806), so a missing ``move_to_region_id`` is a 300.
    """
    documented = _documented_missing(op.errors, name)
    if documented is not None and documented.code is not None:
        return RequestRefused(documented.code, documented.message, status=documented.status)
    return _refuse(f"Missing required query parameter: {name}.")


def _documented_missing(errors: Iterable[ErrorSpec], name: str) -> ErrorSpec | None:
    words = name.replace("_", " ").lower()
    for error in errors:
        text = error.message.lower()
        names_it = name in text or words in text
        if error.status == 400 and names_it and _MISSING_WORDS.search(error.message):
            return error
    return None


# -- bodies ---------------------------------------------------------------------------------


def check_body(op: Operation, raw: bytes) -> Any:
    """The parsed JSON body (None when absent or not JSON); refuse one that breaks the schema.

    An absent body is left to the handler; multipart uploads are checked by theirs.
    """
    if not raw.strip():
        return None
    if op.request is None:
        raise _refuse(f"Request body is not allowed: {op.method} {op.path} takes none.")
    if "json" not in op.request.content_type:
        return None
    try:
        body = json.loads(raw)
    except ValueError:
        raise _refuse(_BAD_JSON) from None
    try:
        validate_request(op, body)
    except ValidationError as exc:
        raise _validation_refusal(op, exc, body) from None
    path = float_for_integer(op.request.schema_, body)
    if path is not None:
        raise _refuse(
            f"Invalid field: {path}.",
            [{"field": path, "message": "Input should be a valid integer, not a decimal"}],
        )
    return body


def _validation_refusal(op: Operation, exc: ValidationError, body: Any) -> RequestRefused:
    """Unknown fields are named first, then wrong values, then missing ones (Zoom names one)."""
    problems = sorted(exc.errors(), key=lambda e: _PRIORITY.get(e["type"], 1))
    errors = [{"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in problems]
    first, kind = errors[0]["field"], problems[0]["type"]
    if not first:
        return _refuse(_BAD_JSON, errors)
    if kind == "literal_error":
        name = next(str(p) for p in reversed(problems[0]["loc"]) if not isinstance(p, int))
        documented = documented_enum_error(op, name, problems[0]["input"])
        if documented is not None:
            return documented
    prefix = {"missing": "Missing required field", "extra_forbidden": "Unknown field"}.get(
        kind, "Invalid field"
    )
    return _refuse(f"{prefix}: {first}.", errors)


def documented_enum_error(op: Operation, field: str, value: Any) -> RequestRefused | None:
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
            return RequestRefused(error.code or 300, message, status=error.status)
    return None


def float_for_integer(schema: FieldSpec, value: Any, at: tuple[str, ...] = ()) -> str | None:
    """The dotted path of the first JSON decimal (``45.0``) sent for an integer field."""
    if schema.type == "integer":
        return ".".join(at) if isinstance(value, float) else None
    children: Iterable[tuple[str, FieldSpec, Any]] = ()
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


# -- *_identifier_type look-ups ----------------------------------------------------------------


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def _addressed_param(op: Operation, identifier: str) -> str:
    """The path parameter an ``<x>_identifier_type`` is about: ``queue_`` -> ``{queueId}``,
    ``user_template_`` -> ``{templateId}``; a bare ``identifier_type`` -> the last one."""
    stem = identifier.removesuffix("identifier_type").rstrip("_")
    params = [s[1:-1] for s in _segments(op.path) if s.startswith("{")]
    stems = {p: _snake(p).removesuffix("_id") for p in params}
    exact = [p for p in params if stems[p] == stem]
    inner = [p for p in params if stem and stem.endswith(stems[p])]
    outer = [p for p in params if stem and stems[p].startswith(stem)]
    return (exact or inner or outer or params)[-1]


def _item_template(op: Operation, param: str) -> str:
    """The item path of the object ``{param}`` addresses: ``op``'s path up to it when the API
    has a GET there, else the object's own (``/queues/{queueId}/dispositions/{dispositionId}``
    addresses a disposition: ``/dispositions/{dispositionId}``)."""
    segments = _segments(op.path)
    end = segments.index("{" + param + "}") + 1
    prefix = "/" + "/".join(segments[:end])
    gets = [o.path for o in load_api_spec().operations if o.method == "GET"]
    if any(_shape(p) == _shape(prefix) for p in gets):
        return prefix
    own = sorted((p for p in gets if _segments(p)[-1] == "{" + param + "}"), key=len)
    return own[0] if own else prefix


def _shape(path: str) -> tuple[str, ...]:
    return tuple("{}" if s.startswith("{") else s for s in _segments(path))


def _key_field(item_template: str, param: str, kind: str) -> str | None:
    """The GET response field an object is called by: ``queue_name``, ``user_email``, the
    outbound campaign's ``outbound_campaign_name``, an address-book contact's ``emails``."""
    get = next(
        (
            o
            for o in load_api_spec().operations
            if o.method == "GET" and _shape(o.path) == _shape(item_template)
        ),
        None,
    )
    response = get.success_response if get is not None else None
    if response is None or response.body is None:
        return None
    names = [f.name for f in response.body.schema_.fields]
    stem = _snake(param).removesuffix("_id")
    wanted = f"{stem}_{kind}"
    for candidates in (
        [n for n in names if n == wanted],
        [n for n in names if n.endswith("_" + wanted)],
        [n for n in names if n.startswith(stem + "_") and n.endswith(kind)],
        [n for n in names if n in (kind, kind + "s")],
    ):
        if candidates:
            return candidates[0]
    return None


def ids_named(
    store: Store, item_template: str, parent_id: str | None, field: str, value: str
) -> list[str]:
    """Ids of the objects served at ``item_template`` whose ``field`` is (or holds) ``value``.

    The narrow read this module needs from the store: the collection whose item path has the
    template's shape, its objects under ``parent_id``, as GET shows them.
    """
    shape = _shape(item_template)
    for coll in store.collections.values():
        if _shape(coll.item_path) != shape:
            continue
        found = []
        for data in store.items(coll.name, parent_id if coll.parent is not None else None):
            shown = store.render(coll.name, data).get(field, data.get(field))
            if shown == value or (isinstance(shown, list) and value in shown):
                found.append(str(data[coll.id_field]))
        return found
    return []


def _name_field(store: Store, item_template: str) -> str | None:
    """The collection's declared ``name_field``, when the store's collection has one."""
    shape = _shape(item_template)
    for coll in store.collections.values():
        if _shape(coll.item_path) == shape:
            return coll.name_field
    return None


def resolve_identifiers(
    checked: CheckedRequest, query: Mapping[str, str], store: Store
) -> dict[str, str]:
    """Path parameters addressed by name (or email) replaced by the object's id.

    Returns only the parameters that changed. No match leaves the name, so the handler
    answers the operation's not-found error naming it; several matches are the operation's
    documented "More than one matching ..." error.
    """
    op, params = checked.operation, dict(checked.path_params)
    changed: dict[str, str] = {}
    # Left to right: a contact's address book is resolved before the contact.
    addressed = sorted(
        (q for q in op.query if q.name.endswith("identifier_type")),
        key=lambda q: op.path.index("{" + _addressed_param(op, q.name) + "}"),
    )
    for param in addressed:
        kind = query.get(param.name, "id")
        if kind in ("", "id"):
            continue
        target = _addressed_param(op, param.name)
        template = _item_template(op, target)
        field = (_name_field(store, template) if kind == "name" else None) or _key_field(
            template, target, kind
        )
        if field is None:
            continue
        parent = _parent_value(template, params)
        ids = ids_named(store, template, parent, field, params[target])
        if len(ids) > 1:
            raise _ambiguous(op)
        if ids:
            params[target] = changed[target] = ids[0]
    return changed


def _parent_value(item_template: str, params: Mapping[str, str]) -> str | None:
    """The value of the last path parameter before the addressed one (its parent's id)."""
    names = [s[1:-1] for s in _segments(item_template) if s.startswith("{")]
    return params.get(names[-2]) if len(names) > 1 else None


def _ambiguous(op: Operation) -> RequestRefused:
    documented = next(
        (e for e in op.errors if e.code is not None and _AMBIGUOUS.search(e.message)), None
    )
    if documented is not None and documented.code is not None:
        return RequestRefused(documented.code, documented.message, status=documented.status)
    return _refuse("More than one matching object found.")


def rewrite_path(raw_path: str, op: Operation, changed: Mapping[str, str]) -> str:
    """``raw_path`` with the changed path parameters' segments replaced (URL-encoded)."""
    template = _segments(op.path)
    given = _segments(raw_path)
    out = [
        quote(changed[t[1:-1]], safe="") if t.startswith("{") and t[1:-1] in changed else g
        for t, g in zip(template, given, strict=True)
    ]
    return "/" + "/".join(out)
