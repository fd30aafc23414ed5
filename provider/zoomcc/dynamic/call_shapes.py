"""The generic provider's calls where a spec declares an irregular shape
(``resources.call_shapes``): updates filled from the live object or sent as a form, follow-up
calls, and content imported as a version. Multipart and batch creates and deletes by id list
are ``ResourceApi``'s, the generic calls.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from zoomcc.client import UnexpectedAnswerError, ZoomApiError
from zoomcc.dynamic import uploads
from zoomcc.dynamic.resource_api import ResourceApi
from zoomcc.resources.call_shapes import CONTENT_HASH, FromInput, Newest

NAME_TAKEN = 3202
"""reference line 11099 (import a flow): 3202 "The flow name already exists."."""


class Provider(Protocol):
    """What these calls need of the generic provider (``SpecProvider``)."""

    @property
    def api(self) -> ResourceApi: ...
    def _get(self, object_id: str, props: dict[str, Any]) -> dict[str, Any]: ...
    def _delete_quietly(self, object_id: str, props: dict[str, Any]) -> None: ...


class MissingLiveValueError(Exception):
    """The live object lacks a value a call requires (a flow lists no version)."""


def update(provider: Provider, object_id: str, body: dict[str, Any], props: dict[str, Any]) -> None:
    """Send the update: JSON with the values the spec fills from the live object (a flow's
    ``flow_version``), or a form whose list items carry the ids of the live items of their
    ``item_key``; the live items no longer declared are then removed (``stale_items``)."""
    api = provider.api
    spec, op, upload = api.spec, api.spec.update_op, api.spec.upload
    form = upload if op and op.request and op.request.content_type == uploads.MULTIPART else None
    key = form.list_field if form else None
    items = body.get(key) if key else None
    live = provider._get(object_id, props) if spec.update_fills or items is not None else {}
    subject = f"{spec.name} {object_id} cannot be edited"
    body = {**body, **{k: value(s, body, live, subject) for k, s in spec.update_fills.items()}}
    if op is None or form is None:
        return api.update(object_id, body, props)
    stale: list[str] = []
    if key and isinstance(items, list):  # a new item's id is None: not sent
        ids = {i.get(form.item_key): i.get(form.item_id) for i in live.get(key) or []}
        body[key] = [{**i, form.item_id: ids.pop(i.get(form.item_key), None)} for i in items]
        stale = [str(i) for i in ids.values() if i]
    url, removal = spec.item_url(object_id, props), form.stale_items
    uploads.send_form(api.client, op, url, form, body, not_found_codes=spec.not_found_codes)
    if stale and removal is not None:
        api.delete_ids(removal, stale, url + removal.path.removeprefix(spec.item_path))


def follow_ups(
    provider: Provider, object_id: str, payload: dict[str, Any], props: dict[str, Any]
) -> dict[str, Any] | None:
    """The spec's follow-up calls the payload asks for, after a create, update or adoption.
    Returns the object as read for them if no call followed the read (the caller's GET for
    outputs would read the same), else None."""
    api = provider.api
    spec, live, sent = api.spec, None, False
    for call in spec.follow_ups:
        wanted = payload.get(call.when)
        if wanted in (None, False):
            continue
        live = provider._get(object_id, props) if live is None else live
        if call.if_differs and str(live.get(call.when) or "").lower() == str(wanted).lower():
            continue
        method, below = call.operation
        op = spec.api.op(method, spec.item_path + below)
        subject = f"{spec.name} {object_id} cannot be sent {op.id}"
        json, params = (
            {k: value(s, payload, live, subject) for k, s in shape.items()} or None
            for shape in (call.body, call.query)
        )
        url, codes = spec.item_url(object_id, props) + below, spec.not_found_codes
        api.client.call(op, url, json=json, params=params, not_found_codes=codes)
        sent = True
    return None if sent else live


def value(
    how: FromInput | Newest, payload: Mapping[str, Any], live: Mapping[str, Any], subject: str
) -> Any:
    """One value a call sends: the declared input's, or the highest ``how.item`` the live
    object lists (none fails: ``subject``, "Flow f1 cannot be edited", then the field)."""
    if isinstance(how, FromInput):
        given = payload[how.field]
        return str(given).capitalize() if how.capitalize else given
    found = [v.get(how.item) for v in live.get(how.listed) or [] if isinstance(v, dict)]
    if not (found := [v for v in found if isinstance(v, int)]):
        raise MissingLiveValueError(
            f"{subject}: its GET lists no '{how.listed}' with a '{how.item}', and the call "
            f"requires '{how.item}'. Check it in the Zoom web portal (it may still be "
            "importing), then run the update again."
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
    api = provider.api
    spec, op, upload = api.spec, api.spec.create_op, api.spec.upload
    digest = news.get(CONTENT_HASH.name)
    if not (upload and upload.new_version_parts) or digest in (None, olds.get(CONTENT_HASH.name)):
        return
    url = spec.collection_url(news)
    body = {k: v for k, v in payload.items() if k in spec.create_fields}
    hint = (
        "the import matches flows by name and channel, so the file's channel probably changed: "
        "declare a new resource (another resource and flow name) to import it as a new flow"
    )
    doing = f"importing the new content of {spec.name} {object_id} as a version"
    try:
        made = uploads.send_form(api.client, op, url, upload, body, upload.new_version_parts)
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
