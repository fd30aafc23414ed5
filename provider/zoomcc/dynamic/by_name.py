"""Finding objects by their natural key with the cheapest call the API offers.

The way is derived from the spec (``ResourceSpec.name_lookup`` says which, for the docs):

* where the get takes ``*_identifier_type=name``, one GET of ``/things/{name}``: a
  not-found answer means absent; "more than one matching" (or, for a key unique only
  within a scope, a hit in another scope) falls back to the list;
* where the list takes the name as a filter (``team_name``, ``template_name``,
  ``search_key``...), the list filtered by it;
* else the whole list (within its required parents: address books per unit).

Listed hits are compared exactly: a filter may search by substring. Where list items carry
every field the GET returns (``completeness.list_complete``), a listed hit comes with the
object, so a lookup through a filtered list is one call too.

The duplicate-name check before a create asks afresh the first time a provider process
creates in a collection (one call), and from the second time on reads the per-process name
index (``names.NAMES``: one listing serves every further create; see its docstring).
Recovery after a lost create response and lookups always ask afresh.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from zoomcc.client import NotFoundError, ZoomApiError, ZoomClient
from zoomcc.dynamic.completeness import list_complete, live_from_item
from zoomcc.dynamic.resource_api import ResourceApi
from zoomcc.dynamic.taken_names import NAMES, Key
from zoomcc.resources.spec import ResourceSpec


@dataclass(frozen=True)
class Hit:
    """An object holding the key; ``live`` is the whole object where the look-up returned it."""

    object_id: str
    live: dict[str, Any] | None = None


def key_of(spec: ResourceSpec, item: Mapping[str, Any], *, listed: bool = False) -> Key:
    """The natural key of a payload, or of a list item (``listed``: see ``list_names``)."""
    fields = (spec.natural_key_api or "", *spec.natural_key_scope)
    return tuple(item.get(spec.list_field(f) if listed else f) for f in fields)


def _same(wanted: Key, found: Key) -> bool:
    """The name equal, and each scope value equal where one is wanted (None: any scope)."""
    name, *scope = wanted
    found_name, *found_scope = found
    pairs = zip(scope, found_scope, strict=True)
    return name == found_name and all(w is None or w == f for w, f in pairs)


def has_one_call(spec: ResourceSpec) -> bool:
    """Whether the API finds a name in one call (GET by name, or a list filtered by it)."""
    return spec.name_identifier is not None or spec.name_is_filtered


def objects_named(
    client: ZoomClient, spec: ResourceSpec, payload: Mapping[str, Any], inputs: Mapping[str, Any]
) -> list[Hit]:
    """Every object holding the payload's natural key (API names), asked afresh.

    ``inputs`` are the friendly arguments that fill the paths and the list's parents.
    """
    if spec.natural_key_api is None or payload.get(spec.natural_key_api) in (None, ""):
        return []
    wanted = key_of(spec, payload)
    if spec.name_identifier is not None:
        hit = _get_by_name(client, spec, str(payload[spec.natural_key_api]), inputs)
        if hit is None:
            return []
        if hit.live is not None and _same(wanted, key_of(spec, hit.live)):
            return [hit]
        # Ambiguous, or the name is held in another scope: only the list can tell.
    whole = list_complete(spec)  # then a listed item is the object: no GET after the list
    params = list_params(spec, inputs, payload, by_name=True)
    return [
        Hit(_listed_id(spec, item), live_from_item(spec, item) if whole else None)
        for item in ResourceApi(spec, client).list(inputs, params)
        if _same(wanted, key_of(spec, item, listed=True))
    ]


def _get_by_name(
    client: ZoomClient, spec: ResourceSpec, name: str, inputs: Mapping[str, Any]
) -> Hit | None:
    """The object named ``name``; None if there is none; a ``Hit`` without ``live`` if the
    name is not unique (the caller lists)."""
    assert spec.name_identifier is not None
    try:
        found = ResourceApi(spec, client).get_by_name(name, inputs)
    except NotFoundError:
        return None
    except ZoomApiError as exc:
        if spec.is_ambiguous(exc.status, exc.code, exc.message):
            return Hit("")
        raise
    return Hit(str(found.get(spec.id_field) or ""), found)


def listing(
    client: ZoomClient,
    spec: ResourceSpec,
    inputs: Mapping[str, Any],
    payload: Mapping[str, Any],
    *,
    by_name: bool,
) -> list[tuple[Key, str]]:
    """(natural key, id) of the listed objects, narrowed by the list's parents and scope
    filters, and by the name's own filter when ``by_name``."""
    params = list_params(spec, inputs, payload, by_name=by_name)
    return [
        (key_of(spec, item, listed=True), _listed_id(spec, item))
        for item in ResourceApi(spec, client).list(inputs, params)
    ]


def _listed_id(spec: ResourceSpec, item: Mapping[str, Any]) -> str:
    return str(item.get(spec.list_field(spec.id_field)))


def list_params(
    spec: ResourceSpec, inputs: Mapping[str, Any], payload: Mapping[str, Any], *, by_name: bool
) -> dict[str, str]:
    params = spec.list_params(inputs)
    for param, api_field in spec.key_filters.items():
        if api_field == spec.natural_key_api and not by_name:
            continue
        value = payload.get(api_field)
        if value not in (None, ""):
            params[param] = str(value)
    return params


def index_key(spec: ResourceSpec, inputs: Mapping[str, Any], payload: Mapping[str, Any]) -> str:
    """The name index's collection: the list URL with its parents and scope filters."""
    query = urlencode(sorted(list_params(spec, inputs, payload, by_name=False).items()))
    return spec.collection_url(inputs) + (f"?{query}" if query else "")


def taken(
    client: ZoomClient, spec: ResourceSpec, payload: Mapping[str, Any], inputs: Mapping[str, Any]
) -> Hit | None:
    """An object already holding the payload's natural key (for the duplicate check)."""
    if spec.natural_key_api is None or payload.get(spec.natural_key_api) in (None, ""):
        return None
    collection = index_key(spec, inputs, payload)
    if has_one_call(spec) and not NAMES.seen(collection):
        hits = objects_named(client, spec, payload, inputs)
        return min(hits, key=lambda h: h.object_id) if hits else None
    existing = NAMES.taken(
        collection,
        key_of(spec, payload),
        lambda: listing(client, spec, inputs, payload, by_name=False),
    )
    return None if existing is None else Hit(existing)
