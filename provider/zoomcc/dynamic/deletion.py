"""The defaults of delete-time query parameters (``resources.delete_query``), found in the
account when the object is deleted: the main region, a built-in role."""

from __future__ import annotations

from collections.abc import Mapping

from zoomcc.client import ZoomClient
from zoomcc.dynamic import by_name
from zoomcc.dynamic.resource_api import ResourceApi
from zoomcc.resources import catalog
from zoomcc.resources.delete_query import DeleteParam, FlaggedObject, NamedObject
from zoomcc.resources.spec import ResourceSpec


class NoDeleteTargetError(Exception):
    """A delete needs a value that was not given and whose default the account lacks."""


def delete_defaults(
    client: ZoomClient, spec: ResourceSpec, params: Mapping[str, DeleteParam]
) -> dict[str, str]:
    """query parameter -> its default value, for each of ``params``."""
    return {param: _default(client, spec, param, how) for param, how in params.items()}


def _default(client: ZoomClient, spec: ResourceSpec, param: str, how: DeleteParam) -> str:
    target = how.default
    found: str | None = None
    if isinstance(target, FlaggedObject):
        found = _flagged(client, catalog.get_object(target.type_name), target.flag)
        what = f"no {target.type_name} has `{target.flag}`"
    elif isinstance(target, NamedObject):
        found = _named(client, catalog.get_object(target.type_name), target.name)
        what = f"no single {target.type_name} is named {target.name!r}"
    else:
        what = "it has no default"
    if not found:
        raise NoDeleteTargetError(
            f"{spec.name}: deleting needs `{how.argument}` ({param}) and {what}; "
            f"set {how.argument} to the id to use"
        )
    return found


def _flagged(client: ZoomClient, spec: ResourceSpec, flag: str) -> str | None:
    for item in ResourceApi(spec, client).list():
        if item.get(flag) is True:
            return str(item.get(spec.list_field(spec.id_field)) or "") or None
    return None


def _named(client: ZoomClient, spec: ResourceSpec, name: str) -> str | None:
    assert spec.natural_key_api is not None
    hits = by_name.find(client, spec, {spec.natural_key_api: name}, {})
    return hits[0].object_id if len(hits) == 1 else None
