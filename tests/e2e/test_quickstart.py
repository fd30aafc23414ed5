"""The README's first command: `pulumi up` on the root project through the real CLI."""

from __future__ import annotations

import os
import re

import pytest

from tests.e2e.stacks import example_project, run_zoomcc
from zoomcc.engine.toolchain import EngineToolchain

pytestmark = pytest.mark.e2e
QUICKSTART = example_project("quickstart")


def test_quickstart_deploys_shows_outputs_and_cleans_up(engine: EngineToolchain) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZOOM_")}
    env["COLUMNS"] = "200"
    done = run_zoomcc("quickstart", "--project-dir", str(QUICKSTART), env=env)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out[-4000:]
    assert "+ 12 created" in out
    # The outputs table lists every stack output with a real id.
    for name in ("support_queue_id", "team_id", "closure_set_id", "disposition_set_id"):
        assert re.search(rf"{name}\s+│\s+[A-Za-z0-9_-]{{22}}", out), name
    assert "no changes" in out.lower() or "12 unchanged" in out
    assert "- 12 deleted" in out
    assert "objects left in the emulator: 0" in out
    assert "warning" not in out.lower()
    assert "emulator-secret" not in out
