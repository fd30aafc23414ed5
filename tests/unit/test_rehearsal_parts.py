"""The parts of `zoomcc rehearse` that need no engine: which secrets providers a copy
supports, how the copy's settings point every account at its emulator, which accounts a
stack reaches, and how refusals and calls are read from the engine's output and the
emulator's request log."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from zoomcc.client import ZoomApiError, ZoomClient
from zoomcc.emulator import EmulatorServer, LoggedRequest
from zoomcc.rehearsal.copy import (
    SHARED_SECRETS,
    Target,
    _mirror_project,
    _pointing,
    secrets_provider,
)
from zoomcc.rehearsal.reencrypt import leaves
from zoomcc.rehearsal.report import (
    Refusal,
    attach_api_answers,
    calls_by_kind,
    failed,
    refusals_in_output,
    resource_of,
)
from zoomcc.rehearsal.stack import Stack, accounts

URN = "urn:pulumi:prod::shop::pulumi-python:dynamic/zoomcc:Queue::sales"
PROVIDERS = [
    ({}, {"encryptionsalt": "v1:abc"}, "passphrase"),
    ({"deployment": {"secrets_providers": {"type": "passphrase"}}}, {}, "passphrase"),
    ({"deployment": {"secrets_providers": {"type": "service"}}}, {}, "service"),
    ({}, {"secretsprovider": "awskms://alias/x?region=us-east-1"}, "awskms"),
    ({}, {}, "service"),
]


@pytest.mark.parametrize(("deployment", "settings", "expected"), PROVIDERS)
def test_the_secrets_provider_is_read_from_the_settings_then_the_state(
    deployment: dict[str, Any], settings: dict[str, Any], expected: str
) -> None:
    assert secrets_provider(deployment, settings) == expected


def test_only_passphrase_stacks_share_their_ciphertext_with_the_copy() -> None:
    assert SHARED_SECRETS == ("passphrase",)


def test_every_account_and_profile_is_pointed_at_its_emulator_the_secret_as_a_secret() -> None:
    own = Target("http://127.0.0.1:1/v2", "http://127.0.0.1:1/oauth/token", "a", "c", "s1")
    sandbox = Target("http://127.0.0.1:2/v2", "http://127.0.0.1:2/oauth/token", "a", "c", "s2")
    args = _pointing({None: own, "sandbox": sandbox})
    pairs = list(zip(args[::2], args[1::2], strict=True))
    assert ("--plaintext", "zoomcc:baseUrl=http://127.0.0.1:1/v2") in pairs
    assert ("--plaintext", "zoomcc:accounts.sandbox.baseUrl=http://127.0.0.1:2/v2") in pairs
    assert ("--plaintext", "zoomcc:accounts.sandbox.pacing=false") in pairs
    assert ("--secret", "zoomcc:accounts.sandbox.clientSecret=s2") in pairs
    assert all(flag == "--secret" for flag, value in pairs if "clientSecret" in value)
    for prefix in ("zoomcc:", "zoomcc:accounts.sandbox."):
        keys = {v.split("=")[0].removeprefix(prefix) for _, v in pairs if v.startswith(prefix)}
        assert {"baseUrl", "oauthUrl", "accountId", "clientId", "clientSecret"} <= keys


PROFILE = {"accountId": "a", "clientId": "c", "clientSecret": "s", "baseUrl": "https://x/v2"}
ACCOUNTS = [
    ({"zoomcc:accountId": "a", "zoomcc:clientId": "c", "zoomcc:clientSecret": "s"}, [None]),
    ({"zoomcc:accounts": json.dumps({"eu": PROFILE, "us": PROFILE})}, ["eu", "us"]),
    (
        {
            "zoomcc:accountId": "a",
            "zoomcc:clientId": "c",
            "zoomcc:clientSecret": "s",
            "zoomcc:accounts": {"eu": PROFILE},
        },
        [None, "eu"],
    ),
]


@pytest.mark.parametrize(("config", "expected"), ACCOUNTS)
def test_a_stack_reaches_its_own_account_and_each_profiles(
    config: dict[str, Any], expected: list[str | None]
) -> None:
    assert [a.profile for a in accounts(config, {})] == expected


EVENTS: list[dict[str, Any]] = [
    {"diagnosticEvent": {"urn": URN, "severity": "error", "message": "<{%reset%}>taken (1302)"}},
    {"diagnosticEvent": {"urn": "", "severity": "error", "message": "update failed"}},
    {"diagnosticEvent": {"urn": URN, "severity": "info", "message": "creating"}},
    {"resOpFailedEvent": {"metadata": {"urn": URN}}},
]


def test_refusals_are_the_errors_on_resources_in_an_event_stream() -> None:
    output = "\n".join(json.dumps(e) for e in EVENTS)
    (refusal,) = refusals_in_output(output)
    assert (refusal.resource, refusal.message, refusal.urn) == ("Queue sales", "taken (1302)", URN)


def test_refusals_are_the_errors_on_resources_in_a_json_document() -> None:
    document = {"diagnostics": [e["diagnosticEvent"] for e in EVENTS if "diagnosticEvent" in e]}
    assert [r.resource for r in refusals_in_output(json.dumps(document))] == ["Queue sales"]


@pytest.mark.parametrize(
    ("urn", "expected"),
    [
        (URN, "Queue sales"),
        ("urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod", "Stack shop-prod"),
        ("urn:pulumi:prod::shop::my:comp$pulumi-python:dynamic/zoomcc:Skill::fr", "Skill fr"),
    ],
)
def test_a_resource_is_named_by_its_type_and_pulumi_name(urn: str, expected: str) -> None:
    assert resource_of(urn) == expected


def request(
    seq: int, method: str, status: int, op: str | None, error: str | None = None
) -> LoggedRequest:
    return LoggedRequest(
        seq,
        0.0,
        method,
        f"/v2/contact_center/queues/q{seq}",
        "",
        status,
        1.0,
        None,
        None,
        None,
        operation_id=op,
        error=error,
    )


def test_calls_are_counted_by_kind_and_refused_writes_listed_with_the_answer_not_reads() -> None:
    log = [
        request(1, "GET", 404, "get_a_queue", "1201 Queue does not exist: q1."),
        request(2, "GET", 200, "get_a_queue"),
        request(3, "PATCH", 404, "update_a_queue", "1201 Queue does not exist: q3."),
    ]
    assert calls_by_kind(log) == {"GET get_a_queue": 2, "PATCH update_a_queue": 1}
    answer = "PATCH /v2/contact_center/queues/q3: 404 1201 Queue does not exist: q3."
    assert failed(log) == [answer]
    mine, other = Refusal("Queue billing", "gone", URN), Refusal("Queue sales", "taken", "u2")
    attach_api_answers([mine, other], log, {URN: "q3", "u2": "q2"})
    assert (mine.api, other.api) == ([answer], [])


def test_the_request_log_keeps_the_code_and_message_of_an_error_answer(
    api: ZoomClient, emulator: EmulatorServer
) -> None:
    with pytest.raises(ZoomApiError):
        api.request("PATCH", "/contact_center/queues/gone", json={"queue_description": "x"})
    (logged,) = [r for r in emulator.state.requests if r.method == "PATCH"]
    assert (logged.status, logged.error) == (404, "1201 Queue does not exist: gone.")


def test_a_snapshot_path_the_emulator_has_no_collection_for_is_named_not_dropped() -> None:
    document = {
        "format": "zoomcc-snapshot",
        "objects": {"/contact_center/recordings": {"": [{"id": "r1"}]}},
        "members": {"/contact_center/queues/{queueId}/watchers": {"q1": [{}]}},
    }
    with EmulatorServer(port=0) as server:
        not_loaded = server.state.load_snapshot(document)
    assert not_loaded == [
        "/contact_center/recordings: the emulator has no such collection",
        "/contact_center/queues/{queueId}/watchers: the emulator has no such membership",
    ]


def test_the_copys_project_sees_the_files_but_owns_its_project_and_settings_files(
    tmp_path: Path,
) -> None:
    """Nothing the copy writes (its settings file, its backend) can land in the original."""
    source, dest = tmp_path / "infra", tmp_path / "copy"
    (source / "program").mkdir(parents=True)
    dest.mkdir()
    (source / "Pulumi.yaml").write_text(
        "name: shop\nruntime: python\nbackend: {url: 'file:///prod'}\nstackConfigDir: stacks\n"
    )
    (source / "Pulumi.prod.yaml").write_text("encryptionsalt: v1:x\n")
    (source / "__main__.py").write_text("")
    _mirror_project(source, dest)
    project = yaml.safe_load((dest / "Pulumi.yaml").read_text())
    assert project == {"name": "shop", "runtime": "python"}
    assert not (dest / "Pulumi.yaml").is_symlink()
    assert not (dest / "Pulumi.prod.yaml").exists()
    assert (dest / "program").is_symlink() and (dest / "__main__.py").is_symlink()
    stack = Stack(source, "my-org/shop/prod", {})
    assert stack.config_file() == source / "stacks" / "Pulumi.prod.yaml"


SETTINGS = {
    "encryptionsalt": "v1:x",
    "config": {
        "zoomcc:baseUrl": "https://api.zoom.us/v2",
        "zoomcc:clientSecret": {"secure": "v1:abc"},
        "zoomcc:accounts": {"eu": {"accountId": "a", "clientSecret": {"secure": "v1:def"}}},
        "app:hosts": ["a.example", {"secure": "v1:ghi"}],
        "app:odd": {"dotted.key": "x"},
    },
}
VALUES = {
    "zoomcc:baseUrl": "https://api.zoom.us/v2",
    "zoomcc:clientSecret": "s1",
    "zoomcc:accounts": {"eu": {"accountId": "a", "clientSecret": "s2"}},
    "app:hosts": ["a.example", "s3"],
    "app:odd": {"dotted.key": "x"},
}


def test_each_setting_is_a_path_its_secrecy_read_from_the_settings_file() -> None:
    """The plain text comes from `pulumi config --show-secrets`; which leaves are secret from
    the ``secure:`` markers, so a secret nested in a profile stays secret in the copy."""
    assert leaves(SETTINGS, VALUES) == [
        ("zoomcc:baseUrl", "https://api.zoom.us/v2", False),
        ("zoomcc:clientSecret", "s1", True),
        ("zoomcc:accounts.eu.accountId", "a", False),
        ("zoomcc:accounts.eu.clientSecret", "s2", True),
        ("app:hosts[0]", "a.example", False),
        ("app:hosts[1]", "s3", True),
        ('app:odd.["dotted.key"]', "x", False),
    ]
