"""One object type's API calls by meaning: create, get, get by name, update, delete, list.

Providers, lookups, the exporter and the tests' set-up share it instead of each building
URLs and calls: the operation, its URL and the codes meaning "gone" come from the spec.
A ``NotFoundError`` from ``get``, ``update`` or ``delete`` means the object is gone (the
spec's documented codes, or a 404 without a code of its own).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from zoomcc.apispec import Operation
from zoomcc.client import UnexpectedAnswerError, ZoomClient
from zoomcc.dynamic import uploads
from zoomcc.resources.removal import Removal
from zoomcc.resources.spec import ResourceSpec

Inputs = Mapping[str, Any]
"""The friendly arguments that fill a URL's parent placeholders (none for top-level types)."""


class ResourceApi:
    """The calls of ``spec``'s object through ``client``."""

    def __init__(self, spec: ResourceSpec, client: ZoomClient) -> None:
        self.spec = spec
        self.client = client

    def send(
        self, op: Operation, url: str, body: Mapping[str, Any], codes: frozenset[int] = frozenset()
    ) -> Any:
        """Call ``op`` with ``body`` as JSON, or as a form where the reference's Content-Type
        is multipart (``upload`` names the files)."""
        upload = self.spec.upload
        if upload is not None and uploads.is_form(op):
            return self.client.call(
                op, url, files=uploads.form(upload, body), not_found_codes=codes
            )
        return self.client.call(op, url, json=body, not_found_codes=codes)

    def create(self, body: Mapping[str, Any], inputs: Inputs | None = None) -> Any:
        """POST the create; returns the created object (which carries the new id). A spec's
        ``upload`` adds its ``parts``; its ``create_batch`` sends a list of one."""
        spec, op = self.spec, self.spec.create_op
        url, batch = spec.collection_url(inputs), spec.create_batch
        body = {**(spec.upload.parts if spec.upload else {}), **body}
        answer = self.send(op, url, {batch: [body]} if batch else body)
        if batch is None:
            return answer
        created = (answer or {}).get(batch) or []
        if len(created) != 1:
            message = f"the create response listed {len(created)} items, expected one"
            raise UnexpectedAnswerError(message, op.id, "POST", url)
        return created[0]

    def get(self, object_id: str, inputs: Inputs | None = None) -> dict[str, Any]:
        """The object as its GET answers it."""
        spec = self.spec
        found = self.client.call(
            spec.read_op,
            spec.item_url(object_id, inputs),
            not_found_codes=spec.not_found_codes,
        )
        return dict(found or {})

    def get_by_name(self, name: str, inputs: Inputs | None = None) -> dict[str, Any]:
        """The object named ``name``, where its GET takes ``*_identifier_type=name``."""
        spec = self.spec
        assert spec.name_identifier is not None, f"{spec.name} has no get by name"
        found = self.client.call(
            spec.read_op,
            spec.item_url(name, inputs),
            params={spec.name_identifier: "name"},
            not_found_codes=spec.not_found_codes,
        )
        return dict(found or {})

    def update(self, object_id: str, body: Any, inputs: Inputs | None = None) -> None:
        """Send the spec's update (PATCH or PUT) with ``body``."""
        spec = self.spec
        assert spec.update_op is not None, f"{spec.name} has no update"
        url, codes = spec.item_url(object_id, inputs), spec.not_found_codes
        self.send(spec.update_op, url, body, codes)

    def delete(
        self,
        object_id: str,
        inputs: Inputs | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        """DELETE the object at its own URL with the delete's query ``params``, archived first
        where Zoom deletes only archived objects (``archive_before_delete``); or, where there
        is no single-item DELETE, on the collection with its id in the list ``delete_by_ids``
        names."""
        spec, codes = self.spec, self.spec.not_found_codes
        if spec.delete_by_ids is not None:
            return self.delete_ids(spec.delete_by_ids, [object_id], inputs)
        steps = [dict(params or {})]
        if spec.archive_before_delete is not None:
            steps.insert(0, {**steps[0], spec.archive_before_delete: True})
        for query in steps:
            url = spec.item_url(object_id, inputs)
            self.client.call(spec.delete_op, url, params=query or None, not_found_codes=codes)

    def delete_ids(
        self,
        removal: Removal,
        ids: list[str],
        inputs: Inputs | None = None,
        object_id: str | None = None,
    ) -> None:
        """One DELETE on ``removal.path`` (else the collection), filled from ``inputs`` and
        ``object_id``, with ``ids`` in the list ``removal`` names: an object deleted by id
        list, an asset's stale items."""
        spec = self.spec
        path = removal.path or spec.collection_path
        json, query = removal.request(ids)
        url, codes = spec.url(path, inputs, object_id), spec.not_found_codes
        self.client.call(
            spec.api.op("DELETE", path), url, json=json, params=query, not_found_codes=codes
        )

    def list(
        self, inputs: Inputs | None = None, params: Mapping[str, Any] | None = None
    ) -> Iterator[dict[str, Any]]:
        """Every listed item (list items may be partial), paged where the API pages."""
        spec = self.spec
        return self.client.list(spec.list_op, spec.collection_url(inputs), spec.list_key, params)

    def listed_ids(
        self, inputs: Inputs | None = None, params: Mapping[str, Any] | None = None
    ) -> Iterator[str]:
        """The id of every listed item."""
        id_key = self.spec.list_field(self.spec.id_field)
        return (str(item[id_key]) for item in self.list(inputs, params))
