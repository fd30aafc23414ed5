"""The in-memory object store and the generic CRUD semantics, independent of HTTP.

Not thread-safe by itself: :class:`zoomcc.emulator.state.EmulatorState` serialises access.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from zoomcc.emulator.collection import OMIT, Collection, HookContext, StandardOp, View
from zoomcc.emulator.field_rules import check_object
from zoomcc.emulator.paging import PagePosition, PageTokens, page_size
from zoomcc.emulator.refusals import Json, Obj, validation_error

EMULATOR_USER_ID: Final = "EmuAdminUser0000000001"
"""The ``modified_by`` user: the account admin the emulator acts as."""


def zoom_time(epoch: float) -> str:
    """Zoom's timestamp format, ``2022-02-15T09:27:15Z``."""
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Record:
    """One stored object with the bookkeeping the API does not show."""

    seq: int
    parent_id: str | None
    data: Obj


def _as_query_text(value: Json) -> str:
    """A stored value as a query string carries it (booleans as ``true``/``false``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class Store:
    """Objects of every collection, in creation order, plus pagination tokens."""

    def __init__(
        self,
        collections: Sequence[Collection],
        clock: Callable[[], float] = time.time,
    ) -> None:
        names = [c.name for c in collections]
        if len(set(names)) != len(names):
            raise ValueError(f"duplicate collection names in {names}")
        self.collections: dict[str, Collection] = {c.name: c for c in collections}
        for coll in collections:
            if coll.parent is not None and coll.parent.collection not in self.collections:
                raise ValueError(f"{coll.name}: unknown parent {coll.parent.collection}")
            for ref in coll.references:
                if ref.collection not in self.collections:
                    raise ValueError(f"{coll.name}: unknown referenced {ref.collection}")
        self._records: dict[str, dict[str, Record]] = {name: {} for name in names}
        self._page_tokens = PageTokens()
        self.files: dict[str, bytes] = {}
        """Uploaded files by the path the emulator serves them at (``file/<digest>/<name>``)."""
        self._seq = 0
        self.clock = clock

    # -- raw access (hooks, admin endpoints, tests) -------------------------------------

    def collection(self, name: str) -> Collection:
        """The declaration of ``name``; KeyError names the known collections."""
        try:
            return self.collections[name]
        except KeyError:
            raise KeyError(
                f"unknown collection {name!r}; known: {sorted(self.collections)}"
            ) from None

    def get(self, collection: str, object_id: str) -> Obj | None:
        """The live stored object (hooks may mutate it), or None."""
        record = self._records[collection].get(object_id)
        return None if record is None else record.data

    def items(self, collection: str, parent_id: str | None = None) -> list[Obj]:
        """Live stored objects of a collection (under ``parent_id`` if given)."""
        return [
            r.data
            for r in self._records[collection].values()
            if parent_id is None or r.parent_id == parent_id
        ]

    def count(self) -> int:
        """How many objects the store holds across all collections."""
        return sum(len(records) for records in self._records.values())

    def clear(self) -> None:
        """Forget every object and page token."""
        for records in self._records.values():
            records.clear()
        self._page_tokens.clear()
        self.files.clear()

    def render(self, collection: str, data: Obj, view: View = "get") -> Obj:
        """What the API shows of ``data`` in a create response, a GET or a list item."""
        coll = self.collections[collection]
        names = {"create": coll.create_view, "get": coll.get_view, "list": coll.list_view}[view]
        out: Obj = {}
        for name in names:
            if name in coll.computed:
                value = coll.computed[name](self, data)
                if value is not OMIT:
                    out[name] = value
            elif name in data:
                out[name] = copy.deepcopy(data[name])
        return out

    def dump(self) -> dict[str, list[Obj]]:
        """Every collection's objects as GET shows them (empty lists included)."""
        return {
            name: [self.render(name, r.data) for r in records.values()]
            for name, records in self._records.items()
        }

    def seed(
        self, collection: str, objects: Iterable[Mapping[str, Json]], parent_id: str | None = None
    ) -> list[Obj]:
        """Insert objects without validation, as if an admin had made them by hand."""
        coll = self.collection(collection)
        if coll.parent is not None and parent_id is None:
            raise ValueError(f"{collection} is a sub-collection: give parent_id")
        created = []
        for obj in objects:
            data: Obj = copy.deepcopy(dict(coll.defaults))
            for name, factory in coll.generated.items():
                data[name] = factory()
            data.update(copy.deepcopy(dict(obj)))
            object_id = str(data.get(coll.id_field) or coll.id_factory())
            data[coll.id_field] = object_id
            self._stamp(coll, data, creating=True, overwrite=False)
            self._insert(coll, object_id, parent_id, data)
            created.append(self.render(collection, data))
        return created

    # -- the API operations --------------------------------------------------------------

    def create(self, collection: str, body: Json, parent_id: str | None = None) -> Obj:
        """POST base: validate, apply defaults, store; returns the create response."""
        coll = self.collections[collection]
        self._check_parent(coll, parent_id)
        self._check_body(coll, "create", body)
        object_id = coll.id_factory()
        ctx = HookContext(self, coll, object_id, parent_id, "create")
        data = self._merged(ctx, None, copy.deepcopy(dict(coll.defaults)), body)
        for name, factory in coll.generated.items():
            data[name] = factory()
        data[coll.id_field] = object_id
        self._check_duplicate(coll, data, None, parent_id)
        self._stamp(coll, data, creating=True)
        self._insert(coll, object_id, parent_id, data)
        if coll.hooks.after_write is not None:
            coll.hooks.after_write(ctx, data)
        return self.render(collection, data, "create")

    def read(self, collection: str, object_id: str, parent_id: str | None = None) -> Obj:
        """GET item."""
        coll = self.collections[collection]
        self._check_parent(coll, parent_id)
        return self.render(collection, self._find(coll, "get", object_id, parent_id).data)

    def update(
        self, collection: str, object_id: str, body: Json, parent_id: str | None = None
    ) -> None:
        """PATCH item: merge the body into the object."""
        coll = self.collections[collection]
        self._check_parent(coll, parent_id)
        record = self._find(coll, "update", object_id, parent_id)
        self._check_body(coll, "update", body)
        ctx = HookContext(self, coll, object_id, parent_id, "update")
        data = self._merged(ctx, record.data, copy.deepcopy(record.data), body)
        data[coll.id_field] = object_id
        self._check_duplicate(coll, data, object_id, parent_id)
        self._stamp(coll, data, creating=False)
        record.data = data
        if coll.hooks.after_write is not None:
            coll.hooks.after_write(ctx, data)

    def delete(
        self,
        collection: str,
        object_id: str,
        parent_id: str | None = None,
        query: Mapping[str, str] | None = None,
    ) -> None:
        """DELETE item; ``query`` reaches the hook (a region's ``move_to_region_id``).

        A ``before_delete`` hook may refuse the delete, or do it differently: it returns
        False to keep the object (an asset archived instead of deleted)."""
        coll = self.collections[collection]
        self._check_parent(coll, parent_id)
        record = self._find(coll, "delete", object_id, parent_id)
        if coll.hooks.before_delete is not None:
            ctx = HookContext(self, coll, object_id, parent_id, "delete", dict(query or {}))
            if coll.hooks.before_delete(ctx, record.data) is False:
                return
        del self._records[collection][object_id]

    def remove(self, collection: str, object_id: str) -> bool:
        """Forget an object without the API's rules or hooks (deleted in the web portal);
        False if there was none. A region's users stay where they were."""
        return self._records[collection].pop(object_id, None) is not None

    def find_by(
        self, collection: str, field: str, value: str, parent_id: str | None = None
    ) -> list[Obj]:
        """Live objects whose ``field`` equals ``value`` (compared as text), oldest first.

        For ``*_identifier_type=name`` look-ups: ``find_by(c, coll.name_field, name)``."""
        return [
            r.data
            for r in self._records[collection].values()
            if (parent_id is None or r.parent_id == parent_id)
            and field in r.data
            and _as_query_text(r.data[field]) == value
        ]

    def list(self, collection: str, query: Mapping[str, str], parent_id: str | None = None) -> Obj:
        """GET base: one page, Zoom style (``next_page_token`` empty on the last page)."""
        coll = self.collections[collection]
        self._check_parent(coll, parent_id)
        size = page_size(query.get("page_size"))
        for name, error in coll.required_filters.items():
            if not query.get(name):
                raise error.error(value=name)
        wanted = (*coll.list_filters, *coll.custom_filters)
        filters = tuple((f, query[f]) for f in wanted if query.get(f))
        position = PagePosition(collection, parent_id, filters, -1)
        token = query.get("next_page_token") or ""
        after = self._page_tokens.resume(token, position) if token else -1
        matching = [
            r
            for r in self._records[collection].values()
            if (parent_id is None or r.parent_id == parent_id)
            and all(self._keeps(coll, r.data, f, v) for f, v in filters)
        ]
        rest = [r for r in matching if r.seq > after]
        page = rest[:size]
        next_token = ""
        if len(rest) > size:
            next_token = self._page_tokens.issue(
                PagePosition(collection, parent_id, filters, page[-1].seq)
            )
        body: Obj = {"next_page_token": next_token, "page_size": size}
        if coll.list_total_records:
            body["total_records"] = len(matching)
        body[coll.list_key] = [self.render(collection, r.data, "list") for r in page]
        return body

    # -- helpers ---------------------------------------------------------------------------

    def _merged(self, ctx: HookContext, current: Obj | None, base: Obj, body: Obj) -> Obj:
        """Check references and the validate hook, then merge ``body`` into ``base``."""
        coll = ctx.collection
        self._check_references(coll, ctx.op, body)
        if coll.hooks.validate is not None:
            coll.hooks.validate(ctx, current, body)
        if coll.hooks.merge is not None:
            return coll.hooks.merge(ctx, base, copy.deepcopy(body))
        return {**base, **copy.deepcopy(body)}

    def _keeps(self, coll: Collection, data: Obj, name: str, value: str) -> bool:
        custom = coll.custom_filters.get(name)
        if custom is not None:
            return custom(self, data, value)
        shown = self.render(coll.name, data, "list")
        found = shown.get(name, data.get(name))
        return found is not None and _as_query_text(found) == value

    def _insert(self, coll: Collection, object_id: str, parent_id: str | None, data: Obj) -> None:
        self._seq += 1
        self._records[coll.name][object_id] = Record(self._seq, parent_id, data)

    def _stamp(self, coll: Collection, data: Obj, creating: bool, overwrite: bool = True) -> None:
        now = zoom_time(self.clock())
        stamps = [(coll.modified_time_field, now), (coll.modified_by_field, EMULATOR_USER_ID)]
        if creating:
            stamps.append((coll.created_time_field, now))
        for name, value in stamps:
            if name is not None and (overwrite or name not in data):
                data[name] = value

    def _find(
        self, coll: Collection, op: StandardOp, object_id: str, parent_id: str | None
    ) -> Record:
        record = self._records[coll.name].get(object_id)
        if record is None or (coll.parent is not None and record.parent_id != parent_id):
            raise coll.not_found_error(op, object_id)
        return record

    def _check_parent(self, coll: Collection, parent_id: str | None) -> None:
        if coll.parent is None:
            return
        parent = self.collections[coll.parent.collection]
        if parent_id is None or parent_id not in self._records[parent.name]:
            raise parent.not_found_error("get", parent_id or "")

    def _check_body(self, coll: Collection, op: StandardOp, body: Json) -> None:
        if not isinstance(body, dict):
            raise validation_error("Request Body should be a valid JSON object.")
        allowed = coll.create_fields if op == "create" else coll.update_fields
        required = coll.required_on_create if op == "create" else coll.required_on_update
        check_object(body, {n: coll.fields[n] for n in allowed}, required=required)

    def _check_references(self, coll: Collection, op: StandardOp, body: Obj) -> None:
        for ref in coll.references:
            if ref.field not in body:
                continue
            value = body[ref.field]
            ids = [str(v) for v in value] if ref.many and isinstance(value, list) else [str(value)]
            dangling = [i for i in ids if i not in self._records[ref.collection]]
            if dangling:
                error = ref.update_error if op == "update" and ref.update_error else ref.error
                raise error.error(value=",".join(dangling))

    def _check_duplicate(
        self, coll: Collection, data: Obj, object_id: str | None, parent_id: str | None
    ) -> None:
        key = coll.natural_key
        if key is None or coll.duplicate_error is None or data.get(key) is None:
            return
        scope = [(f, data.get(f)) for f in coll.natural_key_scope]
        for other_id, record in self._records[coll.name].items():
            if other_id == object_id or record.parent_id != parent_id:
                continue
            other = record.data
            if other.get(key) == data[key] and all(other.get(f) == v for f, v in scope):
                raise coll.duplicate_error.error(name=data[key])
