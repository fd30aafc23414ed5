"""Reading every object of the chosen types: each listed (within its parents where the API
lists only per parent), then read in full where list items are partial; a flow's JSON
through the flow export operation, a contact's custom field values through their own list."""

from __future__ import annotations

import json
import re
from concurrent.futures import Executor
from typing import Any

from zoomcc.client import ZoomApiError, ZoomClient
from zoomcc.dynamic.resource_api import ResourceApi
from zoomcc.dynamic.values import normalize
from zoomcc.exporter.exported import ExportedObject, Progress, no_progress
from zoomcc.resources import catalog
from zoomcc.resources.call_shapes import Newest
from zoomcc.resources.spec import ResourceSpec

Unreadable = list[tuple[str, str, str]]

READ_APART: dict[str, tuple[tuple[str, str], ...]] = {
    # The contact GET shows only `custom_fields_url`, "to retrieve contact's custom field
    # list": the values come from "List a contact's custom fields" (reference line 169).
    "AddressBookContact": (
        ("custom_fields", "/contact_center/address_books/contacts/{contactId}/custom_fields"),
    ),
}
"""Arguments a type's GET does not show: (argument, the list operation's path holding the
object's id), the argument being the list's items (extra fields are dropped as the rest
of the object's are: what the create does not take)."""


def list_is_complete(spec: ResourceSpec) -> bool:
    """Whether the list's items carry every argument, so no per-object GET is needed."""
    resp = spec.list_op.success_response
    if resp is None or resp.body is None or spec.list_names:
        return False
    holder = next((f for f in resp.body.schema_.fields if f.name == spec.list_key), None)
    if holder is None or holder.items is None:
        return False
    listed = {f.name for f in holder.items.fields}
    needed = {
        spec.read_back[f].split(".")[0].removesuffix("[]") if f in spec.read_back else f
        for f in spec.input_fields
        if f not in spec.non_body_inputs
    }
    return needed <= listed


def refusal(exc: ZoomApiError) -> bool:
    """A 4xx that says the account cannot have these objects (a feature it lacks), as
    opposed to a failure the export must stop on (auth, rate limits, 5xx)."""
    return 400 <= exc.status < 500 and exc.status not in (401, 429)


class ObjectReader:
    """Lists and reads objects through one client, each listing made once."""

    def __init__(
        self,
        client: ZoomClient,
        progress: Progress = no_progress,
        pool: Executor | None = None,
    ) -> None:
        self.client = client
        self.progress = progress
        self.pool = pool
        self._listed: dict[str, list[dict[str, Any]]] = {}

    def requests(self) -> int:
        return self.client.stats.total_requests

    def listed(self, spec: ResourceSpec) -> list[dict[str, Any]]:
        """Every listed item of the type, with the parent arguments it was listed under."""
        if spec.name not in self._listed:
            self._listed[spec.name] = list(self._list_all(spec))
        return self._listed[spec.name]

    def _list_all(self, spec: ResourceSpec) -> list[dict[str, Any]]:
        api = ResourceApi(spec, self.client)
        parents = {**spec.path_inputs, **spec.list_parents}
        if not parents:
            return list(api.list())
        # Every parent argument names one type (address books per unit, contacts per book).
        ((_, argument),) = parents.items()
        parent = catalog.get_object(spec.references[spec.friendly_to_api.get(argument, argument)])
        found: list[dict[str, Any]] = []
        for item in self.listed(parent):
            parent_id = str(item.get(parent.list_field(parent.id_field)) or "")
            if not parent_id:
                continue
            values = {argument: parent_id}
            params = spec.list_params(values) if spec.list_parents else None
            for listed in api.list(values if spec.path_inputs else None, params):
                listed.setdefault(argument, parent_id)
                found.append(listed)
        return found

    def read(self, spec: ResourceSpec, unreadable: Unreadable) -> list[ExportedObject]:
        """Every object of ``spec``, read in full. A type the account cannot list (Zoom
        answers a 4xx refusal) is noted in ``unreadable`` and skipped."""
        try:
            items = self.listed(spec)
        except ZoomApiError as exc:
            if not refusal(exc):
                raise
            unreadable.append((spec.name, "*", f"cannot list: {exc.message}"))
            return []
        complete = list_is_complete(spec)
        api = ResourceApi(spec, self.client)
        done = [0]
        self.progress(spec.name, 0, self.requests())

        def one(item: dict[str, Any]) -> ExportedObject:
            object_id = str(item[spec.list_field(spec.id_field)])
            parents = {a: item[a] for a in spec.path_inputs.values() if a in item}
            live = dict(item) if complete else {**parents, **api.get(object_id, parents)}
            notes = self.read_apart(spec, object_id, live)
            obj = ExportedObject(spec, object_id, normalize(live), notes=notes)
            if spec.name == "Flow":
                obj.files["flow_file"] = self.flow_json(spec, object_id, obj.live)
            done[0] += 1
            self.progress(spec.name, done[0], self.requests())
            return obj

        wanted = [i for i in items if i.get(spec.list_field(spec.id_field))]
        if self.pool is None or complete:
            return [one(item) for item in wanted]
        return list(self.pool.map(one, wanted))  # in the listed order

    def read_apart(self, spec: ResourceSpec, object_id: str, live: dict[str, Any]) -> list[str]:
        """Add to ``live`` what ``READ_APART`` reads beside the GET; notes on what the
        account refused to show (the program then lacks it)."""
        notes = []
        for argument, path in READ_APART.get(spec.name, ()):
            op = spec.api.op("GET", path)
            url = re.sub(r"\{\w+\}", object_id, path)
            try:
                live[argument] = list(self.client.list(op, url, argument))
            except ZoomApiError as exc:
                if not refusal(exc):
                    raise
                notes.append(
                    f"{spec.friendly(argument)} could not be read ({exc.message}): "
                    "declare them by hand."
                )
        return notes

    def flow_json(self, spec: ResourceSpec, flow_id: str, live: dict[str, Any]) -> str:
        """The flow's newest version as the flow export operation gives it, dumped with
        sorted keys (the provider diffs a flow file by that form too)."""
        newest = spec.update_fills.get("flow_version") or Newest("flow_versions", "flow_version")
        op = spec.api.op("GET", spec.item_path + "/export")
        params = {"flow_version": newest.among(live) or 1}  # a flow has version 1
        content = self.client.call(op, spec.item_url(flow_id) + "/export", params=params)
        return json.dumps(content if content is not None else {}, indent=2, sort_keys=True) + "\n"
