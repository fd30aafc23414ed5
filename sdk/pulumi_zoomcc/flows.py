"""Putting managed objects' ids into a flow's JSON: ``flow_file`` fills the ``${<name>}``
placeholders a flow file holds (the syntax ``zoomcc export`` writes) with ids known only
once Pulumi has them, and gives the ``file`` a ``zoomcc.Flow`` takes."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pulumi

from zoomcc.resources.flow_content import fill, placeholder

RESOLVED_DIR = "resolved_flows"
"""Where the filled files are written, relative to the program's working directory."""


def flow_file(
    template: str | os.PathLike[str],
    ids: Mapping[str, pulumi.Input[str | None]],
    *,
    out_dir: str | os.PathLike[str] = RESOLVED_DIR,
) -> pulumi.Output[str]:
    """The flow's JSON at ``template`` with each ``${<name>}`` replaced by the id ``ids``
    gives for ``name``, written to ``out_dir`` under the template's file name: that path,
    once every id is known (the ``file`` of a ``zoomcc.Flow``, which then depends on them).

    ``zoomcc.flow_file("flows/support.json", {"queue_support": support.id})`` turns
    ``"queue_id": "${queue_support}"`` into the queue's real id. An id that is ``None`` (a
    stack config value left unset) leaves its placeholder as it is.
    """
    source = Path(template)
    for name in ids:
        placeholder(name)  # a bad name fails here, in the program, with the name
    if not source.is_file():
        raise FileNotFoundError(f"flow_file: no flow file at {source}")

    def write(known: dict[str, str | None]) -> str:
        text = fill(source.read_text(encoding="utf-8"), known)
        path = Path(out_dir) / source.name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        return str(path)

    if not ids:
        return pulumi.Output.from_input(write({}))
    return pulumi.Output.all(**ids).apply(write)
