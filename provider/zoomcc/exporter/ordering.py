"""Resources in dependency order: each after everything it refers to, otherwise by type
(the catalog's order) and name, so the order never depends on how the API listed them.

A program cannot declare two resources that refer to each other (queues overflowing to one
another): the reference that closes such a cycle is cut, and becomes stack config."""

from __future__ import annotations

from zoomcc.exporter.exported import ExportedObject
from zoomcc.exporter.references import targets
from zoomcc.resources import catalog

_TYPE_ORDER = {spec.name: n for n, spec in enumerate(catalog.ALL)}

Cut = tuple[str, str]
"""(resource, the resource it refers to) whose reference closes a cycle."""


def dependency_order(objects: list[ExportedObject]) -> tuple[list[ExportedObject], list[Cut]]:
    """``objects`` so that every reference points up, and the references cut to get there."""
    by_name = {o.name: o for o in objects}
    ordered: list[ExportedObject] = []
    cuts: list[Cut] = []
    state: dict[str, int] = {}

    def visit(obj: ExportedObject) -> None:
        state[obj.name] = 1
        for name in sorted(set(targets(obj.inputs))):
            if name not in by_name or state.get(name) == 2:
                continue
            if state.get(name) == 1:
                cuts.append((obj.name, name))
                continue
            visit(by_name[name])
        state[obj.name] = 2
        ordered.append(obj)

    for obj in sorted(objects, key=lambda o: (_TYPE_ORDER.get(o.spec.name, 0), o.name)):
        if obj.name not in state:
            visit(obj)
    return ordered, cuts
