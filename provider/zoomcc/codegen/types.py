"""Python type annotations for API field trees."""

from __future__ import annotations

from zoomcc.apispec import FieldSpec

_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def python_type(field: FieldSpec, *, inputs: bool = False) -> str:
    """The Python type of a value of ``field`` (objects are dicts with API keys); with
    ``inputs``, list items may be Outputs too (``[queue.id, other.id]``)."""
    if field.type in _SCALARS:
        if field.enum:
            return "Literal[" + ", ".join(repr(v) for v in field.enum) + "]"
        return _SCALARS[field.type]
    if field.type == "array":
        inner = python_type(field.items, inputs=inputs) if field.items is not None else "Any"
        return f"Sequence[pulumi.Input[{inner}]]" if inputs else f"Sequence[{inner}]"
    return "Mapping[str, Any]"


def output_type(field: FieldSpec) -> str:
    if field.type in _SCALARS:
        return _SCALARS[field.type]
    if field.type == "array":
        inner = output_type(field.items) if field.items is not None else "Any"
        return f"list[{inner}]"
    return "dict[str, Any]"


def first_sentence(text: str) -> str:
    text = " ".join(text.replace("&mdash;", "-").split())
    cut = text.find(". ")
    return text if cut < 0 else text[: cut + 1]
