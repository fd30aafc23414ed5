"""Documented corrections to the Contact Center API reference.

The reference contradicts itself in a few places (a field declared one way while
every example does another). Each correction is data: where it applies, what
the reference says now (``expect``), what we use instead (``replace``) and why.
If the reference is fixed or changes, ``expect`` no longer matches and the
generator fails, so stale errata cannot linger silently.

Values outside an enum in an example are *not* corrected here: widening an enum
would hide real mistakes. The tests list those examples as known-invalid.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from zoomcc.apispec.dialing_settings import DIALING_FIELDS, SETTINGS_PATHS
from zoomcc.apispec.required_names import REQUIRED_NAMES
from zoomcc.apispec.spec import FieldSpec

__all__ = ["ERRATA", "Erratum", "ErratumError", "apply_errata"]


class ErratumError(ValueError):
    """An erratum no longer fits the reference and must be updated or removed."""


@dataclass(frozen=True)
class Erratum:
    """Replace attributes of one field node of one body.

    ``target`` is ``"request"`` or ``"response:<status>"``. ``field`` is a dotted
    path from the body root (``""`` is the root); ``[]`` steps into array items,
    e.g. ``"queues[].queue_name"``.
    """

    method: str
    path: str
    target: str
    field: str
    expect: Mapping[str, Any]
    replace: Mapping[str, Any]
    reason: str


def _spec(**kwargs: Any) -> dict[str, Any]:
    """A complete FieldSpec dict, as the parser produces, for ``replace`` values."""
    return FieldSpec.model_validate(kwargs).model_dump(mode="json")


ERRATA: list[Erratum] = [
    Erratum(
        method="DELETE",
        path="/contact_center/roles/{roleId}/privileges",
        target="request",
        field="",
        expect={"fields": []},
        replace={
            "fields": [
                _spec(
                    name="privileges",
                    type="array",
                    required=True,
                    description="The privileges to remove from the role.",
                    items=_spec(name="", type="string", required=True),
                )
            ]
        },
        reason=(
            "The request body has an example but no field list; without one it would accept "
            "anything. The example and the description ('given a valid role ID and privilege "
            "list') show a required array of privilege strings."
        ),
    ),
]


ERRATA += [
    Erratum(
        method="POST",
        path=name.path,
        target="request",
        field=name.field,
        expect={"required": False},
        replace={"required": True},
        reason=f"A create without {name.field} cannot name the object: {name.reason}.",
    )
    for name in REQUIRED_NAMES
]
ERRATA += [
    Erratum(
        method=method,
        path=path,
        target=target,
        field="dialing_method_settings",
        expect={"fields": []},
        replace={"fields": DIALING_FIELDS},
        reason="Named but not described (line 5136: \"One of either progressive, preview, or "
        'agentless dialing."), so it would take anything; its fields are the examples\' '
        "(lines 5263-5272: the progressive dialer's) and the update body's settings of each "
        "dialing method (lines 5825-5937), none required (zoomcc.apispec.dialing_settings).",
    )
    for method, path, target in SETTINGS_PATHS
]


def _find_body(op: dict[str, Any], target: str) -> dict[str, Any]:
    if target == "request":
        body = op["request"]
    elif m := re.fullmatch(r"response:(\d{3})", target):
        status = int(m.group(1))
        body = next((r["body"] for r in op["responses"] if r["status"] == status), None)
    else:
        raise ErratumError(f"bad erratum target {target!r}")
    if body is None:
        raise ErratumError(f"{op['method']} {op['path']} has no {target} body")
    schema: dict[str, Any] = body["schema"]
    return schema


def _find_node(root: dict[str, Any], dotted: str) -> dict[str, Any]:
    node = root
    for step in re.findall(r"\[\]|[^.\[\]]+", dotted):
        nxt = (
            node["items"]
            if step == "[]"
            else next((f for f in node["fields"] if f["name"] == step), None)
        )
        if nxt is None:
            raise ErratumError(f"no field {dotted!r} (stuck at {step!r})")
        node = nxt
    return node


def apply_errata(ops: Iterable[dict[str, Any]], errata: Iterable[Erratum]) -> None:
    """Apply ``errata`` in place to parsed operation dicts; fail if one does not fit."""
    by_key = {(op["method"], op["path"]): op for op in ops}
    for e in errata:
        where = f"erratum {e.method} {e.path} {e.target} {e.field or '<root>'}"
        op = by_key.get((e.method, e.path))
        if op is None:
            raise ErratumError(f"{where}: no such operation")
        try:
            node = _find_node(_find_body(op, e.target), e.field)
        except ErratumError as exc:
            raise ErratumError(f"{where}: {exc}") from exc
        for key, want in e.expect.items():
            if node.get(key) != want:
                raise ErratumError(
                    f"{where}: reference now has {key}={node.get(key)!r}, erratum expects "
                    f"{want!r}; the reference changed, so update or drop this erratum"
                )
        unknown = set(e.replace) - set(node)
        if unknown:
            raise ErratumError(f"{where}: unknown FieldSpec keys {sorted(unknown)}")
        node.update(e.replace)
