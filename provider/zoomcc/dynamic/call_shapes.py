"""The generic provider's calls where a spec declares an irregular shape
(``resources.call_shapes``): updates filled from the live object or uploaded, follow-up
calls, and content imported as a version. Multipart and batch creates and deletes by id list
are ``ResourceApi``'s, the generic calls.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from zoomcc.client import UnexpectedAnswerError, ZoomApiError, ZoomClient
from zoomcc.dynamic import uploads
from zoomcc.resources.call_shapes import CONTENT_HASH, FromInput, Newest
from zoomcc.resources.spec import ResourceSpec

NAME_TAKEN = 3202
"""reference line 11099 (import a flow): 3202 "The flow name already exists."."""


class Provider(Protocol):
    """What these calls need of the generic provider."""

    @property
    def client(self) -> ZoomClient: ...
    @property
    def spec(self) -> ResourceSpec: ...
    def _get(self, object_id: str, props: dict[str, Any]) -> dict[str, Any]: ...
    def _delete_quietly(self, object_id: str, props: dict[str, Any]) -> None: ...


class MissingLiveValueError(Exception):
    """The live object lacks a value a call requires (a flow lists no version)."""


def update_call(
    provider: Provider, object_id: str, body: dict[str, Any], props: dict[str, Any]
) -> dict[str, Any] | None:
    """Send a multipart update and return None; else the JSON body to send, with the values
    the spec fills from the live object (a flow's ``flow_version``)."""
    spec, op, upload = provider.spec, provider.spec.update_op, provider.spec.upload
    form = upload if uploads.is_multipart(op) else None
    items = form is not None and form.list_field in body
    live = provider._get(object_id, props) if spec.update_fills or items else {}
    fills = spec.update_fills.items()
    body = {**body, **{k: value(spec, object_id, s, body, live, "edited") for k, s in fills}}
    if op is None or form is None:
        return body
    body, stale = uploads.matched_items(form, body, live) if items else (body, [])
    url, codes = spec.item_url(object_id, props), spec.not_found_codes
    uploads.send_form(provider.client, op, url, form, body, not_found_codes=codes)
    removal = form.stale_items
    if stale and removal is not None:  # live items no longer declared
        json, query = removal.request(stale)
        url += removal.path.removeprefix(spec.item_path)
        remove = spec.api.op("DELETE", removal.path)
        provider.client.call(remove, url, json=json, params=query, not_found_codes=codes)
    return None


def follow_ups(
    provider: Provider, object_id: str, payload: dict[str, Any], props: dict[str, Any]
) -> dict[str, Any] | None:
    """The spec's follow-up calls the payload asks for, after a create, update or adoption.
    Returns the object as read for them if no call followed the read (the caller's GET for
    outputs would read the same), else None."""
    spec = provider.spec
    live: dict[str, Any] | None = None
    sent = False
    for call in spec.follow_ups:
        wanted = payload.get(call.when)
        if wanted is None or wanted is False:
            continue
        live = provider._get(object_id, props) if live is None else live
        if call.if_differs and str(live.get(call.when) or "").lower() == str(wanted).lower():
            continue
        method, below = call.operation
        op = spec.api.op(method, spec.item_path + below)
        body, query = (
            {k: value(spec, object_id, s, payload, live, f"sent {op.id}") for k, s in shape.items()}
            for shape in (call.body, call.query)
        )
        url, codes = spec.item_url(object_id, props) + below, spec.not_found_codes
        provider.client.call(
            op, url, json=body or None, params=query or None, not_found_codes=codes
        )
        sent = True
    return None if sent else live


def value(
    spec: ResourceSpec,
    object_id: str,
    how: FromInput | Newest,
    payload: Mapping[str, Any],
    live: Mapping[str, Any],
    doing: str,
) -> Any:
    """One value a call sends: the declared input's, or the highest ``how.item`` the live
    object lists (none fails, naming the object and the field)."""
    if isinstance(how, FromInput):
        given = payload[how.field]
        return str(given).capitalize() if how.capitalize else given
    found: list[int] = [
        v[how.item]
        for v in live.get(how.listed) or []
        if isinstance(v, dict) and isinstance(v.get(how.item), int)
    ]
    if not found:
        raise MissingLiveValueError(
            f"{spec.name} {object_id} cannot be {doing}: its GET lists no '{how.listed}' "
            f"with a '{how.item}', and the call requires '{how.item}'. Check it in the "
            "Zoom web portal (it may still be importing), then run the update again."
        )
    return max(found)


def import_new_version(
    provider: Provider,
    object_id: str,
    payload: dict[str, Any],
    olds: dict[str, Any],
    news: dict[str, Any],
) -> None:
    """Changed content imported in place, as a new version of the same object: the reference
    says ``import_mode=version`` "checks for existing flow by name + channel and imports as
    new version". Should it land elsewhere (a changed channel), the stray object is deleted
    and the update fails, naming the way out (a new resource name)."""
    spec, op, upload = provider.spec, provider.spec.create_op, provider.spec.upload
    digest = news.get(CONTENT_HASH.name)
    if upload is None or not upload.new_version_parts:
        return
    if digest is None or digest == olds.get(CONTENT_HASH.name):
        return
    url = spec.collection_url(news)
    body = {k: v for k, v in payload.items() if k in spec.create_fields}
    hint = (
        "the import matches flows by name and channel, so the file's channel probably "
        "changed. Declare the flow as a new resource (another resource name and flow "
        "name) to import it as a new flow"
    )
    doing = f"importing the new content of {spec.name} {object_id} as a version"
    try:
        made = uploads.send_form(provider.client, op, url, upload, body, upload.new_version_parts)
    except ZoomApiError as exc:
        if exc.code != NAME_TAKEN:  # else no flow of that name and channel: it tried a new one
            raise
        message = f"{doing} failed ({exc.message}): {hint}"
        raise ZoomApiError(exc.status, exc.code, message, op.id, "POST", url) from exc
    landed = str((made or {}).get(spec.id_field) or "")
    if landed and landed != object_id:
        provider._delete_quietly(landed, news)
        raise UnexpectedAnswerError(
            f"{doing} created another one ({landed}, now deleted): {hint}", op.id, "POST", url
        )
