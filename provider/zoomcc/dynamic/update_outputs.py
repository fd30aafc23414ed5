"""An update's outputs without a GET: the old outputs with what the PATCH sent on top.

A PATCH answers 204 (or an object the reference does not document whole), so the outputs
after an update were a GET of the object: one call per update beside its PATCH. Where the
new state follows from the old state and the body alone, ``derived_live`` builds what that
GET would answer; where it does not, ``derivable`` says so, from the API spec:

* a field the server sets on every write (``last_modified_time``) would change: such fields
  are no outputs at all (``ResourceSpec.write_stamps``), so this never needs a read;
* the body is rewritten against the live object before it is sent (lists merged item by
  item, ``update_fills``), uploads a file, or is followed by other calls (``follow_ups``);
* an output is read back from another shape (``read_back``: a role's privileges);
* a field the update sends is not returned under its own name by the GET (the queue's
  ``operating_hours_business_hour_id`` is read as ``business_hour_id``), or the GET returns
  a field only the server fills from it (an ``x_id`` sent, ``x_name`` read: a name looked
  up by the server).

``tests/provider/test_update_outputs.py`` proves, for every type, that the state after an
update equals what a refresh reads, against the emulator.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from zoomcc.resources.spec import ResourceSpec

_SUFFIXES = ("_ids", "_id")


def _stem(api_field: str) -> str:
    for suffix in _SUFFIXES:
        if api_field.endswith(suffix):
            return api_field[: -len(suffix)]
    return api_field


@cache
def underived(spec: ResourceSpec) -> tuple[str, ...]:
    """Why an update of ``spec`` needs a GET for its outputs (empty: it does not)."""
    reasons: list[str] = []
    if spec.update_op is None:
        return ("no update",)
    if spec.merged_lists or spec.update_fills:
        reasons.append("the body is merged with the live object")
    if spec.upload is not None:
        reasons.append("uploads a file")
    if spec.follow_ups:
        reasons.append("follow-up calls")
    if spec.read_back:
        reasons.append("outputs read back from another shape")
    outputs = spec.output_fields
    for api_field in spec.update_fields:
        if api_field not in outputs:
            reasons.append(f"`{api_field}` is not returned under its name")
    server_filled = [f for f in outputs if f not in spec.input_fields]
    for api_field in spec.update_fields:
        stem = _stem(api_field)
        if stem == api_field:
            continue
        reasons += [
            f"`{f}` is filled from `{api_field}`" for f in server_filled if f.startswith(stem + "_")
        ]
    return tuple(reasons)


def derivable(spec: ResourceSpec) -> bool:
    """Whether an update's outputs follow from the old outputs and the body (no GET)."""
    return not underived(spec)


def derived_live(
    spec: ResourceSpec, olds: Mapping[str, Any], sent: Mapping[str, Any]
) -> dict[str, Any]:
    """What the object's GET answers after the update (API names): the old outputs' GET
    fields, with the sent fields' new values."""
    live = {
        api_field: olds[spec.friendly(api_field)]
        for api_field in spec.output_fields
        if spec.friendly(api_field) in olds
    }
    live.update({k: v for k, v in sent.items() if k in spec.output_fields})
    return live
