"""Finding the objects a value points at: by id, by the dependencies the engine recorded
(ids not known until apply), by name, or a stand-in for an object the state does not hold
(a user managed outside the stack, the account's root team)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from zoomcc.review.stack_state import UNKNOWN, StateObject

NAME_FIELDS = ("name", "display_name", "user_email")


class Index:
    """The objects of one snapshot, by type, by id and by name."""

    def __init__(self, objects: Iterable[StateObject]) -> None:
        self.objects = list(objects)
        self.by_key = {obj.key: obj for obj in self.objects}
        self.by_id: dict[tuple[str, str], StateObject] = {}
        for obj in self.objects:
            for value in (obj.object_id, *(str(obj.values.get(f) or "") for f in NAME_FIELDS)):
                if value and value != UNKNOWN:
                    self.by_id.setdefault((obj.type_name, value), obj)
            for alias in ("cc_user_id", "user_id") if obj.type_name == "User" else ():
                value = str(obj.values.get(alias) or "")
                if value:
                    self.by_id.setdefault((obj.type_name, value), obj)

    def of_type(self, type_name: str) -> list[StateObject]:
        return [obj for obj in self.objects if obj.type_name == type_name]

    def refs(self, obj: StateObject, field: str, target: str) -> list[str]:
        """Keys of the ``target`` objects ``obj.values[field]`` names (a value or a list)."""
        raw = obj.values.get(field)
        values = raw if isinstance(raw, list) else [] if raw in (None, "") else [raw]
        return self.resolve(obj, field, target, [str(v) for v in values])

    def resolve(
        self, obj: StateObject, field: str, target: str, values: Sequence[str]
    ) -> list[str]:
        keys: list[str] = []
        pending = [v for v in values if v == UNKNOWN]
        for value in values:
            found = self.by_id.get((target, value))
            if found is not None:
                keys.append(found.key)
            elif value != UNKNOWN:
                keys.append(stand_in(target, value))
        if pending:
            keys += [
                k
                for k in obj.depends.get(field, ())
                if k in self.by_key and self.by_key[k].type_name == target and k not in keys
            ]
        return keys

    def one(self, obj: StateObject, field: str, target: str) -> str | None:
        found = self.refs(obj, field, target)
        return found[0] if found else None

    def parent_of(self, obj: StateObject, field: str, target: str) -> str | None:
        """A membership's or setting's parent (its id is the parent's id)."""
        return self.one(obj, field, target) or (
            self.resolve(obj, field, target, [obj.object_id])[0] if obj.object_id else None
        )

    def title(self, key: str) -> str:
        obj = self.by_key.get(key)
        if obj is None:
            return key.split(":", 1)[-1]
        if obj.type_name == "User":
            return person_title(obj)
        for name in NAME_FIELDS:
            value = obj.values.get(name)
            if isinstance(value, str) and value and value != UNKNOWN:
                return value
        return obj.name


def person_title(user: StateObject) -> str:
    """How a reviewer knows an agent: the display name where it says more than the email's
    local part (``Ana Lopez``), else the email (``ana@example.com``); the resource's name
    (``user-ana``) only when the state holds neither."""
    email, shown = (_known(user.values.get(k)) for k in ("user_email", "display_name"))
    if shown and shown != email.split("@", 1)[0]:
        return shown
    return email or shown or user.name


def _known(value: Any) -> str:
    return value if isinstance(value, str) and value != UNKNOWN else ""


def stand_in(type_name: str, value: str) -> str:
    """The key of an object the state does not hold, named by the value that points at it."""
    return f"{type_name}:{value}"


FLOW_NODES = "flow_nodes"
"""What a flow's state holds of the JSON it deployed, and a preview's step of the new file's
(``Upload.nodes``): each side of a review reads its own."""


def flow_queue_names(obj: StateObject, search: Sequence[Path]) -> list[str]:
    """The queue ids or names a flow's exported definition routes to (values under a key
    naming a queue): the nodes its state or preview step holds (the deployed flow before a
    change, the new file after it), else read from the account, else from the flow's file
    when it is at hand (a state written before states kept the nodes)."""
    nodes = obj.values.get(FLOW_NODES)
    if isinstance(nodes, dict) and nodes:  # keyed by node id: the ids name no queue
        return list(dict.fromkeys(_queue_values(list(nodes.values()))))
    content = obj.values.get("flow_content")
    if content:
        return list(dict.fromkeys(_queue_values(content)))
    file = obj.values.get("file")
    if not isinstance(file, str) or not file or file == UNKNOWN:
        return []
    for base in (Path(), *search):
        path = base / file
        if path.is_file():
            try:
                return list(dict.fromkeys(_queue_values(json.loads(path.read_text()))))
            except (OSError, ValueError):
                return []
    return []


def _queue_values(node: Any, under_queue_key: bool = False) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _queue_values(value, "queue" in str(key).lower())
    elif isinstance(node, list):
        for item in node:
            yield from _queue_values(item, under_queue_key)
    elif under_queue_key and isinstance(node, str) and node:
        yield node
