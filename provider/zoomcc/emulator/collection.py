"""Declarations that describe one emulated collection of the Contact Center API.

A collection is data (paths, id field, list key, errors, field types, views) plus a few
optional hooks for the irregularities the reference documents. The generic handlers in
:mod:`zoomcc.emulator.store` do everything else, so adding a collection is one table entry.
"""

from __future__ import annotations

import secrets
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final, Literal, Protocol

from zoomcc.emulator.field_rules import FieldRule
from zoomcc.emulator.refusals import ErrorDef, Json, Obj, RequestRefused, validation_error

StandardOp = Literal["list", "create", "get", "update", "delete"]
STANDARD_OPS: Final[tuple[StandardOp, ...]] = ("list", "create", "get", "update", "delete")
View = Literal["create", "get", "list"]


@dataclass(frozen=True)
class Reference:
    """A field holding the id (or ids) of an object in another collection.

    Checked only where the reference documents an error for a dangling id.
    """

    field: str
    collection: str
    error: ErrorDef
    many: bool = False
    update_error: ErrorDef | None = None


@dataclass(frozen=True)
class ParentRef:
    """Makes a collection a sub-collection: its ``path`` holds ``{param}``."""

    collection: str
    param: str


class _Omit:
    """Returned by a computed field to leave the field out of the view."""

    _instance: _Omit | None = None

    def __new__(cls) -> _Omit:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "OMIT"


OMIT: Final = _Omit()


class StoreAccess(Protocol):
    """What hooks and extra routes may do with the store (``store.Store`` is the one
    implementation): declared here so that collections, which name their hooks, need not
    import the store that holds them."""

    @property
    def collections(self) -> Mapping[str, Collection]: ...
    @property
    def clock(self) -> Callable[[], float]: ...
    def collection(self, name: str) -> Collection: ...
    def get(self, collection: str, object_id: str) -> Obj | None: ...
    def items(self, collection: str, parent_id: str | None = None) -> list[Obj]: ...
    @property
    def files(self) -> dict[str, bytes]: ...
    def render(self, collection: str, data: Obj, view: View = "get") -> Obj: ...
    def seed(
        self, collection: str, objects: Iterable[Mapping[str, Json]], parent_id: str | None = None
    ) -> list[Obj]: ...
    def create(self, collection: str, body: Json, parent_id: str | None = None) -> Obj: ...
    def update(
        self, collection: str, object_id: str, body: Json, parent_id: str | None = None
    ) -> None: ...
    def delete(
        self,
        collection: str,
        object_id: str,
        parent_id: str | None = None,
        query: Mapping[str, str] | None = None,
    ) -> None: ...


Computed = Callable[[StoreAccess, Obj], Json]
"""Derives a read-only field from the stored object (and other collections)."""

ListFilter = Callable[[StoreAccess, Obj, str], bool]
"""(store, stored object, the query parameter's value) -> whether the list keeps it."""


@dataclass(frozen=True)
class HookContext:
    """What a hook may look at: the store, the collection, the object's id, the operation."""

    store: StoreAccess
    collection: Collection
    object_id: str | None
    parent_id: str | None
    op: StandardOp
    query: Mapping[str, str] = field(default_factory=dict)
    """The request's query parameters (a delete's ``move_to_region_id``...)."""


ValidateHook = Callable[[HookContext, "Obj | None", Obj], None]
"""(ctx, current object or None on create, request body) -> raise RequestRefused if invalid."""
MergeHook = Callable[[HookContext, Obj, Obj], Obj]
"""(ctx, defaults on create or a copy of the current object, request body) -> object to store.

May raise RequestRefused: checks that need the merged result belong here."""
DeleteHook = Callable[[HookContext, Obj], "bool | None"]
"""(ctx, current object) -> raise RequestRefused to refuse the delete; False keeps the object
(the hook did something else, e.g. archived it)."""
AfterWriteHook = Callable[[HookContext, Obj], None]
"""(ctx, stored object) -> side effects on other objects (e.g. one account default)."""


@dataclass(frozen=True)
class Hooks:
    """Escape hatches for behaviour that a field table cannot express."""

    validate: ValidateHook | None = None
    merge: MergeHook | None = None
    before_delete: DeleteHook | None = None
    after_write: AfterWriteHook | None = None


@dataclass(frozen=True)
class ApiCall:
    """What an extra route's handler sees of the request."""

    path_params: Mapping[str, str]
    query: Mapping[str, str]
    body: Json
    """The parsed JSON body, or None (no body, or not JSON: see ``raw``)."""
    raw: bytes
    content_type: str
    base_url: str = ""
    """Where the emulator is served (``http://127.0.0.1:8765/``): for URLs it hands out."""

    def json_object(self, allowed: Iterable[str]) -> Obj:
        """The body as a JSON object holding only ``allowed`` fields (code 300 otherwise)."""
        body = self.body
        if not isinstance(body, dict):
            raise validation_error("Request Body should be a valid JSON object.")
        unknown = set(body) - set(allowed)
        if unknown:
            raise validation_error(f"Invalid field: {sorted(unknown)[0]}.")
        return body


RouteHandler = Callable[[StoreAccess, ApiCall], Json]
"""(locked store, call) -> the JSON answer, or None for 204; may raise RequestRefused."""


@dataclass(frozen=True)
class ExtraRoute:
    """An operation beyond list/create/get/update/delete (a status switch, a delete by a
    list of ids, a multipart upload). One with a standard operation's method and path
    replaces that operation. ``path`` is the API path (``{id}`` for the object's id)."""

    method: str
    path: str
    name: str
    rate_label: str
    handler: RouteHandler
    success_status: int = 200


def new_id() -> str:
    """A 22-character url-safe id, shaped like Zoom's (``zeYjXoDOS_eV1QmTpj63PQ``)."""
    return secrets.token_urlsafe(16)


def new_short_id(length: int = 6) -> str:
    """A short letters-only id, like closure items' ``ksbJvJ``."""
    return "".join(secrets.choice(string.ascii_letters) for _ in range(length))


@dataclass(frozen=True)
class Collection:
    """One emulated collection; see the module docstring.

    ``create_fields`` / ``update_fields`` are the request bodies' top-level fields (anything
    else is rejected with code 300); ``create_view`` / ``get_view`` / ``list_view`` are the
    fields each response shows, so write-only and read-only fields fall out naturally.
    """

    name: str
    path: str
    id_field: str
    list_key: str
    not_found: ErrorDef
    fields: Mapping[str, FieldRule]
    create_fields: tuple[str, ...]
    update_fields: tuple[str, ...]
    create_view: tuple[str, ...]
    get_view: tuple[str, ...]
    list_view: tuple[str, ...]
    rate_labels: Mapping[StandardOp, str]
    required_on_create: tuple[str, ...] = ()
    required_on_update: tuple[str, ...] = ()
    defaults: Mapping[str, Json] = field(default_factory=dict)
    generated: Mapping[str, Callable[[], Json]] = field(default_factory=dict)
    computed: Mapping[str, Computed] = field(default_factory=dict)
    natural_key: str | None = None
    natural_key_scope: tuple[str, ...] = ()
    duplicate_error: ErrorDef | None = None
    references: tuple[Reference, ...] = ()
    not_found_messages: Mapping[StandardOp, str] = field(default_factory=dict)
    parent: ParentRef | None = None
    list_total_records: bool = True
    list_filters: tuple[str, ...] = ()
    """List query parameters that keep only the objects whose field of that name equals it."""
    custom_filters: Mapping[str, ListFilter] = field(default_factory=dict)
    """List query parameters with their own matching rule (the users' ``search_key``)."""
    required_filters: Mapping[str, ErrorDef] = field(default_factory=dict)
    """List query parameters the API refuses the list without, with the documented error."""
    name_field: str | None = None
    """The field an object is named by (``*_identifier_type=name`` look-ups), unique or not."""
    created_time_field: str | None = None
    modified_time_field: str | None = None
    modified_by_field: str | None = None
    hooks: Hooks = field(default_factory=Hooks)
    id_factory: Callable[[], str] = new_id
    extra_routes: tuple[ExtraRoute, ...] = ()
    omitted_ops: frozenset[StandardOp] = frozenset()
    """Standard operations the API does not offer (inboxes have no single-item DELETE)."""
    fixtures: tuple[Mapping[str, Json], ...] = ()
    """Objects every account has before anyone configures it (the main region)."""

    def __post_init__(self) -> None:
        unknown = [
            name for name in (*self.create_fields, *self.update_fields) if name not in self.fields
        ]
        if unknown:
            raise ValueError(f"collection {self.name}: fields without a type: {unknown}")
        missing = [op for op in STANDARD_OPS if op not in self.rate_labels]
        if missing:
            raise ValueError(f"collection {self.name}: no rate-limit label for {missing}")
        if self.parent is not None and "{" + self.parent.param + "}" not in self.path:
            raise ValueError(f"collection {self.name}: path lacks {{{self.parent.param}}}")

    @property
    def item_path(self) -> str:
        """The single-object path, e.g. ``/contact_center/queues/{id}``."""
        return self.path + "/{id}"

    def not_found_error(self, op: StandardOp, object_id: str) -> RequestRefused:
        """The reference's not-found error for ``op`` (messages differ between operations)."""
        message = self.not_found_messages.get(op, self.not_found.message)
        return ErrorDef(self.not_found.status, self.not_found.code, message).error(id=object_id)
