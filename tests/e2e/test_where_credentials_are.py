"""The README says exactly where the credentials are: the client secret is in the state only
as ciphertext, as the default provider's config; the pickled provider and the outputs hold no
credential. Checked on a real stack's `pulumi stack export`."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ACCOUNT_ID, CLIENT_ID, CLIENT_SECRET
from tests.e2e.stacks import Stacks
from tests.reliability.support import pulumi_cli
from zoomcc.emulator import EmulatorServer

pytestmark = pytest.mark.e2e

README = Path(__file__).resolve().parents[2] / "README.md"
SECRET_SIG = "4dabf18193072939515e22adb298388d"
"""The key Pulumi marks a secret value with in a state file."""

PROGRAM = """\
import pulumi_zoomcc as zoomcc

zoomcc.SkillCategory("languages", name="Languages", skill_type="text")
"""


def test_the_client_secret_is_in_the_state_only_as_the_providers_ciphertext(
    stacks: Stacks, emulator: EmulatorServer
) -> None:
    stack = stacks.program(PROGRAM, "credentials")
    stack.up()
    # The CLI itself: the Automation API's export_stack shows secrets.
    export = pulumi_cli(stack, stacks.backend, "stack", "export")
    assert export.returncode == 0, export.stderr
    resources: list[dict[str, Any]] = json.loads(export.stdout)["deployment"]["resources"]
    exported = json.dumps(resources)
    assert CLIENT_SECRET not in exported

    holding = [r for r in resources if "zoomcc:clientSecret" in json.dumps(r)]
    assert [r["type"] for r in holding] == ["pulumi:providers:pulumi-python"]
    (provider,) = holding
    for side in ("inputs", "outputs"):
        secret = provider[side]["zoomcc:clientSecret"]
        assert set(secret) == {SECRET_SIG, "ciphertext"}
        assert provider[side]["zoomcc:clientId"] == CLIENT_ID  # plain text, as the README says

    (category,) = [r for r in resources if r["type"].endswith("zoomcc:SkillCategory")]
    pickled = base64.b64decode(category["inputs"]["__provider"])
    for credential in (CLIENT_SECRET, CLIENT_ID, ACCOUNT_ID):
        assert credential.encode() not in pickled
        assert credential not in json.dumps(category["outputs"])

    readme = " ".join(README.read_text(encoding="utf-8").split())
    assert f'"zoomcc:clientSecret": {{"{SECRET_SIG}":' in readme
    assert "never reach the state" not in readme
