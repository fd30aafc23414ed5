"""`zoomcc rehearse` against a stand-in production account (an emulator with its request log):
a change production would refuse (a declared queue whose name somebody took by hand) fails
the rehearsal and names the conflict; a valid change that replaces queues under their own
names passes. Production sees no write call in either, and the stack's state and settings
files are unchanged, byte for byte."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from tests.e2e.stacks import PASSPHRASE, Stacks, edit_program, project_stack, working_copy
from tests.e2e.test_multi_account import accounts as accounts
from tests.e2e.test_multi_account import profiles
from zoomcc.emulator import EmulatorServer
from zoomcc.engine.toolchain import EngineToolchain
from zoomcc.rehearsal.copy import Target, make_copy
from zoomcc.rehearsal.stack import Stack

pytestmark = pytest.mark.e2e
STACK = "prod"
PROGRAM = """\
import pulumi_zoomcc as zoomcc

support = zoomcc.Queue("support", name="Support", channel="voice")
billing = zoomcc.Queue("billing", name="Billing", channel="voice")
languages = zoomcc.SkillCategory(
    "languages", name="Languages", skill_type="proficiency", max_proficiency_level=5
)
french = zoomcc.Skill("french", name="French", skill_category_id=languages.id)
"""
TAKEN = [
    (
        'billing = zoomcc.Queue("billing", name="Billing", channel="voice")\n',
        'billing = zoomcc.Queue("billing", name="Billing", channel="voice")\n'
        'sales = zoomcc.Queue("sales", name="Sales", channel="voice")\n',
    )
]
"""Adds a queue named Sales: production already has one, made by hand."""
REPLACED = [
    ('skill_type="proficiency", max_proficiency_level=5', 'skill_type="text"'),
]
"""The skill category becomes a text category: a new category under the same name, and so a
new skill French in it (the skill's category cannot change in place)."""


def rehearse(project: Path, backend: Path) -> tuple[int, dict[str, Any], str]:
    env = {
        **os.environ,
        "PULUMI_BACKEND_URL": f"file://{backend}",
        "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
        "PULUMI_HOME": str(backend / ".pulumi-home"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "zoomcc.cli", "rehearse", "--stack", STACK, "--json"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = json.loads(done.stdout) if done.stdout.strip().startswith("{") else {}
    return done.returncode, report, done.stderr


def stack_files(project: Path, backend: Path) -> dict[str, bytes]:
    """The stack's state (and its backups) and its settings file, as bytes."""
    files = [p for p in (backend / ".pulumi").rglob("*") if p.is_file()]
    files.append(project / f"Pulumi.{STACK}.yaml")
    return {str(p): p.read_bytes() for p in sorted(files)}


def writes(emulator: EmulatorServer) -> list[str]:
    """Every request production saw other than a read or the token request."""
    return [
        f"{r.method} {r.path}"
        for r in emulator.state.requests
        if r.method != "GET" and r.operation != "oauth.token"
    ]


DESCRIBED = [
    ('name="Billing", channel="voice"', 'name="Billing", channel="voice", description="B"')
]
"""Billing gets a description: an update in place."""


def take_sales(emulator: EmulatorServer) -> None:
    """Somebody makes a queue named Sales in the web portal."""
    emulator.state.seed("queues", [{"queue_name": "Sales", "channel": "voice"}])


def delete_billing(emulator: EmulatorServer) -> None:
    """Somebody deletes the Billing queue in the web portal."""
    (billing,) = [q for q in emulator.state.objects("queues") if q["queue_name"] == "Billing"]
    with emulator.state.locked_store() as store:
        store.remove("queues", str(billing["cc_queue_id"]))


@pytest.fixture()
def production(stacks: Stacks, emulator: EmulatorServer) -> auto.Stack:
    """A deployed stack of two queues, a skill category and a skill in "production"."""
    stack = stacks.program(PROGRAM, STACK)
    stack.up()
    return stack


@pytest.mark.parametrize(
    ("by_hand", "change", "passes", "named"),
    [
        (take_sales, TAKEN, False, "Queue named 'Sales' already exists"),
        (delete_billing, DESCRIBED, False, "404 1201 Queue does not exist"),
        (take_sales, REPLACED, True, ""),
    ],
    ids=[
        "a queue whose name was taken by hand fails",
        "a queue deleted by hand fails with the API's message",
        "a skill category and skill replaced under their names pass",
    ],
)
def test_a_rehearsal_runs_the_change_on_a_copy_and_production_sees_only_reads(
    production: auto.Stack,
    stacks: Stacks,
    emulator: EmulatorServer,
    by_hand: Callable[[EmulatorServer], None],
    change: list[tuple[str, str]],
    passes: bool,
    named: str,
) -> None:
    """The rehearsal's verdict and refusals are the change's; production only read."""
    by_hand(emulator)
    emulator.state.clear_requests()
    project = Path(production.workspace.work_dir)
    edit_program(project, change)
    before = stack_files(project, stacks.backend)
    held = emulator.state.all_objects()
    code, report, stderr = rehearse(project, stacks.backend)
    assert report, stderr
    assert (code == 0) is passes, report
    assert report["passed"] is passes
    messages = [m for r in report["refusals"] for m in [r["message"], *r["api"]]]
    shown = json.dumps(report, indent=1)
    assert (not messages) if passes else any(named in m for m in messages), shown
    if passes:
        assert report["steps"].get("replace") == 2, report
        made = report["calls"]["up"]
        assert {k.split()[0] for k in made} >= {"POST", "DELETE"}, report

    assert writes(emulator) == []
    reads = [r for r in emulator.state.requests if r.operation != "oauth.token"]
    assert len(reads) == report["accounts"][0]["requests"] > 0, "only the snapshot's reads"
    assert emulator.state.all_objects() == held
    assert stack_files(project, stacks.backend) == before


def test_each_account_profile_is_snapshotted_and_rehearsed_and_neither_account_sees_a_write(
    engine: EngineToolchain, backend: Path, accounts: dict[str, EmulatorServer], tmp_path: Path
) -> None:
    """examples/multi-account: both profiles' accounts are read, each into its own emulator,
    and the change (a longer wait in both) is made there only."""
    project = working_copy("multi-account", tmp_path)
    stack = project_stack(project, backend, {}, STACK)
    stack.set_all_config(profiles(accounts), path=True)
    stack.up()
    edit_program(project, [("max_wait_time=300", "max_wait_time=600")])
    held = {name: server.state.all_objects() for name, server in accounts.items()}
    for server in accounts.values():
        server.state.clear_requests()
    before = stack_files(project, backend)
    code, report, stderr = rehearse(project, backend)
    assert code == 0, stderr + json.dumps(report, indent=1)
    assert report["steps"].get("update") == 2, report
    assert [a["account"].split(" at ")[0] for a in report["accounts"]] == [
        "profile production",
        "profile sandbox",
    ]
    assert any(k.startswith("PATCH") for k in report["calls"]["up"]), report
    for name, server in accounts.items():
        assert writes(server) == [], name
        assert server.state.all_objects() == held[name], name
    assert stack_files(project, backend) == before


SECRET = "s3cr3t-Value-4d1e"
WITH_SECRETS = PROGRAM + (
    'import pulumi\n\npulumi.export("token", pulumi.Config("app").require_secret("token"))\n'
)


def test_a_stack_whose_secrets_the_copy_cannot_share_is_decrypted_in_memory_only(
    stacks: Stacks, emulator: EmulatorServer, tmp_path: Path
) -> None:
    """The copy of a stack with another secrets provider (forced here on a passphrase stack):
    secrets come through a pipe and are encrypted again under the copy's own passphrase;
    no file of the copy holds one in plain text, and the copy still reads them."""
    stack = stacks.program(WITH_SECRETS, STACK)
    stack.set_config("app:token", auto.ConfigValue(SECRET, secret=True))
    stack.set_config("app:nested.key", auto.ConfigValue(SECRET, secret=True), path=True)
    stack.set_config("app:nested.plain", auto.ConfigValue("visible"), path=True)
    stack.up()
    project = Path(stack.workspace.work_dir)
    env = {
        **os.environ,
        "PULUMI_BACKEND_URL": f"file://{stacks.backend}",
        "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
        "PULUMI_HOME": str(stacks.backend / ".pulumi-home"),
    }
    before = stack_files(project, stacks.backend)
    work = tmp_path / "copy"
    with EmulatorServer(port=0) as target:
        cred = target.credentials
        point = Target(
            target.api_base_url,
            target.oauth_url,
            cred["account_id"],
            cred["client_id"],
            cred["client_secret"],
        )
        copy = make_copy(Stack(project, STACK, env), work, {None: point}, share_secrets=False)
        assert copy.env["PULUMI_CONFIG_PASSPHRASE"] != PASSPHRASE
        assert copy.run("config", "get", "app:token").strip() == SECRET
        nested = json.loads(copy.run("config", "get", "app:nested"))
        assert nested == {"key": SECRET, "plain": "visible"}
        assert copy.run("stack", "output", "token", "--show-secrets").strip() == SECRET
        preview = json.loads(copy.run("preview", "--json"))
    written = [p for p in work.rglob("*") if p.is_file() and not p.is_symlink()]
    assert written and not [p for p in written if SECRET.encode() in p.read_bytes()]
    assert set(preview["changeSummary"]) == {"same"}, preview["changeSummary"]
    assert stack_files(project, stacks.backend) == before
