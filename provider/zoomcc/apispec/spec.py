"""Typed, immutable description of the Zoom Contact Center API.

The models mirror what the plain-text API reference says, after the documented
errata in ``errata.py`` are applied, so the provider can be checked against the
reference instead of against someone's memory of it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

FieldType = Literal["string", "integer", "number", "boolean", "object", "array"]
RateLabel = Literal["LIGHT", "MEDIUM", "HEAVY"]

# Messages that say the addressed object is missing. Zoom reports this with 404
# on most endpoints but with 400 (plus an error code) on some, so the provider
# must recognise it by message, not by status.
_NOT_FOUND_RE = re.compile(
    r"\b(?:does not|do not|doesn't|don't|not) exist|\bnot found\b|\bno longer exists?\b",
    re.IGNORECASE,
)
# Statuses where a "not found" message is about the caller, not the object
# (e.g. 401 code 1002 "The user associated with this access token was not found").
_NOT_OBJECT_STATUSES = frozenset({401, 403, 429})


class _Frozen(BaseModel):
    """Base for the spec models: immutable and strict about unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class FieldSpec(_Frozen):
    """One node of a request/response field tree.

    ``fields`` are an object's properties in reference order; an ``object`` with no
    fields is free-form. ``items`` is an array's element (named ``""``); ``None``
    means the reference does not say what the elements are.
    """

    name: str
    type: FieldType
    nullable: bool = False
    format: str | None = None
    enum: list[str | int] | None = None
    default: Any = None
    required: bool = False
    description: str = ""
    fields: list[FieldSpec] = Field(default_factory=list)
    items: FieldSpec | None = None
    max_items: int | None = None

    def field(self, name: str) -> FieldSpec:
        """Return the property called ``name``; KeyError lists what exists."""
        for f in self.fields:
            if f.name == name:
                return f
        known = ", ".join(f.name for f in self.fields) or "(none)"
        raise KeyError(f"{self.name or '<root>'} has no field {name!r}; fields: {known}")


class ErrorSpec(_Frozen):
    """A documented error: HTTP status plus Zoom's numeric code, if any."""

    status: int
    code: int | None
    message: str


class Body(_Frozen):
    """A request or response body: content type, field tree and the example."""

    content_type: str
    schema_: FieldSpec = Field(alias="schema")
    example: Any = None


class Response(_Frozen):
    """One documented response status."""

    status: int
    description: str
    body: Body | None = None


QueryType = Literal["string", "number", "boolean", "array"]


class QueryParam(_Frozen):
    """One query parameter of the real API (from Zoom's published OpenAPI).

    The reference omits query parameters; ``zoom-api-query-params.json`` holds them and
    the generator writes them here. ``number`` covers integer and number alike.
    """

    name: str
    """The parameter's name, e.g. ``"unit_id"``."""
    type: QueryType
    """The value's type, e.g. ``"string"``."""
    required: bool = False
    """The API refuses the call without it, e.g. ``move_to_region_id`` on region delete."""
    enum: list[str | int] | None = None
    """The allowed values, e.g. ``["id", "name"]`` for ``*_identifier_type``."""
    item_type: QueryType | None = None
    """For an array: the elements' type, e.g. ``"string"``."""
    item_enum: list[str | int] | None = None
    """For an array: the elements' allowed values, e.g. ``["voice", "sms"]``."""


class Operation(_Frozen):
    """One API operation as documented in the reference."""

    id: str
    title: str
    method: str
    path: str
    tags: list[str]
    scopes: list[str]
    granular_scopes: list[str]
    rate_label: RateLabel
    request: Body | None = None
    responses: list[Response]
    errors: list[ErrorSpec]
    query: list[QueryParam] = Field(default_factory=list)

    def query_param(self, name: str) -> QueryParam | None:
        """The query parameter called ``name``, or None if the operation takes none such."""
        return next((q for q in self.query if q.name == name), None)

    @property
    def pages(self) -> bool:
        """Whether the operation is a paged listing: its query takes ``page_size`` and
        ``next_page_token``. Others (``GET /inboxes/{inboxId}/queues``) answer everything at
        once and refuse paging parameters."""
        return all(self.query_param(n) is not None for n in ("page_size", "next_page_token"))

    @property
    def required_query(self) -> tuple[str, ...]:
        """Names of the query parameters the API refuses the call without."""
        return tuple(q.name for q in self.query if q.required)

    @property
    def success_response(self) -> Response | None:
        """The first 2xx response: what a successful call returns."""
        return next((r for r in self.responses if 200 <= r.status < 300), None)

    @property
    def not_found_codes(self) -> frozenset[int]:
        """Error codes meaning "an object does not exist", whatever the HTTP status.

        A code counts only if every message documented for it says so: generic
        codes such as 300 ("Validation failed", but also "Timezone does not exist")
        must not make a provider forget a resource. The object may be one the
        request refers to rather than the one in the path, so use this on reads
        and deletes of the addressed object.
        """
        verdicts: dict[int, bool] = {}
        for e in self.errors:
            if e.code is None:
                continue
            missing = e.status not in _NOT_OBJECT_STATUSES and bool(_NOT_FOUND_RE.search(e.message))
            verdicts[e.code] = verdicts.get(e.code, True) and missing
        return frozenset(code for code, missing in verdicts.items() if missing)


class OperationKey(NamedTuple):
    """What finds an operation without parsing it: its id, method and path template."""

    id: str
    """The snake_case id, e.g. ``create_a_queue``."""
    method: str
    """The HTTP method in capitals, e.g. ``POST``."""
    path: str
    """The path template, e.g. ``/contact_center/queues/{queueId}``."""


# One operation of the rendered spec (``generate.render``: sorted keys, ``indent=1``): it opens
# with ``  {`` and closes with ``  }`` on lines of their own; deeper lines are indented more,
# and JSON strings hold no raw newline.
_OPERATION_TEXT = re.compile(rb"^  \{\n.*?^  \}", re.MULTILINE | re.DOTALL)
_KEY_LINE = re.compile(rb'^   "(id|method|path)": "([^"\\]*)",$', re.MULTILINE)


class ApiSpec:
    """All operations of the Contact Center API, sorted by path then method.

    Loaded from the packaged text, each operation is parsed when first asked for: a provider
    process serving a few types uses a few dozen of the 312 operations, and the whole tree is
    some 6,000 models (about 23 MiB of a provider process's memory). Given ``reopen``, the
    text is not kept (3.4 MiB): each operation is read again from where it stands."""

    def __init__(self, operations: Iterable[Operation] = ()) -> None:
        parsed = list(operations)
        self._keys = [OperationKey(o.id, o.method, o.path) for o in parsed]
        self._text = b""
        self._reopen: Callable[[], IO[bytes]] | None = None
        self._spans: list[tuple[int, int]] = []
        self._parsed: list[Operation | None] = list(parsed)
        self._lock = threading.Lock()

    @classmethod
    def from_json(
        cls, text: str | bytes, reopen: Callable[[], IO[bytes]] | None = None
    ) -> ApiSpec:
        """The spec in ``text`` as ``generate.render`` writes it, operations left unparsed;
        text of any other layout is parsed whole. ``reopen`` opens the same bytes again (the
        packaged file), so they need not stay in memory."""
        data = text.encode() if isinstance(text, str) else text
        found = list(_OPERATION_TEXT.finditer(data))
        keys = [{k.decode(): v.decode() for k, v in _KEY_LINE.findall(m.group(0))} for m in found]
        if not found or any(len(k) != 3 for k in keys):
            return cls(_Whole.model_validate_json(data).operations)
        spec = cls()
        spec._keys = [OperationKey(k["id"], k["method"], k["path"]) for k in keys]
        spec._spans = [m.span() for m in found]
        spec._text, spec._reopen = (b"", reopen) if reopen else (data, None)
        spec._parsed = [None] * len(found)
        return spec

    @property
    def keys(self) -> Sequence[OperationKey]:
        """Every operation's id, method and path, in spec order, none parsed."""
        return self._keys

    def at(self, index: int) -> Operation:
        """The operation at ``index`` of ``keys``, parsed on first use."""
        found = self._parsed[index]
        if found is None:
            with self._lock:
                found = self._parsed[index]
                if found is None:
                    found = Operation.model_validate_json(self._operation_text(index))
                    self._parsed[index] = found
        return found

    def _operation_text(self, index: int) -> bytes:
        start, end = self._spans[index]
        if self._reopen is None:
            return self._text[start:end]
        with self._reopen() as source:
            source.seek(start)
            return source.read(end - start)

    @property
    def operations(self) -> list[Operation]:
        """Every operation, parsed (all of them: for tools, the emulator and tests)."""
        return [self.at(i) for i in range(len(self._keys))]

    def op(self, method: str, path: str) -> Operation:
        """Look an operation up by HTTP method and path template."""
        method = method.upper()
        for i, key in enumerate(self._keys):
            if key.method == method and key.path == path:
                return self.at(i)
        same_path = sorted(k.method for k in self._keys if k.path == path)
        hint = (
            f"; {path} supports {', '.join(same_path)}"
            if same_path
            else "; no operation has that path (path parameters are written like {queueId})"
        )
        raise KeyError(f"no operation {method} {path}{hint}")

    def by_id(self, id: str) -> Operation:
        """Look an operation up by its snake_case id (e.g. ``create_a_queue``)."""
        for i, key in enumerate(self._keys):
            if key.id == id:
                return self.at(i)
        raise KeyError(f"no operation with id {id!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ApiSpec):
            return NotImplemented
        return self._keys == other._keys and self.operations == other.operations

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        parsed = sum(o is not None for o in self._parsed)
        return f"ApiSpec({len(self._keys)} operations, {parsed} parsed)"


class _Whole(_Frozen):
    """The spec's JSON document: ``{"operations": [...]}``."""

    operations: list[Operation]
