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
from zoomcc.dynamic.values import is_unknown
from zoomcc.resources import flow_content
from zoomcc.resources.call_shapes import CONTENT_HASH, Upload
from zoomcc.resources.spec import ResourceSpec

Form = dict[str, tuple[str | None, bytes | str]]
"""httpx's ``files``: part name -> (file name, or None for a plain value; content)."""


def is_form(op: Operation) -> bool:
    """Whether the reference gives the operation a multipart body."""
    return op.request is not None and op.request.content_type == "multipart/form-data"


def form(upload: Upload, body: Mapping[str, Any]) -> Form:
    """The body as form parts: a file as its name and bytes, a value as a part without a
    file name (booleans as JSON writes them). Every part goes as httpx's ``files``: httpx
    sends ``data`` alone url-encoded, and an update that uploads nothing (an asset renamed)
    is still multipart for the API."""
    flat = dict(body)
    if isinstance(items := flat.pop(upload.in_list or "", None), list):
        flat |= {
            f"{upload.in_list}[{i}].{k}": v for i, item in enumerate(items) for k, v in item.items()
        }
    return {  # the files are paths by now (``with_files``)
        k: (Path(v).name, Path(v).read_bytes())
        if k.rpartition(".")[2] == upload.file_field
        else (None, json.dumps(v) if isinstance(v, bool) else str(v))
        for k, v in flat.items()
        if v is not None
    }


def _as_path(value: Any) -> Any:
    return str(value.path) if isinstance(value, FileAsset) else value


def with_files(
    spec: ResourceSpec, props: dict[str, Any]
) -> tuple[dict[str, Any], list[CheckFailure]]:
    """FileAssets turned into their paths and the SHA-256 of the files in ``content_hash``
    (none while a path is unknown); unreadable files. List items are hashed in the order of
    their ``ItemMerge`` key, each framed by its key and length."""
    upload = spec.upload
    key = spec.friendly(upload.in_list or upload.file_field) if upload else ""
    if upload is None or (value := props.get(key)) is None:
        return props, []
    if upload.in_list is None:
        value = _as_path(value)
        files = [(None, value)]
    elif isinstance(value, list):
        value = [
            {k: _as_path(v) for k, v in i.items()} if isinstance(i, Mapping) else i for i in value
        ]
        on = spec.merged_lists[upload.in_list].match_on
        found = [(i.get(on), i.get(upload.file_field)) for i in value if isinstance(i, Mapping)]
        files = sorted(found, key=lambda pair: str(pair[0]))
    else:
        return props, []
    props = {**props, key: value}
    if any(is_unknown(k) or is_unknown(p) for k, p in files):
        return props, []
    digest, problems = hashlib.sha256(), []
    for item_key, path in (f for f in files if f[1] is not None):
        try:
            data = Path(str(path)).read_bytes()
            if upload.canonical_json:
                loaded = json.loads(data)
                data = flow_content.canonical(loaded)
                if upload.nodes:
                    props[upload.nodes] = flow_content.nodes(loaded)
        except OSError as exc:
            problems.append(f"cannot read {path!r}: {exc.strerror or exc}")
        except ValueError as exc:
            problems.append(f"{path!r} is not JSON: {exc}")
        else:
            framed = f"{item_key}\0{len(data)}\0".encode() if upload.in_list else b""
            digest.update(framed + data)
    if not problems:
        props[CONTENT_HASH.name] = digest.hexdigest()
    return props, [CheckFailure(key, f"{spec.name}: {problem}") for problem in problems]


def undiffed(spec: ResourceSpec) -> set[str]:
    """A top-level file argument (its path says nothing) and the file's nodes (shown, not
    compared: a state written before they were kept must not update): ``content_hash``
    carries the file's changes."""
    upload = spec.upload
    if upload is None:
        return set()
    found = {upload.nodes} if upload.nodes else set()
    return found | ({spec.friendly(upload.file_field)} if upload.in_list is None else set())
