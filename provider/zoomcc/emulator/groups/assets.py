"""Emulated collections for the assets resources (derived from their specs).

Assets are created and updated with multipart forms: the create and update operations are
extra routes that parse the form (``asset_items[<i>].<field>`` parts, the file in
``asset_items[<i>].upload_file``) and hand a JSON-shaped body to the generic store.
"""

from __future__ import annotations

import email.parser
import email.policy
import hashlib
import re
from typing import Any

from zoomcc.emulator.derive import collection_from_spec
from zoomcc.emulator.model import (
    OMIT,
    ApiCall,
    Collection,
    ExtraRoute,
    Obj,
    new_short_id,
    validation_error,
)
from zoomcc.emulator.store import Store
from zoomcc.resources.objects import assets as specs

_CATEGORIES = "asset_categories"
_ASSETS = "assets"
_ITEM_PART = re.compile(r"^asset_items\[(\d+)\]\.(\w+)$")
_BOOLEANS = frozenset({"is_default", "restore"})

ASSET_CATEGORIES = collection_from_spec(specs.ASSET_CATEGORY, name=_CATEGORIES)


def parse_form(call: ApiCall) -> dict[str, Any]:
    """A multipart/form-data body as {name: str | (filename, bytes)}; 400 if not multipart."""
    if not call.content_type.startswith("multipart/form-data"):
        raise validation_error("Request Body should be multipart/form-data.")
    head = f"Content-Type: {call.content_type}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + call.raw)
    form: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        form[name] = (filename, data) if filename is not None else data.decode("utf-8")
    return form


def _scalar(name: str, value: Any) -> Any:
    if name in _BOOLEANS:
        if value not in ("true", "false"):
            raise validation_error(f"Validation Failed. Field {name} must be of type boolean.")
        return value == "true"
    return value


def _form_body(call: ApiCall) -> Obj:
    """The form as the JSON body it stands for; uploaded files become file URLs."""
    body: Obj = {}
    items: dict[int, Obj] = {}
    for name, value in parse_form(call).items():
        matched = _ITEM_PART.match(name)
        if matched is None:
            body[name] = _scalar(name, value)
            continue
        item = items.setdefault(int(matched.group(1)), {})
        key = matched.group(2)
        if key == "upload_file":
            filename, data = value if isinstance(value, tuple) else ("upload", value.encode())
            digest = hashlib.sha256(data).hexdigest()[:20]
            item["asset_item_file_url"] = (
                f"https://file.zoom.us/emulator/asset_library/{digest}/{filename}"
            )
        else:
            item[key] = _scalar(key, value)
    if items:
        body["asset_items"] = [items[i] for i in sorted(items)]
    return body


def _new_item(item: Obj) -> Obj:
    return {**item, "asset_item_id": new_short_id(22)}


def _create_asset(store: Store, call: ApiCall) -> Any:
    body = _form_body(call)
    if isinstance(body.get("asset_items"), list):
        body["asset_items"] = [_new_item(i) for i in body["asset_items"]]
    return store.create(_ASSETS, body)


def _update_asset(store: Store, call: ApiCall) -> Any:
    object_id = call.path_params["id"]
    coll = store.collection(_ASSETS)
    current = store.get(_ASSETS, object_id)
    if current is None:
        raise coll.not_found_error("update", object_id)
    body = _form_body(call)
    if isinstance(body.get("asset_items"), list):
        merged = [dict(i) for i in current.get("asset_items") or []]
        for item in body["asset_items"]:
            known = next(
                (m for m in merged if m["asset_item_id"] == item.get("asset_item_id")), None
            )
            if item.get("asset_item_id") and known is None:
                raise validation_error(f"Asset item not found: {item['asset_item_id']}.")
            if known is not None:
                known.update(item)
            else:
                merged.append(_new_item(item))
        body["asset_items"] = merged
    store.update(_ASSETS, object_id, body)
    return None


def _delete_items(store: Store, call: ApiCall) -> Any:
    object_id = call.path_params["id"]
    current = store.get(_ASSETS, object_id)
    if current is None:
        raise store.collection(_ASSETS).not_found_error("delete", object_id)
    ids = call.body.get("asset_item_ids") if isinstance(call.body, dict) else None
    if not isinstance(ids, list):
        raise validation_error("Validation Failed. Field asset_item_ids is required.")
    current["asset_items"] = [
        i for i in current.get("asset_items") or [] if i.get("asset_item_id") not in ids
    ]
    return None


def _category_name(store: Store, data: Obj) -> Any:
    found = store.get(_CATEGORIES, str(data.get("category_id")))
    return OMIT if found is None else found.get("category_name")


def _language_code(store: Store, data: Obj) -> Any:
    items = data.get("asset_items") or []
    default = next((i for i in items if i.get("is_default")), items[0] if items else None)
    return OMIT if default is None else default.get("asset_item_language")


_ASSET = specs.ASSET
ASSETS = collection_from_spec(
    _ASSET,
    name=_ASSETS,
    computed={"category_name": _category_name, "asset_language_code": _language_code},
    defaults={"archived": False},
    extra_routes=(
        ExtraRoute(
            "POST",
            _ASSET.collection_path,
            "create",
            _ASSET.create_op.rate_label,
            _create_asset,
            success_status=201,
        ),
        ExtraRoute(
            "PATCH",
            _ASSET.collection_path + "/{id}",
            "update",
            (_ASSET.update_op or _ASSET.read_op).rate_label,
            _update_asset,
        ),
        ExtraRoute(
            "DELETE",
            _ASSET.collection_path + "/{id}/items",
            "delete_items",
            _ASSET.api.op("DELETE", _ASSET.item_path + "/items").rate_label,
            _delete_items,
        ),
    ),
)

COLLECTIONS: tuple[Collection, ...] = (ASSET_CATEGORIES, ASSETS)
