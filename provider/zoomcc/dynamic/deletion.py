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
    client: ZoomClient, spec: ResourceSpec, params: Mapping[str, DeleteParam], object_id: str
) -> dict[str, str]:
    """query parameter -> its default value, for each of ``params``, for deleting
    ``object_id``."""
    return {
        param: _default(client, spec, param, how, object_id) for param, how in params.items()
    }


def _default(
    client: ZoomClient, spec: ResourceSpec, param: str, how: DeleteParam, object_id: str
) -> str:
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
    if not found and how.dependants_count is not None:
        found = _any_other_if_nothing_moves(client, spec, object_id, how.dependants_count)
    if not found:
        raise NoDeleteTargetError(
            f"{spec.name}: deleting needs `{how.argument}` ({param}) and {what}; "
            f"set {how.argument} to the id to use"
        )
    return found


def _any_other_if_nothing_moves(
    client: ZoomClient, spec: ResourceSpec, object_id: str, count_field: str
) -> str | None:
    """Another object of the type, when the one being deleted has nothing to move."""
    api = ResourceApi(spec, client)
    if api.get(object_id).get(count_field) != 0:
        return None
    id_field = spec.list_field(spec.id_field)
    others = (str(item.get(id_field) or "") for item in api.list())
    return next((other for other in others if other and other != object_id), None)


def _flagged(client: ZoomClient, spec: ResourceSpec, flag: str) -> str | None:
    for item in ResourceApi(spec, client).list():
        if item.get(flag) is True:
            return str(item.get(spec.list_field(spec.id_field)) or "") or None
    return None


def _named(client: ZoomClient, spec: ResourceSpec, name: str) -> str | None:
    assert spec.natural_key_api is not None
    hits = by_name.objects_named(client, spec, {spec.natural_key_api: name}, {})
    return hits[0].object_id if len(hits) == 1 else None
