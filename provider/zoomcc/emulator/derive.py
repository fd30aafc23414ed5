"""Emulated collections derived from the API spec's operations alone.

A collection is a path with a POST (create) and a GET (list); its item path is the path
plus one ``/{xId}`` parameter. Everything else is read off those operations: the id field
(the path parameter's field, or the one ``*_id`` the create response adds), the list key
(the list response's one array), request fields and their types, the views each response
shows, the documented not-found and duplicate-name errors, the rate-limit labels, the list
filters the real API takes. Nothing comes from the provider (``zoomcc.resources``): the
emulator is a second, independent reading of the API. Where the API is irregular a
collection's module passes an override quoting the reference line it follows.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final, TypedDict, Unpack

from zoomcc.apispec import FieldSpec as ApiField
from zoomcc.apispec import Operation, load_api_spec
from zoomcc.apispec.names import snake
from zoomcc.emulator.collection import (
    OMIT,
    ApiCall,
    Collection,
    Computed,
    ExtraRoute,
    Hooks,
    ListFilter,
    ParentRef,
    Reference,
    RouteHandler,
    StandardOp,
    StoreAccess,
)
from zoomcc.emulator.field_rules import FieldRule
from zoomcc.emulator.refusals import ErrorDef, Json, Obj

_PLACEHOLDER: Final = re.compile(r"\$\{?(\w+)\}?|\{(\w+)\}")
# "already exists" and its variants ("The template name is duplicate.", "The team name can
# not be duplicated.", "Duplicate asset name"); not "Category is duplicated in priorities".
_DUPLICATE: Final = re.compile(
    r"already exists?|name is duplicate|can ?not be duplicated|duplicate \w+ name", re.I
)
_CREATED: Final = ("created_time", "create_time", "created_at", "date_created")
_MODIFIED: Final = (
    "last_modified_time",
    "modify_time",
    "modified_time",
    "updated_time",
    "update_time",
)
_PAGING: Final = frozenset({"page_size", "next_page_token", "page_number"})
_ITEM_PARAM: Final = re.compile(r"/\{(\w+)\}$")
_NESTED: Final = frozenset({"array", "object"})
_ITEM_OPS: Final[tuple[StandardOp, ...]] = ("get", "update", "delete")


@dataclass(frozen=True)
class Operations:
    """The API operations of one collection, found by path and method."""

    path: str
    item_path: str
    list: Operation | None
    create: Operation | None
    get: Operation | None
    update: Operation | None
    delete: Operation | None

    @property
    def item_param(self) -> str:
        """The item path's parameter (``queueId``)."""
        found = _ITEM_PARAM.search(self.item_path)
        return found.group(1) if found else ""

    def by_name(self, op: StandardOp) -> Operation | None:
        """The operation standing for ``op``."""
        found: Operation | None = getattr(self, op)
        return found


def _find(method: str, path: str) -> Operation | None:
    try:
        return load_api_spec().op(method, path)
    except KeyError:
        return None


def operations(path: str) -> Operations:
    """The operations of the collection at ``path`` (KeyError if it is not one)."""
    if _find("POST", path) is None or _find("GET", path) is None:
        raise KeyError(f"{path} is not a collection: it needs a POST and a GET list")
    pattern = re.compile(re.escape(path) + r"/\{\w+\}")
    items = sorted({o.path for o in load_api_spec().operations if pattern.fullmatch(o.path)})
    item = next(iter(items), path + "/{id}")
    return Operations(
        path,
        item,
        _find("GET", path),
        _find("POST", path),
        _find("GET", item),
        _find("PATCH", item),
        _find("DELETE", item),
    )


def _body_fields(op: Operation | None) -> dict[str, ApiField]:
    if op is None or op.request is None or op.request.schema_.type != "object":
        return {}
    return {f.name: f for f in op.request.schema_.fields}


def _response_fields(op: Operation | None) -> list[ApiField]:
    resp = op.success_response if op is not None else None
    if resp is None or resp.body is None:
        return []
    return list(resp.body.schema_.fields)


def list_key_of(op: Operation | None) -> str:
    """The one array field of a list response."""
    arrays = [f.name for f in _response_fields(op) if f.type == "array"]
    if len(arrays) != 1:
        raise ValueError(f"{op.id if op else '?'}: no single array in the list: {arrays}")
    return arrays[0]


def _list_items(op: Operation | None, list_key: str) -> list[ApiField]:
    holder = next((f for f in _response_fields(op) if f.name == list_key), None)
    if holder is None or holder.items is None:
        return []
    return list(holder.items.fields)


def _list_view(op: Operation | None, list_key: str) -> tuple[str, ...]:
    return tuple(f.name for f in _list_items(op, list_key))


def id_field_of(ops: Operations) -> str:
    """The path parameter's field where a response shows it, else the one ``*_id`` field
    the create response adds to the request's."""
    shown = [f.name for f in _response_fields(ops.get) + _response_fields(ops.create)]
    named = snake(ops.item_param)
    if named in shown:
        return named
    sent = _body_fields(ops.create)
    added = [f.name for f in _response_fields(ops.create) if f.name.endswith("_id")]
    added = [name for name in added if name not in sent]
    if len(added) != 1:
        raise ValueError(f"{ops.path}: cannot tell the id field among {added}; give id_field")
    return added[0]


def _error(op: Operation | None, codes: frozenset[int]) -> ErrorDef | None:
    for err in op.errors if op is not None else []:
        if err.code is not None and err.code in codes and err.status in (404, 400):
            return ErrorDef(err.status, err.code, _PLACEHOLDER.sub("{id}", err.message))
    return None


def not_found_of(
    ops: Operations, code: int | None = None
) -> tuple[ErrorDef, dict[StandardOp, str]]:
    """The documented not-found error (``code`` where a GET documents several, e.g. the
    parent's and the object's), and each operation's own wording of it."""
    codes = frozenset({code}) if code is not None else None
    found = _error(ops.get, codes or (ops.get.not_found_codes if ops.get else frozenset()))
    if found is None and ops.delete is not None:
        found = _error(ops.delete, ops.delete.not_found_codes)
    if found is None:
        return ErrorDef(404, 404, "Not found: {id}."), {}
    messages: dict[StandardOp, str] = {}
    for name in ("get", "update", "delete"):
        own = _error(ops.by_name(name), frozenset({found.code}))
        if own is not None and own.message != found.message:
            messages[name] = own.message
    return found, messages


def duplicate_of(op: Operation | None) -> ErrorDef | None:
    """The create's documented "already exists" error; the store fills ``{name}``."""
    for err in op.errors if op is not None else []:
        if err.code is not None and err.status in (400, 409) and _DUPLICATE.search(err.message):
            return ErrorDef(err.status, err.code, _PLACEHOLDER.sub("{name}", err.message))
    return None


def name_field_of(ops: Operations, id_field: str) -> str | None:
    """The request's ``*_name`` field that names the object (``skill_name`` for
    ``skill_id``; the only one otherwise)."""
    names = [n for n in _body_fields(ops.create) if n.endswith("_name")]
    stem = id_field.removesuffix("_id")
    for name in names:
        if name == stem + "_name" or stem.endswith(name.removesuffix("_name")):
            return name
    return names[0] if len(names) == 1 else None


def _required_filter_error(op: Operation, param: str) -> ErrorDef:
    for err in op.errors:
        if err.code is not None and f"`{param}`" in err.message:
            return ErrorDef(err.status, err.code, err.message)
    return ErrorDef(400, 300, "Validation Failed. Missing required query parameter: {value}.")


def rule_of(spec: ApiField) -> FieldRule:
    """The emulator's rule for a field of the API spec: its type and enum."""
    return FieldRule(spec.type, tuple(spec.enum or ()))


def api_route(
    method: str,
    path: str,
    name: str,
    handler: RouteHandler,
    *,
    status: int = 200,
    id_param: str = "",
) -> ExtraRoute:
    """An extra route serving the API operation at ``method`` ``path``, with the operation's
    rate-limit label; in ``path``, ``{id}`` stands for the spec's ``{id_param}``."""
    spec_path = path.replace("{id}", "{" + id_param + "}") if id_param else path
    label = load_api_spec().op(method, spec_path).rate_label
    return ExtraRoute(method, path, name, label, handler, success_status=status)


def _labels(ops: Operations) -> dict[StandardOp, str]:
    fallback = ops.get or ops.list or ops.create
    assert fallback is not None
    return {
        name: (ops.by_name(name) or fallback).rate_label
        for name in ("list", "create", "get", "update", "delete")
    }


def alias(field: str) -> Computed:
    """A computed field showing ``field``'s value under another name."""

    def compute(store: StoreAccess, data: Obj) -> Json:
        return data.get(field, OMIT)

    return compute


def _delete_with_query(name: str, parent_param: str | None) -> RouteHandler:
    def handler(store: StoreAccess, call: ApiCall) -> Json:
        parent_id = call.path_params.get(parent_param) if parent_param else None
        store.delete(name, call.path_params["id"], parent_id, call.query)
        return None

    return handler


class Overrides(TypedDict, total=False):
    """What a collection's module may state beyond the spec (each with its reference line,
    at the call); ``computed`` and ``extra_routes`` add to the derived ones."""

    list_key: str
    name_field: str
    natural_key: str | None
    defaults: Mapping[str, Json]
    generated: Mapping[str, Callable[[], Json]]
    computed: Mapping[str, Computed]
    references: tuple[Reference, ...]
    required_on_create: tuple[str, ...]
    custom_filters: Mapping[str, ListFilter]
    hooks: Hooks
    extra_routes: tuple[ExtraRoute, ...]
    fixtures: tuple[Mapping[str, Json], ...]


def derive(
    path: str,
    *,
    name: str | None = None,
    id_field: str | None = None,
    parent_collection: str | None = None,
    natural_key_scope: tuple[str, ...] = (),
    list_names: Mapping[str, str] | None = None,
    not_found_code: int | None = None,
    **overrides: Unpack[Overrides],
) -> Collection:
    """The collection at ``path`` as the API spec describes it, with ``overrides``;
    ``list_names`` maps a field to the name the list shows it under (queue templates list
    ``template_name`` for ``queue_template_name``)."""
    ops = operations(path)
    create, update = _body_fields(ops.create), _body_fields(ops.update)
    fields = {**update, **create}
    ident = id_field or id_field_of(ops)
    list_key = overrides.pop("list_key", None) or list_key_of(ops.list)
    get_view = tuple(f.name for f in _response_fields(ops.get))
    list_view = _list_view(ops.list, list_key) or get_view
    not_found, messages = not_found_of(ops, not_found_code)
    duplicate = duplicate_of(ops.create)
    name_field = overrides.pop("name_field", None) or name_field_of(ops, ident)
    natural_key = overrides.pop("natural_key", name_field)
    parent = _parent_of(path, parent_collection)
    computed = {listed: alias(field) for field, listed in (list_names or {}).items()}
    computed.update(overrides.pop("computed", {}))
    delete = _delete_route(path, ops.delete, name or list_key, parent)
    derived = Collection(
        name=name or list_key,
        path=path,
        id_field=ident,
        list_key=list_key,
        not_found=not_found,
        not_found_messages=messages,
        fields={n: rule_of(f) for n, f in fields.items()},
        create_fields=tuple(create),
        update_fields=tuple(update),
        create_view=tuple(f.name for f in _response_fields(ops.create)) or (ident,),
        get_view=get_view,
        list_view=list_view,
        rate_labels=_labels(ops),
        required_on_create=tuple(n for n, f in create.items() if f.required),
        required_on_update=tuple(n for n, f in update.items() if f.required),
        name_field=name_field,
        # Names are unique only where the reference documents a duplicate-name error.
        natural_key=natural_key if duplicate is not None else None,
        natural_key_scope=natural_key_scope,
        duplicate_error=duplicate,
        parent=parent,
        **_list_rules(ops, list_key, fields),
        **_kept_fields(fields, get_view, (*get_view, *list_view)),
        omitted_ops=frozenset(op for op in _ITEM_OPS if ops.by_name(op) is None),
        computed=computed,
        extra_routes=(*delete, *overrides.pop("extra_routes", ())),
    )
    return dataclasses.replace(derived, **overrides)


def _parent_of(path: str, parent_collection: str | None) -> ParentRef | None:
    """A sub-collection's parent: the path's one parameter (the reference nests one level)."""
    params = re.findall(r"\{(\w+)\}", path)
    if not params:
        return None
    (param,) = params
    if parent_collection is None:
        raise ValueError(f"{path}: a sub-collection needs parent_collection")
    return ParentRef(collection=parent_collection, param=param)


def _delete_route(
    path: str, delete: Operation | None, name: str, parent: ParentRef | None
) -> tuple[ExtraRoute, ...]:
    """The item DELETE as its own route where it takes parameters (move_to_region_id, archive)."""
    if delete is None or all(q.name.endswith("identifier_type") for q in delete.query):
        return ()
    handler = _delete_with_query(name, parent.param if parent else None)
    return (ExtraRoute("DELETE", path + "/{id}", "delete", delete.rate_label, handler),)


class _ListRules(TypedDict):
    list_total_records: bool
    list_filters: tuple[str, ...]
    required_filters: dict[str, ErrorDef]


def _list_rules(ops: Operations, list_key: str, fields: Mapping[str, ApiField]) -> _ListRules:
    """Whether the list counts its records, which of its query parameters filter on a plain
    field, and the required ones with the error their absence gets."""
    query = ops.list.query if ops.list is not None else []
    scalars = {f.name for f in _list_items(ops.list, list_key) if f.type not in _NESTED}
    scalars |= {n for n, f in fields.items() if f.type not in _NESTED}
    filters = (q.name for q in query if q.name not in _PAGING and q.type != "array")
    return _ListRules(
        list_total_records="total_records" in {f.name for f in _response_fields(ops.list)},
        list_filters=tuple(n for n in filters if n in scalars),
        required_filters={
            q.name: _required_filter_error(ops.list, q.name)
            for q in query
            if q.required and ops.list is not None
        },
    )


class _KeptFields(TypedDict):
    created_time_field: str | None
    modified_time_field: str | None
    modified_by_field: str | None
    defaults: dict[str, Json]


def _kept_fields(
    fields: Mapping[str, ApiField], get_view: tuple[str, ...], shown: tuple[str, ...]
) -> _KeptFields:
    """The fields the store fills in itself: the time stamps and author the responses show,
    and the documented defaults of the fields a get shows."""
    return _KeptFields(
        created_time_field=next((f for f in _CREATED if f in shown), None),
        modified_time_field=next((f for f in _MODIFIED if f in shown), None),
        modified_by_field="modified_by" if "modified_by" in shown else None,
        defaults={
            n: f.default for n, f in fields.items() if f.default is not None and n in get_view
        },
    )
