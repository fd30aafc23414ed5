"""The generic provider's calls where a spec declares an irregular shape
(``resources.call_shapes``): multipart and batch creates, updates filled from the live
object or uploaded, deletes by id list, follow-up calls, and content imported as a version.
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


def newest(
    spec: ResourceSpec, object_id: str, source: Newest, live: Mapping[str, Any], doing: str
) -> int:
    """The highest ``source.item`` the live object lists; none fails, naming object and field."""
    found: list[int] = [
        v[source.item]
        for v in live.get(source.listed) or []
        if isinstance(v, dict) and isinstance(v.get(source.item), int)
    ]
    if not found:
        raise MissingLiveValueError(
            f"{spec.name} {object_id} cannot be {doing}: its GET lists no '{source.listed}' "
            f"with a '{source.item}', and the call requires '{source.item}'. Check it in the "
            "Zoom web portal (it may still be importing), then run the update again."
        )
    return max(found)


def create_call(provider: Provider, url: str, body: dict[str, Any]) -> Any:
    """POST a multipart or batch create; returns the created object."""
    spec, op = provider.spec, provider.spec.create_op
    sent: dict[str, Any] = {"json": {spec.create_batch: [body]} if spec.create_batch else body}
    if uploads.is_multipart(op):
        parts = spec.upload.parts if spec.upload else None
        sent = {"files": uploads.multipart(spec.upload, body, parts)}
    answer = provider.client.call(op, url, **sent)
    if spec.create_batch is None:
        return answer
    created = (answer or {}).get(spec.create_batch) or []
    if len(created) != 1:
        raise UnexpectedAnswerError(
            f"the create response listed {len(created)} items, expected one", op.id, "POST", url
        )
    return created[0]


def update_call(
    provider: Provider, object_id: str, body: dict[str, Any], props: dict[str, Any]
) -> dict[str, Any] | None:
    """Send a multipart update and return None; else the JSON body to send, with the values
    the spec fills from the live object (a flow's ``flow_version``)."""
    spec, op, upload = provider.spec, provider.spec.update_op, provider.spec.upload
    multipart = uploads.is_multipart(op)
    items = upload.list_field if upload else None
    if op is None or not (spec.update_fills or (multipart and items in body)):
        live: dict[str, Any] = {}
    else:
        live = provider._get(object_id, props)
    fills = {k: newest(spec, object_id, s, live, "edited") for k, s in spec.update_fills.items()}
    body = {**body, **fills}
    if op is None or not multipart:
        return body
    stale: list[str] = []
    if upload is not None and items in body:
        body, stale = uploads.matched_items(upload, body, live)
    url, codes = spec.item_url(object_id, props), spec.not_found_codes
    provider.client.call(op, url, files=uploads.multipart(upload, body), not_found_codes=codes)
    removal = upload.stale_items if upload else None
    if stale and removal is not None:
        remove = spec.api.op("DELETE", removal.path)
        json, params = removal.request(stale)
        provider.client.call(
            remove,
            url + removal.path.removeprefix(spec.item_path),
            json=json,
            params=params or None,
            not_found_codes=codes,
        )
    return None


def delete_by_ids(provider: Provider, object_id: str, props: dict[str, Any]) -> None:
    """``DELETE <collection>`` with the id in the list the operation takes."""
    spec, op = provider.spec, provider.spec.delete_op
    assert spec.delete_by_ids is not None
    json, params = spec.delete_by_ids.request([object_id])
    provider.client.call(
        op,
        spec.collection_url(props),
        json=json,
        params=params or None,
        not_found_codes=spec.not_found_codes,
    )


def follow_ups(
    provider: Provider, object_id: str, payload: dict[str, Any], props: dict[str, Any]
) -> None:
    """The spec's follow-up calls the payload asks for, after a create, update or adoption."""
    spec = provider.spec
    live: dict[str, Any] | None = None
    for call in spec.follow_ups:
        wanted = payload.get(call.when)
        if wanted is None or wanted is False:
            continue
        live = provider._get(object_id, props) if live is None else live
        if call.if_differs and str(live.get(call.when) or "").lower() == str(wanted).lower():
            continue
        method, below = call.operation
        op = spec.api.op(method, spec.item_path + below)
        doing = f"sent {op.id}"
        body, query = (
            {k: source(spec, object_id, s, payload, live, doing) for k, s in shape.items()}
            for shape in (call.body, call.query)
        )
        provider.client.call(
            op,
            spec.item_url(object_id, props) + below,
            json=body or None,
            params=query or None,
            not_found_codes=spec.not_found_codes,
        )


def source(
    spec: ResourceSpec,
    object_id: str,
    how: FromInput | Newest,
    payload: Mapping[str, Any],
    live: Mapping[str, Any],
    doing: str,
) -> Any:
    """One value of a follow-up call: from the live object or from the declared input."""
    if isinstance(how, Newest):
        return newest(spec, object_id, how, live, doing)
    value = payload[how.field]
    return str(value).capitalize() if how.capitalize else value


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
    spec, op = provider.spec, provider.spec.create_op
    upload = spec.upload
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
    form = uploads.multipart(upload, body, upload.new_version_parts)
    doing = f"importing the new content of {spec.name} {object_id} as a version"
    try:
        made = provider.client.call(op, url, files=form)
    except ZoomApiError as exc:
        if exc.code != NAME_TAKEN:  # else no flow of that name and channel: it tried a new one
            raise
        raise ZoomApiError(
            exc.status,
            exc.code,
            f"{doing} failed ({exc.message}): {hint}",
            op.id,
            "POST",
            url,
        ) from exc
    landed = str((made or {}).get(spec.id_field) or "")
    if not landed or landed == object_id:
        return
    provider._delete_quietly(landed, news)
    raise UnexpectedAnswerError(
        f"{doing} created another one ({landed}, now deleted): {hint}", op.id, "POST", url
    )
