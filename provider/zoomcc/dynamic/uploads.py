"""Multipart uploads (``resources.call_shapes.Upload``): files named by path, hashed at check,
sent as httpx encodes ``files``.

The reference does not say how a list of objects is encoded in a form: list items are sent
as ``<list>[<i>].<field>`` parts (an asset's ``asset_items[0].upload_file``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pulumi.dynamic import CheckFailure

from zoomcc.apispec import Operation
from zoomcc.client import ZoomClient
from zoomcc.dynamic.values import is_unknown
from zoomcc.resources.call_shapes import CONTENT_HASH, Upload
from zoomcc.resources.spec import ResourceSpec

MULTIPART = "multipart/form-data"


def file_path(value: Any) -> Any:
    """A FileAsset's path; anything else unchanged."""
    path = getattr(value, "path", None)
    return str(path) if path is not None and type(value).__name__ == "FileAsset" else value


def is_multipart(op: Operation | None) -> bool:
    """Whether the operation's request is form data (the reference's Content-Type)."""
    return op is not None and op.request is not None and op.request.content_type == MULTIPART


def send_form(
    client: ZoomClient,
    op: Operation,
    url: str,
    upload: Upload,
    body: Mapping[str, Any],
    parts: Mapping[str, str] | None = None,
    not_found_codes: frozenset[int] = frozenset(),
) -> Any:
    """Send ``parts`` and ``body`` as the operation's form: the one encoding of every
    multipart call. httpx builds the body; every part goes as ``files`` (a value as a part
    without a file name), since httpx sends ``data`` without files url-encoded, and an
    update that uploads nothing (an asset renamed) is still multipart for the API."""
    flat: dict[str, Any] = dict(parts or {})
    for name, value in body.items():
        if name == upload.list_field and isinstance(value, list):
            for i, item in enumerate(value):
                flat |= {f"{name}[{i}].{key}": sub for key, sub in item.items()}
        else:
            flat[name] = value
    form = {
        k: _part(v, is_file=k.rpartition(".")[2] == upload.file_field)
        for k, v in flat.items()
        if v is not None
    }
    return client.call(op, url, files=form, not_found_codes=not_found_codes)


def _part(value: Any, is_file: bool) -> tuple[str | None, bytes | str]:
    """A file as (its name, its bytes); a value as its text (booleans as JSON writes them)."""
    if is_file:
        path = Path(str(file_path(value)))
        return path.name, path.read_bytes()
    return None, json.dumps(value) if isinstance(value, bool) else str(value)


def content_hash(upload: Upload, value: Any) -> tuple[str | None, list[str]]:
    """(SHA-256 of the files in ``value``, problems); None while a path is unknown. List
    items are hashed in ``item_key`` order, each framed by its key and length."""
    if upload.list_field is None:
        if value is None:
            return None, []
        found: list[tuple[Any, Any]] = [(None, value)]
    elif isinstance(value, list):
        items = sorted(
            (i for i in value if isinstance(i, Mapping)), key=lambda i: str(i.get(upload.item_key))
        )
        found = [(i.get(upload.item_key), i.get(upload.file_field)) for i in items]
    else:
        return None, []
    if any(is_unknown(k) or is_unknown(p) for k, p in found):
        return None, []
    digest, problems = hashlib.sha256(), []
    for key, path in found:
        if path is None:
            continue
        try:
            data = Path(str(file_path(path))).read_bytes()
            if upload.canonical_json:  # re-dumped canonically: reformatting is no change
                parsed = json.loads(data)
                data = json.dumps(
                    parsed, sort_keys=True, separators=(",", ":"), ensure_ascii=False
                ).encode()
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
    if spec.upload is None or key is None or key not in props:
        return props, []
    value = props[key]
    if isinstance(value, list):
        value = [
            {k: file_path(v) for k, v in i.items()} if isinstance(i, Mapping) else i for i in value
        ]
    props = {**props, key: file_path(value)}
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
    upload, key = spec.upload, uploaded_key(spec)
    if upload is None or upload.list_field is None or key is None:
        return outs
    declared = {
        i.get(upload.item_key): file_path(i.get(upload.file_field))
        for i in props.get(key) or []
        if isinstance(i, Mapping) and i.get(upload.file_field) is not None
    }
    if isinstance(outs.get(key), list):
        outs[key] = [
            {**i, upload.file_field: declared[i.get(upload.item_key)]}
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
