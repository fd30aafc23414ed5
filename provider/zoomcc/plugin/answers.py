"""What the plugin answers beyond the handlers' own results: a diff field by field, the
inputs of an imported object, the outputs a preview shows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from pulumi.dynamic import DiffResult
from pulumi.provider.experimental.provider import DiffResponse, PropertyDiff, PropertyDiffKind
from pulumi.runtime.rpc import UNKNOWN

from zoomcc.dynamic.base import BaseProvider
from zoomcc.dynamic.membership import MembershipProvider
from zoomcc.exporter.arguments import EMPTY, meaningful
from zoomcc.resources.base import BaseSpec
from zoomcc.resources.membership import MembershipSpec
from zoomcc.resources.parent import ParentSpec
from zoomcc.resources.property_names import camel
from zoomcc.resources.settings import SettingsSpec
from zoomcc.resources.spec import ResourceSpec

_KINDS = {
    # (was declared, is declared, replaces) -> kind
    (True, True, False): PropertyDiffKind.UPDATE,
    (False, True, False): PropertyDiffKind.ADD,
    (True, False, False): PropertyDiffKind.DELETE,
    (True, True, True): PropertyDiffKind.UPDATE_REPLACE,
    (False, True, True): PropertyDiffKind.ADD_REPLACE,
    (True, False, True): PropertyDiffKind.DELETE_REPLACE,
}


def detailed(result: DiffResult, olds: Mapping[str, Any], news: Mapping[str, Any]) -> DiffResponse:
    """The handler's diff with each changed argument named (schema names) and whether it
    updates in place or replaces. ``changed`` comes from the handler (``FieldDiff``)."""
    replaces = list(result.replaces or [])
    changed: list[str] = list(getattr(result, "changed", None) or replaces)
    diffs = {
        camel(name): PropertyDiff(
            _KINDS[(olds.get(name) not in EMPTY, news.get(name) is not None, name in replaces)],
            input_diff=True,
        )
        for name in changed
    }
    return DiffResponse(
        changes=bool(result.changes),
        replaces=[camel(name) for name in replaces],
        delete_before_replace=bool(result.delete_before_replace),
        diffs=list(diffs),
        detailed_diff=diffs,
    )


def imported_inputs(spec: BaseSpec, object_id: str, outputs: Mapping[str, Any]) -> dict[str, Any]:
    """The arguments worth declaring for an object read by id alone (``pulumi import``):
    what the export would write (no documented defaults, nothing computed), friendly names."""
    typed = cast(ResourceSpec | MembershipSpec | SettingsSpec, spec)
    values = {
        api_field: outputs[spec.friendly(api_field)]
        for api_field in spec.input_fields
        if spec.friendly(api_field) in outputs
        # the object's own id is no argument of it; a membership's parent id is
        and (outputs[spec.friendly(api_field)] != object_id or api_field == spec.id_key)
    }
    return {spec.friendly(k): v for k, v in meaningful(typed, values).items()}


IMPORT_ID_SEPARATOR = ":"
"""Between a membership's parent id and the value of the filter its list is kept by."""


def import_props(handler: BaseProvider[Any], object_id: str) -> dict[str, Any]:
    """What a read by id alone (``pulumi import``) reads with: a membership or settings
    resource by its parent's id, a membership with every member the parent has now."""
    spec = handler.spec
    if not isinstance(spec, ParentSpec):
        return {}
    parent, _, value = object_id.partition(IMPORT_ID_SEPARATOR)
    props: dict[str, Any] = {spec.parent_arg: parent}
    if isinstance(handler, MembershipProvider):
        filters = handler.spec.list_filters
        if value and filters:  # a list kept per value (``assign_type``): ``<queue id>:outbound``
            props[filters[0]] = value
        props[handler.spec.members_field] = handler.members_of(parent, props)
    return props


def preview_outputs(spec: BaseSpec, inputs: Mapping[str, Any]) -> dict[str, Any]:
    """What a preview of a create shows: the inputs, every other output unknown."""
    outputs: dict[str, Any] = {spec.friendly(f): UNKNOWN for f in spec.output_fields}
    outputs.update({k: v for k, v in inputs.items() if v is not None})
    return outputs
