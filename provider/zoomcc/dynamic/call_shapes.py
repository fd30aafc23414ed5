"""The generic provider's calls where a spec declares an irregular shape
(``resources.call_shapes``): values read from the live object, follow-up calls, and content
imported as a version. Forms, batch creates, deletes by id list and item-by-item list
updates are ``ResourceApi``'s and ``changes``', the generic calls.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from zoomcc.client import UnexpectedAnswerError, ZoomApiError
from zoomcc.dynamic.resource_api import ResourceApi
from zoomcc.resources.call_shapes import CONTENT_HASH, FromInput, Newest


class Provider(Protocol):
    """What these calls need of the generic provider (``SpecProvider``)."""

    @property
    def api(self) -> ResourceApi: ...
    def _get(self, object_id: str, props: dict[str, Any]) -> dict[str, Any]: ...
    def _delete_quietly(self, object_id: str, props: dict[str, Any]) -> None: ...


class MissingLiveValueError(Exception):
    """The live object lacks a value a call requires (a flow lists no version)."""


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
        if call.done_when is not None and call.done_when.met(live):
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
    if (newest := how.among(live)) is None:
        raise MissingLiveValueError(
            f"{subject}: its GET lists no '{how.listed}' with a '{how.item}', and the call "
            f"requires '{how.item}'. Check it in the Zoom web portal (it may still be "
            "importing), then run the update again."
        )
    return newest


def import_new_version(
    provider: Provider,
    object_id: str,
    payload: dict[str, Any],
    olds: dict[str, Any],
    news: dict[str, Any],
) -> None:
    """Changed content imported in place, as a new version of the same object (the spec's
    ``NewVersion``). Should it land elsewhere (a flow's changed channel), the stray object
    is deleted and the update fails, naming the way out."""
    api = provider.api
    spec, upload, digest = api.spec, api.spec.upload, news.get(CONTENT_HASH.name)
    how = upload.new_version if upload else None
    if how is None or digest in (None, olds.get(CONTENT_HASH.name)):
        return
    body = {k: v for k, v in payload.items() if k in spec.create_fields}
    doing = f"importing the new content of {spec.name} {object_id} as a version"
    try:
        made = api.create({**body, **how.parts}, news)
    except ZoomApiError as exc:
        if exc.code != how.refusal:
            raise
        message = f"{doing} failed ({exc.message}): {how.hint}"
        raise ZoomApiError(exc.status, exc.code, message, exc.operation, "POST", exc.path) from exc
    landed = str((made or {}).get(spec.id_field) or "")
    if landed and landed != object_id:
        provider._delete_quietly(landed, news)
        message = f"{doing} created another one ({landed}, now deleted): {how.hint}"
        raise UnexpectedAnswerError(message, spec.create_op.id, "POST", spec.collection_url(news))
