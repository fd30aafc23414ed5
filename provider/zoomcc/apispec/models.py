"""Pydantic models built from ``FieldSpec`` trees, to check payloads against the reference.

The models are strict where Zoom is (unknown fields, enums, required fields, types)
and lenient where Pulumi is not exact: Pulumi carries every number as a float, so
integer fields accept whole floats such as ``5.0`` (but still reject ``5.5``).
Errors are located by API field names, e.g. ``queues.0.queue_name``.
"""

from __future__ import annotations

import re
import threading
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    create_model,
)
from pydantic_core import PydanticCustomError

from zoomcc.apispec.spec import FieldSpec, Operation

__all__ = ["error_paths", "model_for", "validate_request"]

# Loose on purpose: Zoom's own checks are unknown, we only catch obvious slips.
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

_lock = threading.Lock()
# (id(schema), name) -> (schema, model). The schema is kept alive so its id
# cannot be reused; spec models hold lists, so they are not hashable.
_cache: dict[tuple[int, str], tuple[FieldSpec, type[BaseModel]]] = {}


def _whole_float_to_int(value: Any) -> Any:
    """Pulumi sends ints as floats; ``5.0`` means 5. Bools are not integers."""
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _check_email(value: str) -> str:
    if not _EMAIL_RE.match(value):
        raise PydanticCustomError("email", "Input should be an email address")
    return value


_Integer = Annotated[StrictInt, BeforeValidator(_whole_float_to_int)]
_Email = Annotated[StrictStr, AfterValidator(_check_email)]
_Config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


def _scalar(spec: FieldSpec, model_name: str) -> Any:
    """The annotation for one node, ignoring nullability."""
    if spec.enum is not None:
        literal: Any = Literal[tuple(spec.enum)]
        if spec.type == "integer":
            return Annotated[literal, BeforeValidator(_whole_float_to_int)]
        return literal
    if spec.type == "string":
        return _Email if spec.format == "email" else StrictStr
    if spec.type == "integer":
        return _Integer
    if spec.type == "number":
        return StrictFloat
    if spec.type == "boolean":
        return StrictBool
    if spec.type == "object":
        if not spec.fields:  # the reference does not describe it: accept any object
            return dict[str, Any]
        return _object_model(spec, model_name)
    item = Any if spec.items is None else _annotation(spec.items, f"{model_name}Item")
    if spec.max_items is not None:
        return Annotated[list[item], Field(max_length=spec.max_items)]  # type: ignore[valid-type]
    return list[item]  # type: ignore[valid-type]


def _annotation(spec: FieldSpec, model_name: str) -> Any:
    annotation = _scalar(spec, model_name)
    return annotation | None if spec.nullable else annotation


def _object_model(spec: FieldSpec, model_name: str) -> type[BaseModel]:
    """A model for an object node; attributes are ``f_<name>`` aliased to the API name."""
    definitions: dict[str, Any] = {}
    for f in spec.fields:
        annotation = _annotation(f, f"{model_name}_{f.name}")
        # Optional fields default to None, which pydantic does not validate, so an
        # omitted field passes while an explicit null still needs ``nullable``.
        default = Field(... if f.required else None, alias=f.name, description=f.description)
        definitions[f"f_{f.name}"] = (annotation, default)
    return create_model(model_name, __config__=_Config, **definitions)


def model_for(schema: FieldSpec, name: str) -> type[BaseModel]:
    """Build (once) a model validating payloads of ``schema``.

    An object root gives a plain model; an array or free-form root gives a
    ``RootModel`` so error locations start with the item index.
    """
    key = (id(schema), name)
    with _lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] is schema:
            return hit[1]
        model: type[BaseModel]
        if schema.type == "object" and schema.fields and not schema.nullable:
            model = _object_model(schema, name)
        else:
            root = _annotation(schema, name)
            model = create_model(name, __base__=RootModel[root])  # type: ignore[valid-type]
        _cache[key] = (schema, model)
        return model


class _NoBody(BaseModel):
    """Stands in for operations without a request body: any field is unexpected."""

    model_config = ConfigDict(extra="forbid")


def validate_request(operation: Operation, payload: Any) -> None:
    """Raise ``pydantic.ValidationError`` unless ``payload`` fits the request body."""
    if operation.request is None:
        if payload is not None:
            _NoBody.model_validate(payload)
        return
    model_for(operation.request.schema_, f"{operation.id}_request").model_validate(payload)


def error_paths(error: ValidationError) -> list[str]:
    """Dotted API field paths of the errors, e.g. ``["queues.0.queue_name"]``."""
    return [".".join(str(part) for part in e["loc"]) for e in error.errors()]
