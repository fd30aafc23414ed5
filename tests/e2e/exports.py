"""Steps the export's end-to-end tests share: run `zoomcc export` against an emulator, read
what it wrote, and compare two accounts with their ids set aside."""

from __future__ import annotations

import ast
import json
import os
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from pulumi import automation as auto

from tests.conftest import ACCOUNT_ID, CLIENT_ID, CLIENT_SECRET
from tests.e2e.stacks import Stacks, run_zoomcc
from zoomcc.emulator import EmulatorServer
from zoomcc.exporter import PROJECT

NOT_LISTABLE = {"stand_in_parents"}
"""Where the emulator keeps what the API cannot list: do-not-call lists (and their phones)
live on stand-in parents, since no call lists do-not-call lists."""


def run_export(emu: EmulatorServer, out: Path, *options: str) -> str:
    """`zoomcc export` of the emulator's account into ``out`` (its program's text); the
    secret shows nowhere in its output."""
    env = {
        **os.environ,
        "ZOOM_ACCOUNT_ID": ACCOUNT_ID,
        "ZOOM_CLIENT_ID": CLIENT_ID,
        "ZOOM_CLIENT_SECRET": CLIENT_SECRET,
        "ZOOM_BASE_URL": emu.api_base_url,
    }
    done = run_zoomcc("export", "--out", str(out), *options, env=env)
    assert done.returncode == 0, done.stderr
    assert CLIENT_SECRET not in done.stdout + done.stderr
    return (out / "__main__.py").read_text()


def stack_file(out: Path, stack: str = "dev") -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((out / f"Pulumi.{stack}.yaml").read_text())
    return loaded["config"]


def import_ids(out: Path) -> dict[str, str]:
    return dict(stack_file(out)[f"{PROJECT}:importIds"])


def outside_config(out: Path) -> dict[str, str]:
    """The config values naming objects outside the export (not the import ids)."""
    return {k: v for k, v in stack_file(out).items() if not k.endswith(":importIds")}


def supply_media(out: Path, program_text: str) -> None:
    """What a user does for the note above an asset: put its files where it says (those
    the export did not download)."""
    for path in re.findall(r'"(assets/[^"]+)"', program_text):
        if (out / path).is_file():
            continue
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(b"ID3 media supplied by hand")


@contextmanager
def in_an_empty_account(
    stacks: Stacks, out: Path, program_text: str
) -> Iterator[tuple[EmulatorServer, auto.Stack]]:
    """A new, empty account, and the export in ``out`` as its stack ``copy``, without import
    ids, as a user recreates an account elsewhere: media supplied by hand, the config
    naming what lies outside the export carried over."""
    supply_media(out, program_text)
    with EmulatorServer(port=0) as empty:
        (out / "Pulumi.copy.yaml").write_text(
            yaml.safe_dump({"config": outside_config(out)}, sort_keys=True)
        )
        yield empty, stacks.project(out, "copy", {"zoomcc:baseUrl": empty.api_base_url})


def without_ids(text: str, ids: dict[str, str]) -> str:
    for name, object_id in ids.items():
        text = text.replace(object_id, f"<{name}>")
    return text


def holdings(emu: EmulatorServer) -> Counter[str]:
    """Objects per collection (the account's fixtures included)."""
    return Counter(
        {name: len(objects) for name, objects in emu.state.all_objects().items() if objects}
    )


def flow_files(out: Path) -> dict[str, Any]:
    """Each exported flow's JSON, by file name."""
    folder = out / "flows"
    if not folder.is_dir():
        return {}
    return {p.name: json.loads(p.read_text()) for p in sorted(folder.glob("*.json"))}


def resource_count(program_text: str) -> int:
    """Resources the program declares."""
    return len(re.findall(r"^\w+ = zoomcc\.\w+\($", program_text, re.M))


def arguments(program_text: str) -> dict[str, tuple[str, set[str]]]:
    """Each resource the program declares: its type and the arguments it is given (but
    for the adoption's ``import_id``), by resource name."""
    found: dict[str, tuple[str, set[str]]] = {}
    for node in ast.walk(ast.parse(program_text)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "zoomcc"):
            continue
        first = node.args[0] if node.args else None
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            names = {k.arg for k in node.keywords if k.arg and k.arg != "import_id"}
            found[first.value] = (node.func.attr, names)
    return found


def declared_inputs(stack: auto.Stack) -> list[tuple[str, str, set[str]]]:
    """Each zoomcc resource of ``stack``'s state: its type, id and the inputs its program
    gave it (the provider's own ``__provider`` left out)."""
    found = []
    deployment = stack.export_stack().deployment or {}
    for resource in deployment.get("resources", []):
        kind = str(resource.get("type", ""))
        if not kind.startswith("pulumi-python:dynamic/zoomcc:"):
            continue
        inputs = {k for k, v in resource.get("inputs", {}).items() if v is not None}
        inputs.discard("__provider")
        found.append((kind.rsplit(":", 1)[-1], str(resource.get("id", "")), inputs))
    return found


def undeclared_arguments(
    program_text: str, ids: dict[str, str], source: auto.Stack
) -> dict[str, set[str]]:
    """The exported program's arguments that the resources of the ``source`` stack never
    declared: an object's against its source (the resource with the id its import id
    names), a membership's or a setting's against every source resource of its type.
    Exported objects without a source resource (made outside the program) are shown as
    ``{"<no source>"}``."""
    declared = declared_inputs(source)
    by_id = {(kind, object_id): inputs for kind, object_id, inputs in declared}
    by_type: dict[str, set[str]] = {}
    for kind, _, inputs in declared:
        by_type.setdefault(kind, set()).update(inputs)
    out: dict[str, set[str]] = {}
    for name, (kind, given) in arguments(program_text).items():
        if name in ids and (kind, ids[name]) not in by_id:
            out[name] = {"<no source>"}
            continue
        inputs = by_id[(kind, ids[name])] if name in ids else by_type.get(kind, set())
        if given - inputs:
            out[name] = given - inputs
    return out
