"""Machine-readable Zoom Contact Center API spec, generated from the API reference.

``load_api_spec()`` reads the checked-in ``contact_center.json`` (regenerate it with
``python -m zoomcc.apispec.generate``), so the provider and its tests share one
source of truth for paths, fields, enums, scopes and error codes.
"""

from __future__ import annotations

import functools
from importlib import resources

from zoomcc.apispec.models import error_paths, model_for, validate_request
from zoomcc.apispec.spec import (
    ApiSpec,
    Body,
    ErrorSpec,
    FieldSpec,
    FieldType,
    Operation,
    OperationKey,
    QueryParam,
    QueryType,
    RateLabel,
    Response,
)

__all__ = [
    "SPEC_RESOURCE",
    "ApiSpec",
    "Body",
    "ErrorSpec",
    "FieldSpec",
    "FieldType",
    "Operation",
    "OperationKey",
    "QueryParam",
    "QueryType",
    "RateLabel",
    "Response",
    "error_paths",
    "load_api_spec",
    "model_for",
    "validate_request",
]

SPEC_RESOURCE = "contact_center.json"


@functools.cache
def load_api_spec() -> ApiSpec:
    """Load the packaged spec once; importlib.resources makes it work from a wheel."""
    packaged = resources.files(__package__).joinpath(SPEC_RESOURCE)
    return ApiSpec.from_json(packaged.read_bytes(), reopen=lambda: packaged.open("rb"))
