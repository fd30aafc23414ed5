"""`zoomcc export` of an account holding every type, through the real engine: deploy the
program of every type into account A, export A, run the export into an empty account B
with a stack without import ids, export B: the two exports are the same apart from ids,
and so are the accounts; then the export adopts A with its import ids, sending no POST."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ACCOUNT_ID, CLIENT_ID, CLIENT_SECRET
from tests.e2e.stacks import make_stack, project_stack
from tests.support.cases import declare, program
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.engine.toolchain import EngineToolchain
from zoomcc.exporter import PROJECT

pytestmark = pytest.mark.e2e

NOT_LISTABLE = {"sub_resources"}
"""Where the emulator keeps what the API cannot list: do-not-call lists (and their phones)
live on stand-in parents, since no call lists do-not-call lists."""


def run_export(emu: EmulatorServer, out: Path) -> str:
    env = {
        **os.environ,
        "ZOOM_ACCOUNT_ID": ACCOUNT_ID,
        "ZOOM_CLIENT_ID": CLIENT_ID,
        "ZOOM_CLIENT_SECRET": CLIENT_SECRET,
        "ZOOM_BASE_URL": emu.api_base_url,
    }
    done = subprocess.run(
        [sys.executable, "-m", "zoomcc.cli", "export", "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
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
    """What a user does for the note above an asset: put its files where it says."""
    for path in re.findall(r'"(assets/[^"]+)"', program_text):
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(b"ID3 media supplied by hand")


def without_ids(text: str, ids: dict[str, str]) -> str:
    for name, object_id in ids.items():
        text = text.replace(object_id, f"<{name}>")
    return text


def holdings(emu: EmulatorServer) -> Counter[str]:
    """Objects per collection (the account's fixtures included)."""
    return Counter(
        {name: len(objects) for name, objects in emu.state.all_objects().items() if objects}
    )


def test_export_recreates_every_type_and_adopts_the_source(
    engine: EngineToolchain,
    backend: Path,
    tmp_path: Path,
    emulator: EmulatorServer,
    stack_config: dict[str, Any],
    api: ZoomClient,
) -> None:
    declared, skipped = declare(api, emulator)
    assert skipped == {}
    source = make_stack(backend, program(declared, 1), stack_config, name="account-a")
    source.up()

    out_a = tmp_path / "export-a"
    first = run_export(emulator, out_a)
    assert run_export(emulator, tmp_path / "export-a-again") == first  # deterministic
    ids_a = import_ids(out_a)
    # No id of an exported object is written in the program: they are all references.
    assert [i for i in ids_a.values() if i in first] == []
    lint = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", str(out_a / "__main__.py")],
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout

    # Account B, empty: the export without import ids recreates the configuration.
    supply_media(out_a, first)
    with EmulatorServer(port=0) as empty:
        (out_a / "Pulumi.copy.yaml").write_text(
            yaml.safe_dump({"config": outside_config(out_a)}, sort_keys=True)
        )
        config_b = {**stack_config, "zoomcc:baseUrl": empty.api_base_url}
        copy = project_stack(out_a, backend, config_b, "copy")
        up = copy.up()
        assert up.summary.result == "succeeded"
        assert copy.preview().change_summary == {"same": len(ids_a) + _relations(first) + 1}
        out_b = tmp_path / "export-b"
        second = run_export(empty, out_b)
        assert without_ids(second, import_ids(out_b)) == without_ids(first, ids_a)
        assert second == first
        assert outside_config(out_b) == outside_config(out_a)
        assert sorted(p.name for p in (out_b / "flows").iterdir()) == sorted(
            p.name for p in (out_a / "flows").iterdir()
        )
        for flow in (out_a / "flows").iterdir():
            assert json.loads((out_b / "flows" / flow.name).read_text()) == json.loads(
                flow.read_text()
            )
        held_a, held_b = holdings(emulator), holdings(empty)
        for name in NOT_LISTABLE:
            held_a.pop(name, None)
        assert held_b == held_a

    # Account A again, with the import ids: everything adopted, nothing created.
    adopt = project_stack(out_a, backend, stack_config, "dev")
    emulator.state.clear_requests()
    adopt.up()
    posts = [
        r for r in emulator.state.requests if r.method == "POST" and r.operation != "oauth.token"
    ]
    assert posts == []
    assert adopt.preview().change_summary == {"same": len(ids_a) + _relations(first) + 1}


def _relations(program_text: str) -> int:
    """Membership and settings resources of the program (they have no import id)."""
    resources = len(re.findall(r"^\w+ = zoomcc\.\w+\($", program_text, re.M))
    return resources - len(re.findall(r"import_id=import_ids", program_text))
