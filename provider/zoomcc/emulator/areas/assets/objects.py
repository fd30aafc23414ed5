"""Asset categories, assets and flows (derived from the API spec).

Assets are created and updated with multipart forms: the create and update operations are
extra routes that parse the form (``asset_items[<i>].<field>`` parts, the file in
``asset_items[<i>].upload_file``) and hand a JSON-shaped body to the generic store.

reference line 3612: "Only assets in archived status can be deleted. Set the asset to
archived through this API before deleting." A DELETE with ``archive=true`` archives the asset
(``archived``, ``archived_time``); a DELETE without it answers 10010 ("Unable to delete asset
directly, archive it first.") unless the asset is archived; PATCH ``restore`` unarchives it.
"""

from __future__ import annotations

import email.parser
import email.policy
import hashlib
import json
import re
from typing import Final
from urllib.parse import quote

from zoomcc.emulator.collection import (
    OMIT,
    ApiCall,
    Collection,
    ExtraRoute,
    HookContext,
    Hooks,
    RouteHandler,
    StoreAccess,
    new_id,
    new_short_id,
)
from zoomcc.emulator.derive import api_route, derive
from zoomcc.emulator.membership import members_of
from zoomcc.emulator.refusals import ErrorDef, Json, Obj, RequestRefused, validation_error
from zoomcc.emulator.store import zoom_time

FormValue = str | tuple[str, bytes]
"""A plain form part's text, or an uploaded file's (filename, content)."""

_CATEGORIES = "asset_categories"
_ASSETS = "assets"
_ITEM_PART = re.compile(r"^asset_items\[(\d+)\]\.(\w+)$")
_BOOLEANS = frozenset({"is_default", "restore"})

ASSET_CATEGORIES = derive("/contact_center/asset_library/categories", name=_CATEGORIES)


def parse_form(call: ApiCall) -> dict[str, FormValue]:
    """A multipart/form-data body as {name: str | (filename, bytes)}; 400 if not multipart."""
    if not call.content_type.startswith("multipart/form-data"):
        raise validation_error("Request Body should be multipart/form-data.")
    head = f"Content-Type: {call.content_type}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + call.raw)
    form: dict[str, FormValue] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        form[name] = (filename, data) if filename is not None else data.decode("utf-8")
    return form


def _scalar(name: str, value: FormValue) -> Json:
    if name in _BOOLEANS:
        if value not in ("true", "false"):
            raise validation_error(f"Validation Failed. Field {name} must be of type boolean.")
        return value == "true"
    return value


FILE_PREFIX: Final = "file/asset_library"
"""Where the emulator serves an uploaded item's file (``asset_item_file_url``, reference line
3250: "The asset item's file URL"), with the account's bearer token, as Zoom's file host
does."""


def _form_body(call: ApiCall, store: StoreAccess) -> Obj:
    """The form as the JSON body it stands for; uploaded files are kept in ``store.files``
    and become the URLs the emulator serves them at."""
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
            path = f"{FILE_PREFIX}/{digest}/{quote(filename or 'upload')}"
            store.files[path] = data
            item["asset_item_file_url"] = f"{call.base_url or 'https://file.zoom.us/'}{path}"
        else:
            item[key] = _scalar(key, value)
    if items:
        body["asset_items"] = [items[i] for i in sorted(items)]
    return body


def _new_item(item: Obj) -> Obj:
    return {**item, "asset_item_id": new_short_id(22)}


def _create_asset(store: StoreAccess, call: ApiCall) -> Json:
    body = _form_body(call, store)
    if isinstance(body.get("asset_items"), list):
        body["asset_items"] = [_new_item(i) for i in body["asset_items"]]
    return store.create(_ASSETS, body)


def _update_asset(store: StoreAccess, call: ApiCall) -> Json:
    object_id = call.path_params["id"]
    coll = store.collection(_ASSETS)
    current = store.get(_ASSETS, object_id)
    if current is None:
        raise coll.not_found_error("update", object_id)
    body = _form_body(call, store)
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


def _delete_items(store: StoreAccess, call: ApiCall) -> Json:
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


def _category_name(store: StoreAccess, data: Obj) -> Json:
    found = store.get(_CATEGORIES, str(data.get("category_id")))
    return OMIT if found is None else found.get("category_name")


def _language_code(store: StoreAccess, data: Obj) -> Json:
    items = data.get("asset_items") or []
    default = next((i for i in items if i.get("is_default")), items[0] if items else None)
    return OMIT if default is None else default.get("asset_item_language")


_ASSET_PATH = "/contact_center/asset_library/assets"


def _asset_delete(ctx: HookContext, data: Obj) -> bool | None:
    """Archive on ``archive=true``; delete only an archived asset (10010 otherwise)."""
    if ctx.query.get("archive", "").lower() == "true":
        if not data.get("archived"):
            data["archived"] = True
            data["archived_time"] = zoom_time(ctx.store.clock())
        return False
    if not data.get("archived"):
        raise RequestRefused(404, 10010, "Unable to delete asset directly, archive it first.")
    return None


def _asset_merge(ctx: HookContext, current: Obj, body: Obj) -> Obj:
    data = {**current, **body}
    if data.pop("restore", False) is True:
        data["archived"] = False
        data.pop("archived_time", None)
    return data


def _asset_route(
    method: str, path: str, name: str, handler: RouteHandler, status: int = 200
) -> ExtraRoute:
    return api_route(method, path, name, handler, status=status, id_param="assetId")


ASSETS = derive(
    _ASSET_PATH,
    name=_ASSETS,
    computed={"category_name": _category_name, "asset_language_code": _language_code},
    defaults={"archived": False},
    hooks=Hooks(merge=_asset_merge, before_delete=_asset_delete),
    extra_routes=(
        _asset_route("POST", _ASSET_PATH, "create", _create_asset, 201),
        _asset_route("PATCH", _ASSET_PATH + "/{id}", "update", _update_asset),
        _asset_route("DELETE", _ASSET_PATH + "/{id}/items", "delete_items", _delete_items),
    ),
)

# ---- flows ----------------------------------------------------------------------------------
# Imported from exported flow JSON as multipart (``flow_file`` the file part, the rest plain
# parts); ``import_mode=version`` adds a version to the flow of the same name and channel.
# The exported content of each version is kept out of the views (``_content``) and is what
# the export route answers. The edit call needs ``flow_version`` and edits that version's
# description; publish publishes the newest version (the operation names none).

_FLOWS = "flows"
_FLOW_PATH = "/contact_center/flows"
_CONTENT = "_content"
_CHANNELS = ("voice", "video", "messaging", "email", "work_item")
FLOW_INVALID: Final = ErrorDef(400, 3203, "The flow is invalid.")


def _flow_missing(object_id: str, *, status: int = 404) -> RequestRefused:
    return RequestRefused(status, 3201, f"Flow does not exist: {object_id}.")


def _flow_file(form: dict[str, FormValue]) -> bytes:
    """The uploaded flow file's bytes."""
    upload = form.get("flow_file")
    if not isinstance(upload, tuple):
        raise validation_error("Validation Failed. Field flow_file must be a file.")
    return upload[1]


def _flow_content(data: bytes) -> Obj:
    """The flow file's JSON; 3203 when it is not a JSON object."""
    try:
        content = json.loads(data)
    except ValueError:
        raise FLOW_INVALID.error() from None
    if not isinstance(content, dict):
        raise FLOW_INVALID.error()
    return content


def _new_version(number: int, description: Json, content: Json) -> Obj:
    version: Obj = {
        "flow_version_id": new_id(),
        "flow_version": number,
        "flow_version_status": "draft",
        "flow_version_modified_by": "emulator",
        "flow_version_last_modified_time": "2026-01-01T00:00:00Z",
        _CONTENT: content,
    }
    if description is not None:
        version["flow_version_description"] = description
    return version


def _import_flow(store: StoreAccess, call: ApiCall) -> Json:
    form = parse_form(call)
    data = _flow_file(form)
    content = _flow_content(data)
    body: Obj = {k: v for k, v in form.items() if isinstance(v, str)}
    body["flow_file"] = hashlib.sha256(data).hexdigest()
    mode = body.get("import_mode")
    if mode not in ("new", "version"):
        raise validation_error("Validation Failed. Field import_mode must be new or version.")
    channel = content.get("channel") if content.get("channel") in _CHANNELS else "voice"
    if mode == "version":
        twin = next(
            (
                f
                for f in store.items(_FLOWS)
                if f.get("flow_name") == body.get("flow_name") and f.get("channel") == channel
            ),
            None,
        )
        if twin is not None:
            versions = twin.setdefault("flow_versions", [])
            number = max((v["flow_version"] for v in versions), default=0) + 1
            versions.append(_new_version(number, body.get("flow_version_description"), content))
            if body.get("flow_description") is not None:
                twin["flow_description"] = body["flow_description"]
            return store.render(_FLOWS, twin, "create")
    created = store.create(_FLOWS, body)
    flow = store.get(_FLOWS, created["flow_id"])
    assert flow is not None
    flow["channel"] = channel
    if isinstance(content.get("channel_source"), str):
        flow["channel_source"] = content["channel_source"]
    flow["flow_versions"] = [_new_version(1, body.get("flow_version_description"), content)]
    return store.render(_FLOWS, flow, "create")


def _merge_flow(ctx: HookContext, current: Obj, body: Obj) -> Obj:
    if ctx.op == "create":  # from _import_flow: the form's plain fields
        kept = {k: v for k, v in body.items() if k in ("flow_name", "flow_description")}
        return {**current, **kept}
    number = body.pop("flow_version")
    version = next(
        (v for v in current.get("flow_versions") or [] if v.get("flow_version") == number), None
    )
    if version is None:
        raise validation_error(f"Flow version does not exist: {number}.")
    if "flow_version_description" in body:
        version["flow_version_description"] = body.pop("flow_version_description")
    return {**current, **body}


def _export_flow(store: StoreAccess, call: ApiCall) -> Json:
    flow = store.get(_FLOWS, call.path_params["id"])
    if flow is None:
        raise _flow_missing(call.path_params["id"], status=400)
    versions = flow.get("flow_versions") or []
    return versions[-1].get(_CONTENT) if versions else {}


def _publish_flow(store: StoreAccess, call: ApiCall) -> Json:
    flow = store.get(_FLOWS, call.path_params["id"])
    if flow is None:
        raise _flow_missing(call.path_params["id"])
    versions = flow.get("flow_versions") or []
    for version in versions:
        if version.get("flow_version_status") == "published":
            version["flow_version_status"] = "archived"
    if versions:
        versions[-1]["flow_version_status"] = "published"
    flow["status"] = "published"
    return None


def _flow_versions(store: StoreAccess, data: Obj) -> Json:
    return [
        {k: v for k, v in version.items() if k != _CONTENT}
        for version in data.get("flow_versions") or []
    ]


def _entry_points(store: StoreAccess, data: Obj) -> Json:
    links = members_of(data, "flow_entry_points")
    return [{k: v for k, v in link.items() if k.startswith("entry_")} for link in links]


FLOWS = derive(
    _FLOW_PATH,
    name=_FLOWS,
    computed={"flow_versions": _flow_versions, "entry_points": _entry_points},
    defaults={"status": "draft"},
    hooks=Hooks(merge=_merge_flow),
    extra_routes=tuple(
        api_route(method, path, name, handler, status=status, id_param="flowId")
        for method, path, name, handler, status in (
            ("POST", _FLOW_PATH, "import", _import_flow, 201),
            ("GET", _FLOW_PATH + "/{id}/export", "export", _export_flow, 200),
            ("PUT", _FLOW_PATH + "/{id}/publish", "publish", _publish_flow, 200),
        )
    ),
)

COLLECTIONS: tuple[Collection, ...] = (ASSET_CATEGORIES, ASSETS, FLOWS)
