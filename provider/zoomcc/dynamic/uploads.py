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

from pulumi import FileAsset
from pulumi.dynamic import CheckFailure

from zoomcc.apispec import Operation
from zoomcc.client import ZoomClient
from zoomcc.dynamic.values import is_unknown
from zoomcc.resources.call_shapes import CONTENT_HASH, Upload
from zoomcc.resources.spec import ResourceSpec

MULTIPART = "multipart/form-data"
"""The Content-Type of the reference's form operations."""


def file_path(value: Any) -> Any:
    """A FileAsset's path; anything else unchanged."""
    return str(value.path) if isinstance(value, FileAsset) else value


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
    multipart call. httpx builds the body; every part goes as ``files`` (a file as its name
    and bytes, a value as a part without a file name, booleans as JSON writes them), since
    httpx sends ``data`` without files url-encoded, and an update that uploads nothing (an
    asset renamed) is still multipart for the API."""
    flat: dict[str, Any] = dict(parts or {})
    for name, value in body.items():
        if name == upload.list_field and isinstance(value, list):
            flat |= {f"{name}[{i}].{k}": v for i, item in enumerate(value) for k, v in item.items()}
        else:
            flat[name] = value
    form = {  # the files are paths by now (``with_files``)
        k: (Path(v).name, Path(v).read_bytes())
        if k.rpartition(".")[2] == upload.file_field
        else (None, json.dumps(v) if isinstance(v, bool) else str(v))
        for k, v in flat.items()
        if v is not None
    }
    return client.call(op, url, files=form, not_found_codes=not_found_codes)


def with_files(
    spec: ResourceSpec, props: dict[str, Any]
) -> tuple[dict[str, Any], list[CheckFailure]]:
    """FileAssets turned into their paths and the SHA-256 of the files in ``content_hash``
    (none while a path is unknown); unreadable files. List items are hashed in ``item_key``
    order, each framed by its key and length."""
    upload = spec.upload
    key = spec.friendly(upload.list_field or upload.file_field) if upload else ""
    if upload is None or props.get(key) is None:
        return props, []
    value = props[key]
    if isinstance(value, list):
        value = [
            {k: file_path(v) for k, v in i.items()} if isinstance(i, Mapping) else i for i in value
        ]
    props = {**props, key: file_path(value)}
    found: list[tuple[Any, Any]] = [(None, props[key])]
    if upload.list_field is not None:
        if not isinstance(value, list):
            return props, []
        pairs = [
            (i.get(upload.item_key), i.get(upload.file_field))
            for i in value
            if isinstance(i, Mapping)
        ]
        found = sorted(pairs, key=lambda pair: str(pair[0]))
    if any(is_unknown(k) or is_unknown(p) for k, p in found):
        return props, []
    digest, problems = hashlib.sha256(), []
    for item_key, path in found:
        if path is None:
            continue
        try:
            data = Path(str(path)).read_bytes()
            if upload.canonical_json:  # re-dumped canonically: reformatting is no change
                canonical = json.dumps(
                    json.loads(data), sort_keys=True, separators=(",", ":"), ensure_ascii=False
                )
                data = canonical.encode()
        except OSError as exc:
            problems.append(f"cannot read {path!r}: {exc.strerror or exc}")
        except ValueError as exc:
            problems.append(f"{path!r} is not JSON: {exc}")
        else:
            framed = f"{item_key}\0{len(data)}\0".encode() if upload.list_field else b""
            digest.update(framed + data)
    if not problems:
        props[CONTENT_HASH.name] = digest.hexdigest()
    return props, [CheckFailure(key, f"{spec.name}: {problem}") for problem in problems]


def undiffed(spec: ResourceSpec) -> str | None:
    """A top-level file argument: its path says nothing, ``content_hash`` carries changes."""
    upload = spec.upload
    return spec.friendly(upload.files) if upload and upload.list_field is None else None


def with_declared_files(
    spec: ResourceSpec, outs: dict[str, Any], props: dict[str, Any]
) -> dict[str, Any]:
    """The live items, each with the file declared for its ``item_key`` (the API answers a
    file URL instead), so declared items match the outputs."""
    upload = spec.upload
    if upload is None or upload.list_field is None:
        return outs
    key, item_key, file = spec.friendly(upload.list_field), upload.item_key, upload.file_field
    declared = {
        i.get(item_key): file_path(i.get(file))
        for i in props.get(key) or []
        if isinstance(i, Mapping) and i.get(file) is not None
    }
    if isinstance(outs.get(key), list):
        outs[key] = [
            {**i, file: declared[i.get(item_key)]} if i.get(item_key) in declared else i
            for i in outs[key]
        ]
    return outs
