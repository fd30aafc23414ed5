"""PropertyValues (what ``pulumi.provider.experimental`` hands a provider) <-> the plain
values the handlers take, in both directions with the names translated.

Unknowns become the ``UNKNOWN`` sentinel the handlers already recognise (``is_unknown``), as
the dynamic front end hands them, and go back as that string, which is how the wire spells an
unknown (the pinned SDK cannot marshal its own ``Computed``); a resource reference becomes its
id; secrets are unwrapped and the top-level properties that held one are wrapped again on the
way out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
from pulumi.provider.experimental.property_value import (
    Computed,
    PropertyValue,
    ResourceReference,
)
from pulumi.runtime.rpc import UNKNOWN

from zoomcc.resources.base import BaseSpec
from zoomcc.resources.property_names import resource_fields, to_camel, to_snake

Properties = dict[str, PropertyValue]
"""A resource's properties as the provider protocol carries them."""


def plain(value: PropertyValue) -> Any:
    """A PropertyValue as a plain JSON-like value (numbers stay floats: handlers normalise)."""
    inner = value.value
    if isinstance(inner, Computed):
        return UNKNOWN
    if isinstance(inner, ResourceReference):
        return plain(inner.resource_id) if inner.resource_id is not None else UNKNOWN
    if isinstance(inner, Mapping):
        return {k: plain(v) for k, v in inner.items()}
    if isinstance(inner, tuple | list):
        return [plain(v) for v in inner]
    return inner


def wrapped(value: Any, secret: bool = False) -> PropertyValue:
    """A plain value as a PropertyValue (ints as the protocol's floats)."""
    if isinstance(value, bool) or value is None or isinstance(value, str | float):
        return PropertyValue(value, is_secret=secret)
    if isinstance(value, int):
        return PropertyValue(float(value), is_secret=secret)
    if isinstance(value, Mapping):
        return PropertyValue({str(k): wrapped(v) for k, v in value.items()}, is_secret=secret)
    if isinstance(value, list | tuple):
        return PropertyValue([wrapped(v) for v in value], is_secret=secret)
    if isinstance(value, pulumi.Asset | pulumi.Archive):
        return PropertyValue(value, is_secret=secret)
    return PropertyValue(str(value), is_secret=secret)


def secret_keys(properties: Properties) -> set[str]:
    """The top-level properties holding a secret anywhere inside."""
    return {k for k, v in properties.items() if v.contains_secret()}


def to_handler(spec: BaseSpec, properties: Properties) -> dict[str, Any]:
    """Schema-named PropertyValues -> the snake_case plain values a handler takes."""
    values = {k: plain(v) for k, v in properties.items()}
    return to_snake(values, resource_fields(spec))


def from_handler(spec: BaseSpec, values: Mapping[str, Any], secrets: set[str]) -> Properties:
    """A handler's snake_case answer -> schema-named PropertyValues; ``secrets`` (schema
    names) stay secret."""
    named = to_camel(values, resource_fields(spec))
    return {k: wrapped(v, secret=k in secrets) for k, v in named.items()}
