"""Multipart uploads (``resources.call_shapes.Upload``): files named by path, hashed at check.

The reference does not say how a list of objects is encoded in a form: list items are sent
as ``<list>[<i>].<field>`` parts (an asset's ``asset_items[0].upload_file``).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from typing import Any

from pulumi.dynamic import CheckFailure

from zoomcc.apispec import Operation
from zoomcc.dynamic.values import is_unknown
from zoomcc.resources.call_shapes import CONTENT_HASH, Upload
from zoomcc.resources.spec import ResourceSpec

MULTIPART = "multipart/form-data"
Part = tuple[str, tuple[str | None, bytes | str]]


def file_path(value: Any) -> Any:
    """A FileAsset's path; anything else unchanged."""
    path = getattr(value, "path", None)
    if path is not None and type(value).__name__ == "FileAsset":
        return str(path)
    return value


def normalized_content(data: bytes) -> bytes:
    """The JSON in ``data`` re-dumped canonically (sorted keys, compact); ValueError if none."""
    parsed = json.loads(data)
    return json.dumps(parsed, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def is_multipart(op: Operation | None) -> bool:
    """Whether the operation's request is form data (the reference's Content-Type)."""
    return op is not None and op.request is not None and op.request.content_type == MULTIPART


def _part(name: str, value: Any, is_file: bool) -> Part:
    if is_file:
        path = str(file_path(value))
        with open(path, "rb") as handle:
            return name, (os.path.basename(path), handle.read())
    if isinstance(value, bool):
        return name, (None, "true" if value else "false")
    return name, (None, json.dumps(value) if isinstance(value, dict | list) else str(value))


def multipart(
    upload: Upload | None, body: Mapping[str, Any], parts: Mapping[str, str] | None = None
) -> list[Part]:
    """The form parts of ``parts`` then ``body``: the one encoding of every multipart call
    (operations whose request is ``multipart/form-data``); no urlencoded fallback."""
    lists, files = (upload.list_field, upload.file_field) if upload else (None, None)
    form = [_part(name, value, False) for name, value in (parts or {}).items()]
    for name, value in body.items():
        if value is None:
            continue
        if name == lists and isinstance(value, list):
            form += [
                _part(f"{name}[{index}].{key}", sub, key == files)
                for index, item in enumerate(value)
                for key, sub in item.items()
                if sub is not None
            ]
        else:
            form.append(_part(name, value, name == files))
    return form


def content_hash(upload: Upload, value: Any) -> tuple[str | None, list[str]]:
    """(SHA-256 of the files in ``value``, problems); None while a path is unknown. List
    items are hashed in ``item_key`` order, each framed by its key and length."""
    if upload.list_field is None:
        if value is None:
            return None, []
        found: list[tuple[Any, Any]] = [(None, value)]
    elif isinstance(value, list):
        items = [i for i in value if isinstance(i, Mapping)]
        items.sort(key=lambda i: str(i.get(upload.item_key)))
        found = [(i.get(upload.item_key), i.get(upload.file_field)) for i in items]
    else:
        return None, []
    digest = hashlib.sha256()
    problems: list[str] = []
    for key, path in found:
        if path is None:
            continue
        if is_unknown(path) or is_unknown(key):
            return None, []
        try:
            with open(str(file_path(path)), "rb") as handle:
                data = handle.read()
            data = normalized_content(data) if upload.canonical_json else data
        except OSError as exc:
            problems.append(f"cannot read {path!r}: {exc.strerror or exc}")
            continue
        except ValueError as exc:
            problems.append(f"{path!r} is not JSON: {exc}")
            continue
        if upload.list_field is not None:
            digest.update(f"{key}\0{len(data)}\0".encode())
        digest.update(data)
    return (None if problems else digest.hexdigest()), problems


def uploaded_key(spec: ResourceSpec) -> str | None:
    """The argument holding the files (``file``, ``items``), if the resource uploads any."""
    upload = spec.upload
    return None if upload is None else spec.friendly(upload.list_field or upload.file_field)


def with_files(
    spec: ResourceSpec, props: dict[str, Any]
) -> tuple[dict[str, Any], list[CheckFailure]]:
    """FileAssets turned into their paths and ``content_hash`` recorded; unreadable files."""
    key = uploaded_key(spec)
    if spec.upload is None or key is None:
        return props, []
    props = dict(props)
    value = props.get(key)
    if isinstance(value, list):
        value = [
            {k: file_path(v) for k, v in i.items()} if isinstance(i, Mapping) else i for i in value
        ]
    elif value is not None:
        value = file_path(value)
    if key in props:
        props[key] = value
    digest, problems = content_hash(spec.upload, value)
    if digest is not None:
        props[CONTENT_HASH.name] = digest
    return props, [CheckFailure(key, f"{spec.name}: {problem}") for problem in problems]


def undiffed(spec: ResourceSpec) -> str | None:
    """A top-level file argument: its path says nothing, ``content_hash`` carries changes."""
    upload = spec.upload
    return None if upload is None or upload.list_field else uploaded_key(spec)


def with_declared_files(
    spec: ResourceSpec, outs: dict[str, Any], props: dict[str, Any]
) -> dict[str, Any]:
    """The live items, each with the file declared for its ``item_key`` (the API answers a
    file URL instead), so declared items match the outputs."""
    upload = spec.upload
    key = uploaded_key(spec)
    if upload is None or upload.list_field is None or key is None:
        return outs
    declared = {
        i.get(upload.item_key): i.get(upload.file_field)
        for i in props.get(key) or []
        if isinstance(i, Mapping) and i.get(upload.file_field) is not None
    }
    if isinstance(outs.get(key), list):
        outs[key] = [
            {**i, upload.file_field: file_path(declared[i.get(upload.item_key)])}
            if i.get(upload.item_key) in declared
            else i
            for i in outs[key]
        ]
    return outs


def matched_items(
    upload: Upload, body: dict[str, Any], live: dict[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """The update body with each declared item carrying the id of the live item of its
    ``item_key``, and the ids of the live items no longer declared."""
    field = upload.list_field
    if field is None or not isinstance(body.get(field), list):
        return body, []
    ids = {i.get(upload.item_key): i.get(upload.item_id) for i in live.get(field) or []}
    items = []
    for wanted in body[field]:
        known = ids.pop(wanted.get(upload.item_key), None)
        items.append({**wanted, upload.item_id: known} if known else dict(wanted))
    return {**body, field: items}, [str(i) for i in ids.values() if i]
