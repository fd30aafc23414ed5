"""Writing the Pulumi project: the program, the files it names, ``Pulumi.yaml`` and the
source stack's config (adoption ids and the ids of objects outside the export)."""

from __future__ import annotations

import json
from pathlib import Path

from zoomcc.exporter.exported import ExportResult
from zoomcc.exporter.files import Fetch, fetch_media
from zoomcc.exporter.rendering import render_program

PROJECT = "zoomcc-export"


def stack_config(result: ExportResult) -> str:
    """``Pulumi.<stack>.yaml`` for the account the export was read from."""
    lines = ["config:"]
    for key, why in sorted(result.account_objects.items()):
        if key in result.config:
            lines.append(f"  # {key}: {why}")
    for key, value in sorted(result.config.items()):
        lines.append(f"  {PROJECT}:{key}: {json.dumps(value)}")
    ids = sorted((o.name, o.object_id) for o in result.objects if o.has_own_id)
    if ids:
        lines.append(f"  {PROJECT}:importIds:")
        lines.extend(f"    {name}: {json.dumps(object_id)}" for name, object_id in ids)
    return "\n".join(lines) + "\n"


def write_project(
    result: ExportResult, out: Path, stack: str, fetch: Fetch | None = None
) -> list[Path]:
    """Write the project into ``out``, with the assets' media ``fetch`` downloads (without
    it, or where a file's URL does not answer, a note asks for the file); returns the files
    written."""
    out.mkdir(parents=True, exist_ok=True)
    media = fetch_media(result.objects, fetch)
    written = []
    main = out / "__main__.py"
    main.write_text(render_program(result))
    written.append(main)
    for obj in result.objects:
        for relative, text in sorted(obj.files.items()):
            path = out / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            written.append(path)
    for relative, data in sorted(media.items()):
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    project = out / "Pulumi.yaml"
    project.write_text(
        f"name: {PROJECT}\n"
        "description: Zoom Contact Center configuration exported by `zoomcc export`.\n"
        "runtime: python\n"
    )
    config = out / f"Pulumi.{stack}.yaml"
    config.write_text(stack_config(result))
    return [*written, project, config]
