"""``*_identifier_type=name`` (or ``=email``) look-ups turned into the id form, so the
collection handlers only ever see ids.

The addressed path parameter, the object's item path and the field it is named by are all
read off the API spec; the store is asked only for the objects' ids.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final
from urllib.parse import quote

from zoomcc.apispec import Operation, load_api_spec
from zoomcc.apispec.names import snake
from zoomcc.emulator.collection import StoreAccess
from zoomcc.emulator.refusals import RequestRefused, validation_error
from zoomcc.emulator.request_check import RoutedRequest, documented_refusal, segments

_AMBIGUOUS: Final = re.compile(r"more than one matching", re.I)


def _addressed_param(op: Operation, identifier: str) -> str:
    """The path parameter an ``<x>_identifier_type`` is about: ``queue_`` -> ``{queueId}``,
    ``user_template_`` -> ``{templateId}``; a bare ``identifier_type`` -> the last one."""
    stem = identifier.removesuffix("identifier_type").rstrip("_")
    params = [s[1:-1] for s in segments(op.path) if s.startswith("{")]
    stems = {p: snake(p).removesuffix("_id") for p in params}
    exact = [p for p in params if stems[p] == stem]
    inner = [p for p in params if stem and stem.endswith(stems[p])]
    outer = [p for p in params if stem and stems[p].startswith(stem)]
    return (exact or inner or outer or params)[-1]


def _item_template(op: Operation, param: str) -> str:
    """The item path of the object ``{param}`` addresses: ``op``'s path up to it when the API
    has a GET there, else the object's own (``/queues/{queueId}/dispositions/{dispositionId}``
    addresses a disposition: ``/dispositions/{dispositionId}``)."""
    parts = segments(op.path)
    end = parts.index("{" + param + "}") + 1
    prefix = "/" + "/".join(parts[:end])
    gets = [o.path for o in load_api_spec().operations if o.method == "GET"]
    if any(_shape(p) == _shape(prefix) for p in gets):
        return prefix
    own = sorted((p for p in gets if segments(p)[-1] == "{" + param + "}"), key=len)
    return own[0] if own else prefix


def _shape(path: str) -> tuple[str, ...]:
    return tuple("{}" if s.startswith("{") else s for s in segments(path))


def _key_field(item_template: str, param: str, kind: str) -> str | None:
    """The GET response field an object is called by: ``queue_name``, ``user_email``, the
    outbound campaign's ``outbound_campaign_name``, an address-book contact's ``emails``."""
    get = next(
        (
            o
            for o in load_api_spec().operations
            if o.method == "GET" and _shape(o.path) == _shape(item_template)
        ),
        None,
    )
    response = get.success_response if get is not None else None
    if response is None or response.body is None:
        return None
    names = [f.name for f in response.body.schema_.fields]
    stem = snake(param).removesuffix("_id")
    wanted = f"{stem}_{kind}"
    for candidates in (
        [n for n in names if n == wanted],
        [n for n in names if n.endswith("_" + wanted)],
        [n for n in names if n.startswith(stem + "_") and n.endswith(kind)],
        [n for n in names if n in (kind, kind + "s")],
    ):
        if candidates:
            return candidates[0]
    return None


def ids_named(
    store: StoreAccess, item_template: str, parent_id: str | None, field: str, value: str
) -> list[str]:
    """Ids of the objects served at ``item_template`` whose ``field`` is (or holds) ``value``.

    The narrow read this module needs from the store: the collection whose item path has the
    template's shape, its objects under ``parent_id``, as GET shows them.
    """
    shape = _shape(item_template)
    for coll in store.collections.values():
        if _shape(coll.item_path) != shape:
            continue
        found = []
        for data in store.items(coll.name, parent_id if coll.parent is not None else None):
            shown = store.render(coll.name, data).get(field, data.get(field))
            if shown == value or (isinstance(shown, list) and value in shown):
                found.append(str(data[coll.id_field]))
        return found
    return []


def _name_field(store: StoreAccess, item_template: str) -> str | None:
    """The collection's declared ``name_field``, when the store's collection has one."""
    shape = _shape(item_template)
    for coll in store.collections.values():
        if _shape(coll.item_path) == shape:
            return coll.name_field
    return None


def resolve_identifiers(
    checked: RoutedRequest, query: Mapping[str, str], store: StoreAccess
) -> dict[str, str]:
    """Path parameters addressed by name (or email) replaced by the object's id.

    Returns only the parameters that changed. No match leaves the name, so the handler
    answers the operation's not-found error naming it; several matches are the operation's
    documented "More than one matching ..." error.
    """
    op, params = checked.operation, dict(checked.path_params)
    changed: dict[str, str] = {}
    # Left to right: a contact's address book is resolved before the contact.
    addressed = sorted(
        (q for q in op.query if q.name.endswith("identifier_type")),
        key=lambda q: op.path.index("{" + _addressed_param(op, q.name) + "}"),
    )
    for param in addressed:
        kind = query.get(param.name, "id")
        if kind in ("", "id"):
            continue
        target = _addressed_param(op, param.name)
        template = _item_template(op, target)
        field = (_name_field(store, template) if kind == "name" else None) or _key_field(
            template, target, kind
        )
        if field is None:
            continue
        parent = _parent_value(template, params)
        ids = ids_named(store, template, parent, field, params[target])
        if len(ids) > 1:
            raise _ambiguous(op)
        if ids:
            params[target] = changed[target] = ids[0]
    return changed


def _parent_value(item_template: str, params: Mapping[str, str]) -> str | None:
    """The value of the last path parameter before the addressed one (its parent's id)."""
    names = [s[1:-1] for s in segments(item_template) if s.startswith("{")]
    return params.get(names[-2]) if len(names) > 1 else None


def _ambiguous(op: Operation) -> RequestRefused:
    documented = next(
        (e for e in op.errors if e.code is not None and _AMBIGUOUS.search(e.message)), None
    )
    if documented is not None and documented.code is not None:
        return documented_refusal(documented)
    return validation_error("More than one matching object found.")


def rewrite_path(raw_path: str, op: Operation, changed: Mapping[str, str]) -> str:
    """``raw_path`` with the changed path parameters' segments replaced (URL-encoded)."""
    template = segments(op.path)
    given = segments(raw_path)
    out = [
        quote(changed[t[1:-1]], safe="") if t.startswith("{") and t[1:-1] in changed else g
        for t, g in zip(template, given, strict=True)
    ]
    return "/" + "/".join(out)
