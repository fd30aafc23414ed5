"""What differs between declared arguments and an object's outputs, for diff and for refresh.

A dynamic provider's diff cannot name fields (pulumi.dynamic sends only ``changes``,
``replaces`` and ``deleteBeforeReplace``), so the engine's preview names the arguments whose
inputs differ between the state and the program. A refresh that finds a declared argument
changed by hand therefore returns the live value as that argument's input (``ReadResult``'s
``inputs``): the next preview shows ``[diff: ~max_wait_time]`` and the update puts the
declared value back. Arguments that still match keep their input exactly as it was, so a
refresh that finds no drift changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zoomcc.dynamic import uploads
from zoomcc.dynamic.values import is_unknown, matches
from zoomcc.resources.spec import ResourceSpec


def differing(spec: ResourceSpec, news: Mapping[str, Any], olds: Mapping[str, Any]) -> list[str]:
    """The declared arguments (friendly names) of ``news`` whose value ``olds`` (outputs)
    does not hold, as the API compares them; an unknown value always differs."""
    undiffed = uploads.undiffed(spec)  # a file's path and nodes: content_hash carries them
    declared = {
        k: v
        for k, v in news.items()
        if v is not None and k in spec.friendly_to_api and k not in undiffed
    }
    return [
        spec.friendly(api_field)
        for api_field, desired in spec.to_api(declared).items()
        if api_field in spec.input_fields
        and (
            is_unknown(desired)
            or not matches(
                desired, olds.get(spec.friendly(api_field)), ordered=api_field in spec.ordered
            )
        )
    ]


def refreshed_inputs(
    spec: ResourceSpec, declared: Any, outs: Mapping[str, Any]
) -> dict[str, Any] | None:
    """The inputs a refresh records: the state's (``declared``), with each argument the live
    object no longer holds replaced by its live value. None (inputs left as they are) when
    the state's inputs were not given (the official plugin host does not give them)."""
    if not isinstance(declared, Mapping):
        return None
    inputs = {k: v for k, v in declared.items() if k != "__provider"}
    for name in differing(spec, inputs, outs):
        if name in outs:
            inputs[name] = outs[name]
    return inputs
