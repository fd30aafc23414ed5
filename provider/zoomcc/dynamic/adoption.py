"""Adopting existing objects instead of creating them: ``import_id``, and a create that
finds its name taken (``zoomcc:adoptExisting``). What to change and what to refuse is
decided here from the spec and the live object; the provider makes the calls."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from zoomcc.dynamic.values import extract, is_unknown, matches
from zoomcc.resources.spec import ResourceSpec

ADOPTION_KEY = "adoption_changes"
"""Output: for an adopted object, the fields adoption changed and their previous values."""


ADOPTING_KEY = "adopting"
"""Checked input of a create that adopts (``import_id``): what preview can say about the
adoption without calling the API (preview never does)."""


def adoption_preview(
    spec: ResourceSpec, object_id: str, declared: Mapping[str, Any]
) -> dict[str, Any]:
    """What preview shows of an adoption: the object taken over, the declared arguments it
    writes where Zoom holds another value, and those that must already match
    (``declared``: the checked inputs, friendly names). Which of them differ, and Zoom's
    values before, only the API can say: ``adoption_changes`` holds them after up."""
    names = sorted(
        k
        for k, v in declared.items()
        if v is not None and spec.friendly_to_api.get(k) in spec.input_fields
    )
    frozen = [k for k in names if spec.friendly_to_api[k] in spec.replace_fields]
    shown: dict[str, Any] = {
        "id": object_id,
        "writes_where_zoom_differs": [k for k in names if k not in frozen],
    }
    if frozen:
        shown["must_already_match"] = frozen
    shown["zoom_values_before"] = "in the adoption_changes output, after up"
    return shown


def with_adoption_preview(
    spec: ResourceSpec, olds: Mapping[str, Any], inputs: dict[str, Any], adopt: Any
) -> dict[str, Any]:
    """The checked inputs with ``adopting`` for a create that adopts; an adopted resource
    keeps the line it was adopted with, so later previews show no change in it."""
    if ADOPTING_KEY in olds:
        return {**inputs, ADOPTING_KEY: olds[ADOPTING_KEY]}
    existing = set(olds) - {"__provider"}  # olds of a create: none (the provider at most)
    if existing or not isinstance(adopt, str) or is_unknown(adopt):
        return inputs
    return {**inputs, ADOPTING_KEY: adoption_preview(spec, adopt, inputs)}


def as_read_back(spec: ResourceSpec, live: Mapping[str, Any]) -> dict[str, Any]:
    """``live`` with each ``read_back`` field read from where the GET holds it (a
    disposition set's ``disposition_ids`` from ``dispositions[].disposition_id``): what the
    outputs, and so every later diff, compare declared values with."""
    subject = f"{spec.name} {live.get(spec.id_field)}"
    read = {k: extract(live, path, subject=subject) for k, path in spec.read_back.items()}
    return {**live, **read}


class AdoptionError(Exception):
    """``import_id`` names no object, or one that differs where it cannot be changed."""


class NameConflictError(Exception):
    """Creating would duplicate an existing object's name."""


def nothing_to_adopt(spec: ResourceSpec, object_id: str, url: str) -> AdoptionError:
    return AdoptionError(
        f"{spec.name}: there is no object with id {object_id!r} to adopt "
        f"({spec.read_op.method} {url} found nothing); "
        "check import_id, or remove it to create a new object"
    )


def adoption_changes(
    spec: ResourceSpec, object_id: str, payload: Mapping[str, Any], live: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(API fields whose declared value differs from the live one, declared fields the live
    object lacks): what adoption writes. AdoptionError where a differing field cannot be
    changed in place."""
    differs = {k: v for k, v in payload.items() if k in live and not matches(v, live.get(k))}
    frozen = sorted(spec.friendly(k) for k in differs if k in spec.replace_fields)
    if frozen:
        shown = ", ".join(
            f"{f}: {live.get(spec.friendly_to_api[f])!r} in Zoom, "
            f"{payload[spec.friendly_to_api[f]]!r} declared"
            for f in frozen
        )
        raise AdoptionError(
            f"{spec.name} {object_id}: cannot adopt, these arguments differ and cannot "
            f"be changed in place ({shown}); declare Zoom's values or create a new object"
        )
    missing = {k: v for k, v in payload.items() if k not in live and k not in spec.non_body_inputs}
    return differs, missing


def adopt_existing(stack_config: Mapping[str, Any]) -> str:
    """``zoomcc:adoptExisting`` (or ``ZOOMCC_ADOPT_EXISTING``): ``never`` or ``matching``."""
    value = stack_config.get("zoomcc:adoptExisting") or os.environ.get(
        "ZOOMCC_ADOPT_EXISTING", "never"
    )
    return str(value).strip().lower()


def create_differences(
    spec: ResourceSpec, payload: Mapping[str, Any], live: Mapping[str, Any]
) -> list[str]:
    """Friendly names of what our own create call would have set and the live object holds
    otherwise (an interrupted create may not have reached its follow-up PATCH, and adoption
    sets the rest anyway)."""
    return sorted(
        spec.friendly(k)
        for k, v in payload.items()
        if k in spec.create_fields and k in live and not matches(v, live[k])
    )


def name_conflict(
    spec: ResourceSpec, payload: Mapping[str, Any], existing: str, differs: list[str] | None
) -> NameConflictError:
    """The refusal to create a second object under a taken name; ``differs``: why the
    existing one was not adopted automatically (None: adoption was not asked for)."""
    assert spec.natural_key_api is not None
    hint = (
        f" It differs in {', '.join(differs)}, so it is not adopted automatically."
        if differs
        else ""
    )
    return NameConflictError(
        f"{spec.name} named {payload[spec.natural_key_api]!r} already exists "
        f"in Zoom (id {existing}). Adopt it with import_id={existing!r}, "
        f"or choose another {spec.natural_key}.{hint}"
    )
