"""The Pulumi package schema of the native plugin (``plugin/schema.json``), from the specs:
every type as ``zoomcc:index:<Name>`` with camelCase properties, the provider's settings,
and each lookup as a function (``zoomcc:index:getQueue``).

``pulumi package get-schema`` prints it from the plugin; Pulumi YAML reads it through the
engine to check a program's properties and to know which of them are secret.
"""

from __future__ import annotations

import json
from importlib import metadata
from typing import Any

from zoomcc.codegen.lookups import lookup_fields, lookup_specs
from zoomcc.codegen.schema_types import ASSET, FREE_FORM, Json, SchemaTypes, token
from zoomcc.codegen.sdk import output_fields
from zoomcc.codegen.sdk_names import type_name
from zoomcc.codegen.types import first_sentence
from zoomcc.codegen.uploads import FILE_DOC, file_fields
from zoomcc.resources import catalog
from zoomcc.resources.base import BaseSpec
from zoomcc.resources.property_names import camel
from zoomcc.resources.rules import required_arguments
from zoomcc.resources.spec import ResourceSpec

ACCOUNT = {
    "type": "string",
    "description": "The name of an account profile in the provider's `accounts`; default: "
    "the provider's own settings. Moving a resource to another account replaces it.",
}
IMPORT_ID = {
    "type": "string",
    "description": "Adopt the existing object with this id instead of creating one: it is "
    "read, brought to the declared arguments, and managed from then on.",
}
ADOPTION_CHANGES = {
    **FREE_FORM,
    "description": "What an adoption (`importId`) changed: each argument's value before.",
}

SETTINGS: dict[str, Json] = {
    "accountId": {"type": "string", "description": "The Zoom account id ($ZOOM_ACCOUNT_ID)."},
    "clientId": {"type": "string", "description": "The Server-to-Server OAuth app's client id."},
    "clientSecret": {
        "type": "string",
        "secret": True,
        "description": "The OAuth app's client secret: set it with `--secret`.",
    },
    "baseUrl": {"type": "string", "description": "Default `https://api.zoom.us/v2`."},
    "oauthUrl": {"type": "string", "description": "Derived from `baseUrl` when unset."},
    "plan": {"type": "string", "description": "`pro` or `business`: the rate limits to pace to."},
    "pacing": {"type": "string", "description": "`false` turns client-side pacing off."},
    "rateLimits": {
        "type": "object",
        "additionalProperties": {"type": "number"},
        "description": "The account's own rate limits, requests per second by label "
        '(`{"LIGHT": 30}`), over the plan\'s; paced at 95% of them.',
    },
    "adoptExisting": {
        "type": "string",
        "description": "`matching`: on a name conflict, adopt an existing object whose every "
        "created value already matches (`never` by default).",
    },
}
PROFILE = "AccountProfile"
"""The object type of one ``accounts`` profile."""


def _config(types: SchemaTypes) -> dict[str, Json]:
    profile = {k: v for k, v in SETTINGS.items() if k != "adoptExisting"}
    types.types[token(PROFILE)] = {
        "type": "object",
        "description": "One Zoom account's settings; nothing is inherited.",
        "properties": profile,
    }
    accounts = {
        "type": "object",
        "additionalProperties": {"$ref": f"#/types/{token(PROFILE)}"},
        "description": "Named account profiles, each a Zoom account of its own.",
    }
    return {**SETTINGS, "accounts": accounts}


def _inputs(spec: BaseSpec, types: SchemaTypes) -> tuple[dict[str, Json], list[str]]:
    """The arguments' property specs and the required ones."""
    properties: dict[str, Json] = {}
    required: list[str] = []
    files = file_fields(spec)
    types.files |= {f for f in files if "." in f}
    for api_field, node in spec.input_fields.items():
        name = camel(spec.friendly(api_field))
        note = "Changing it replaces the object." if api_field in spec.replace_fields else ""
        if api_field in files:
            properties[name] = {"$ref": ASSET, "description": f"{FILE_DOC} {note}".strip()}
        else:
            properties[name] = types.described(node, type_name(spec, api_field), note=note)
        if node.required or api_field in required_arguments(spec.rules):
            required.append(name)
    if spec.supports_import:
        properties["importId"] = IMPORT_ID
    properties["account"] = ACCOUNT
    return properties, sorted(required)


def _outputs(spec: BaseSpec, types: SchemaTypes, inputs: dict[str, Json]) -> dict[str, Json]:
    properties = dict(inputs)
    for api_field, node in output_fields(spec).items():
        name = camel(spec.friendly(api_field))
        if name not in properties:
            properties[name] = types.described(node, type_name(spec, api_field), output=True)
    properties["adoptionChanges"] = ADOPTION_CHANGES
    return properties


def _resource(spec: BaseSpec, types: SchemaTypes) -> Json:
    inputs, required = _inputs(spec, types)
    return {
        "description": f"{spec.summary}\n\nAPI object: `{spec.api_path}` (id `{spec.id_key}`).",
        "inputProperties": inputs,
        "requiredInputs": required,
        "properties": _outputs(spec, types, inputs),
    }


def _function(spec: ResourceSpec, types: SchemaTypes) -> Json:
    scope = [spec.friendly(f) for f in spec.natural_key_scope] + list(spec.list_parents.values())
    args: dict[str, Json] = {
        "id": {"type": "string", "description": f"The {spec.name}'s id."},
        "name": {"type": "string", "description": f"The {spec.name}'s name."},
        **{camel(p): {"type": "string"} for p in dict.fromkeys(scope)},
        "account": ACCOUNT,
    }
    result: dict[str, Json] = {"id": {"type": "string"}}
    for api_field, node in lookup_fields(spec).items():
        name = camel(spec.friendly(api_field))
        result.setdefault(name, types.described(node, type_name(spec, api_field), output=True))
    return {
        "description": f"A {spec.name} by id or by name: {first_sentence(spec.summary)}",
        "inputs": {"type": "object", "properties": args},
        "outputs": {"type": "object", "properties": result, "required": ["id"]},
    }


def schema(version: str | None = None) -> dict[str, Any]:
    types = SchemaTypes()
    config = _config(types)
    resources = {token(s.name): _resource(s, types) for s in catalog.ALL}
    functions = {token(f"get{s.name}"): _function(s, types) for s in lookup_specs(catalog.ALL)}
    return {
        "name": "zoomcc",
        "displayName": "Zoom Contact Center",
        "version": version or metadata.version("pulumi-zoomcc"),
        "description": "Zoom Contact Center configuration as code.",
        "config": {"variables": config},
        "provider": {"description": "The Zoom account to manage.", "inputProperties": config},
        "resources": resources,
        "functions": functions,
        "types": dict(sorted(types.types.items())),
    }


def render() -> str:
    return json.dumps(schema(), indent=2) + "\n"
