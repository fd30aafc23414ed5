"""The objects a review draws: read from a stack's state, with a preview's steps applied.

A state (``pulumi stack export``) names each object by its URN and holds its outputs; a
preview (``pulumi preview --json``) holds, per step, the old state and the new inputs. The
review keys every object by its URN, so an object that is replaced (new id) or created
(no id yet) is still the same node, and references the preview cannot know yet (ids of
objects still to be created) are followed through the step's ``propertyDependencies``.
"""

from __future__ import annotations

import base64
import json
import pickletools
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TYPE_PREFIX = "pulumi-python:dynamic/zoomcc:"
"""The type token of a zoomcc resource: the SDK registers module "zoomcc", name <Type>."""
GENERIC_TYPE = "pulumi-python:dynamic:Resource"
"""The type token of dynamic resources registered without a module (older states)."""
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
"""How the engine writes a value not known until apply in a preview's JSON."""

Status = str
"""One of ``added``, ``changed``, ``replaced``, ``deleted`` (or ``""``: untouched)."""
STEP_STATUS: dict[str, Status] = {
    "create": "added",
    "update": "changed",
    "replace": "replaced",
    "create-replacement": "replaced",
    "delete-replaced": "replaced",
    "delete": "deleted",
    "discard": "deleted",
    "import": "added",
}
GONE_AFTER = frozenset({"delete", "discard"})


class ReviewInputError(Exception):
    """A state, preview or stack the review cannot read (the message says which and why)."""


@dataclass(frozen=True)
class StateObject:
    """One zoomcc object: its type, Pulumi name, id, values (friendly names) and which
    objects each input came from."""

    key: str
    type_name: str
    name: str
    object_id: str
    values: Mapping[str, Any]
    depends: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Snapshot:
    """The objects before and after a change, and the status of each object's own step."""

    before: list[StateObject]
    after: list[StateObject]
    steps: dict[str, Status]


def type_of(resource: Mapping[str, Any]) -> str | None:
    """The zoomcc type of a state resource, or None for anything else."""
    token = str(resource.get("type", ""))
    if token.startswith(TYPE_PREFIX):
        return token.removeprefix(TYPE_PREFIX)
    if token == GENERIC_TYPE:
        pickled = (resource.get("outputs") or resource.get("inputs") or {}).get("__provider")
        return _type_in_pickle(pickled) if isinstance(pickled, str) else None
    return None


def _type_in_pickle(encoded: str) -> str | None:
    """The type name a pickled provider carries, read without unpickling it."""
    from zoomcc.resources import catalog

    try:
        ops = list(pickletools.genops(base64.b64decode(encoded)))
    except (ValueError, TypeError):
        return None
    names = [arg for _, arg, _ in ops if isinstance(arg, str) and arg in catalog.BY_NAME]
    return names[-1] if names else None


def _object(resource: Mapping[str, Any], values: Mapping[str, Any]) -> StateObject | None:
    type_name = type_of(resource)
    if type_name is None:
        return None
    urn = str(resource["urn"])
    deps = resource.get("propertyDependencies") or {}
    return StateObject(
        key=urn,
        type_name=type_name,
        name=urn.rsplit("::", 1)[-1],
        object_id=str(resource.get("id") or ""),
        values={k: v for k, v in values.items() if k != "__provider"},
        depends={k: tuple(v) for k, v in deps.items() if v},
    )


def read_state(document: Mapping[str, Any]) -> list[StateObject]:
    """The zoomcc objects of a ``pulumi stack export`` document (or its ``deployment``)."""
    deployment = document.get("deployment", document)
    resources = deployment.get("resources") if isinstance(deployment, Mapping) else None
    if not isinstance(resources, list):
        raise ReviewInputError("not a stack export: no `deployment.resources` list")
    found = []
    for resource in resources:
        values = {**(resource.get("inputs") or {}), **(resource.get("outputs") or {})}
        obj = _object(resource, values)
        if obj is not None:
            found.append(obj)
    return found


def apply_preview(before: list[StateObject], preview: Mapping[str, Any]) -> Snapshot:
    """The objects after the preview's steps, and each stepped object's status."""
    steps = preview.get("steps")
    if not isinstance(steps, list):
        raise ReviewInputError("not a `pulumi preview --json` document: no `steps` list")
    old = {obj.key: obj for obj in before}
    after: dict[str, StateObject] = dict(old)
    statuses: dict[str, Status] = {}
    for step in steps:
        op, urn = str(step.get("op", "")), str(step.get("urn", ""))
        if op in STEP_STATUS and statuses.get(urn) != "replaced":
            statuses[urn] = STEP_STATUS[op]
        if op in GONE_AFTER:
            after.pop(urn, None)
            continue
        new_state = step.get("newState")
        if not new_state or op == "delete-replaced":
            continue
        previous = old.get(urn)
        old_inputs = (step.get("oldState") or {}).get("inputs")
        kept = {} if previous is None else _outputs_only(previous, old_inputs)
        values = {**kept, **(new_state.get("inputs") or {})}
        obj = _object({**new_state, "id": previous.object_id if previous else ""}, values)
        if obj is not None:
            after[urn] = obj
    return Snapshot(before, list(after.values()), statuses)


def _outputs_only(obj: StateObject, old_inputs: Mapping[str, Any] | None) -> dict[str, Any]:
    """The old values a preview's new inputs do not restate: what the API derives (names,
    counts) or fills in (a queue's wait the program never set, kept by a description-only
    change), not an argument the program set (``old_inputs``, the step's old inputs) and no
    longer sets."""
    from zoomcc.resources import catalog

    spec = catalog.BY_NAME.get(obj.type_name)
    arguments = {spec.friendly(f) for f in spec.input_fields} if spec else set()
    if isinstance(old_inputs, Mapping):
        arguments &= set(old_inputs)
    return {k: v for k, v in obj.values.items() if k not in arguments}


def load_json(path: Path, what: str) -> Mapping[str, Any]:
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReviewInputError(f"cannot read the {what} {path}: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise ReviewInputError(f"the {what} {path} is not JSON: {exc}") from exc
    if not isinstance(loaded, Mapping):
        raise ReviewInputError(f"the {what} {path} is not a JSON object")
    return loaded


def load_state(state: str, project: Path | None = None) -> Mapping[str, Any]:
    """The state a user named: a `pulumi stack export` file, or a stack to export. A name
    ending in ``.json`` is a file, so a mistyped file is said to be missing rather than
    looked for as a stack."""
    path = Path(state)
    if path.is_file():
        return load_json(path, "state")
    if path.suffix.lower() == ".json":
        raise ReviewInputError(
            f"the state file {state} does not exist: pass a `pulumi stack export` file or "
            "the name of a stack"
        )
    return export_stack(state, project)


def export_stack(stack: str, cwd: Path | None = None) -> Mapping[str, Any]:
    """``pulumi stack export`` of a stack of the project in ``cwd``."""
    if shutil.which("pulumi") is None:
        raise ReviewInputError(
            f"there is no file {stack}, and `pulumi` is not on PATH to export a stack of that "
            "name: pass a `pulumi stack export` file"
        )
    done = subprocess.run(
        ["pulumi", "stack", "export", "--stack", stack],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise ReviewInputError(f"`pulumi stack export --stack {stack}` failed: {done.stderr}")
    loaded = json.loads(done.stdout)
    if not isinstance(loaded, Mapping):
        raise ReviewInputError(f"`pulumi stack export --stack {stack}` gave no JSON object")
    return loaded


def load_snapshot(
    state: Iterable[StateObject], preview: Mapping[str, Any] | None = None
) -> Snapshot:
    objects = list(state)
    if preview is None:
        return Snapshot(objects, objects, {})
    return apply_preview(objects, preview)
