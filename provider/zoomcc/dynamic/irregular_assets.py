"""Providers for multipart uploads: asset-library assets.

The files to upload are named by the items' ``upload_file`` (a local path, or a
``pulumi.FileAsset`` which check() turns into its path). check() also records the SHA-256
of the files' bytes in the ``content_hash`` argument, so diff sees a changed file behind an
unchanged path, and never an unchanged file.

Multipart field names: the reference does not say how the ``asset_items`` array is encoded
in a form; the items are sent as ``asset_items[<i>].<field>`` parts (the file part named
``asset_items[<i>].upload_file``).
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
from collections.abc import Mapping
from typing import Any

from pulumi.dynamic import CheckFailure, CheckResult, CreateResult, UpdateResult

from zoomcc.dynamic.provider import SpecProvider
from zoomcc.dynamic.values import is_unknown
from zoomcc.resources.objects.assets import CONTENT_HASH

_ITEMS = "asset_items"
_FILE = "upload_file"
_LANGUAGE = "asset_item_language"
_ITEM_ID = "asset_item_id"

Part = tuple[str, tuple[str | None, bytes | str]]


def file_path(value: Any) -> Any:
    """A FileAsset's path; anything else unchanged."""
    path = getattr(value, "path", None)
    if path is not None and type(value).__name__ == "FileAsset":
        return str(path)
    return value


def _form_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value)
    return str(value)


def multipart(body: Mapping[str, Any]) -> list[Part]:
    """The form parts of ``body``; every part is a form-data part (no urlencoded fallback)."""
    parts: list[Part] = []
    for name, value in body.items():
        if value is None:
            continue
        if name == _ITEMS and isinstance(value, list):
            for index, item in enumerate(value):
                for key, sub in item.items():
                    if sub is None:
                        continue
                    part = f"{_ITEMS}[{index}].{key}"
                    if key == _FILE:
                        path = str(file_path(sub))
                        with open(path, "rb") as handle:
                            parts.append((part, (os.path.basename(path), handle.read())))
                    else:
                        parts.append((part, (None, _form_value(sub))))
            continue
        parts.append((name, (None, _form_value(value))))
    return parts


def content_hash(items: Any) -> tuple[str | None, list[str]]:
    """(SHA-256 over the items' files by language, problems); None while a path is unknown."""
    if not isinstance(items, list):
        return None, []
    digest = hashlib.sha256()
    problems: list[str] = []
    for item in sorted(
        (i for i in items if isinstance(i, Mapping)), key=lambda i: str(i.get(_LANGUAGE))
    ):
        path = item.get(_FILE)
        if path is None:
            continue
        if is_unknown(path) or is_unknown(item.get(_LANGUAGE)):
            return None, []
        try:
            with open(str(file_path(path)), "rb") as handle:
                data = handle.read()
        except OSError as exc:
            problems.append(f"cannot read {path!r}: {exc.strerror or exc}")
            continue
        digest.update(f"{item.get(_LANGUAGE)}\0{len(data)}\0".encode())
        digest.update(data)
    return (None if problems else digest.hexdigest()), problems


class AssetProvider(SpecProvider):
    """Asset-library assets: multipart create and update, items matched by language."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.type_name!r})"

    @property
    def _items_key(self) -> str:
        return self.spec.friendly(_ITEMS)

    def _with_files(self, props: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
        """FileAssets turned into paths, and the content hash recorded."""
        props = copy.copy(props)
        items = props.get(self._items_key)
        if isinstance(items, list):
            props[self._items_key] = [
                {k: file_path(v) for k, v in item.items()} if isinstance(item, Mapping) else item
                for item in items
            ]
        digest, problems = content_hash(props.get(self._items_key))
        if digest is not None:
            props[CONTENT_HASH] = digest
        return props, problems

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        news, problems = self._with_files(news)
        result = super().check(olds, news)
        failures = list(result.failures or [])
        failures += [CheckFailure(self._items_key, f"{self.spec.name}: {p}") for p in problems]
        return CheckResult(result.inputs, failures)

    def create(self, props: dict[str, Any]) -> CreateResult:
        return super().create(self._with_files(props)[0])

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        return super().update(id_, olds, self._with_files(news)[0])

    def _create_call(self, url: str, body: dict[str, Any], props: dict[str, Any]) -> Any:
        op = self.spec.create_op
        return self.client.request(
            "POST", url, files=multipart(body), rate_label=op.rate_label, operation=op.id
        )

    def _patch(self, object_id: str, body: dict[str, Any], props: dict[str, Any]) -> None:
        spec = self.spec
        op = spec.update_op
        if op is None or not body:
            return
        body = dict(body)
        stale: list[str] = []
        if isinstance(body.get(_ITEMS), list):
            live = {
                i.get(_LANGUAGE): i.get(_ITEM_ID)
                for i in self._get(object_id, props).get(_ITEMS) or []
            }
            items = []
            for wanted in body[_ITEMS]:
                item = dict(wanted)
                known = live.pop(item.get(_LANGUAGE), None)
                if known:
                    item[_ITEM_ID] = known
                items.append(item)
            body[_ITEMS] = items
            stale = [str(i) for i in live.values() if i]
        self.client.request(
            op.method,
            spec.item_url(object_id, props),
            files=multipart(body),
            rate_label=op.rate_label,
            operation=op.id,
            not_found_codes=spec.not_found_codes,
        )
        if stale:
            delete_items = spec.api.op("DELETE", spec.item_path + "/items")
            self.client.request(
                "DELETE",
                spec.item_url(object_id, props) + "/items",
                json={"asset_item_ids": stale},
                rate_label=delete_items.rate_label,
                operation=delete_items.id,
                not_found_codes=spec.not_found_codes,
            )

    def _read_outputs(self, object_id: str, props: dict[str, Any]) -> dict[str, Any]:
        """The live items, each with the ``upload_file`` declared for its language (the API
        answers a file URL instead), so declared items match the outputs."""
        outs = super()._read_outputs(object_id, props)
        key = self._items_key
        declared = {
            i.get(_LANGUAGE): i.get(_FILE)
            for i in props.get(key) or []
            if isinstance(i, Mapping) and i.get(_FILE) is not None
        }
        if isinstance(outs.get(key), list):
            outs[key] = [
                {**item, _FILE: file_path(declared[item.get(_LANGUAGE)])}
                if item.get(_LANGUAGE) in declared
                else item
                for item in outs[key]
            ]
        return outs
