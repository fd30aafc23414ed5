"""The `zoomcc` command as a user runs it: the installed console script, in a subprocess."""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import httpx
import pytest

ZOOMCC = Path(sys.executable).with_name("zoomcc")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(params=[[], ["--rate-limits"]], ids=["plain", "with rate limits"])
def running_emulator(request: pytest.FixtureRequest) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [str(ZOOMCC), "emulator", "--port", str(port), *request.param],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                out = proc.stdout.read().decode() if proc.stdout else ""
                pytest.fail(f"zoomcc emulator exited with {proc.returncode}:\n{out}")
            try:
                httpx.get(url + "/_emulator/config", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("zoomcc emulator did not start within 30 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_the_emulator_command_serves_a_token_and_the_api(running_emulator: str) -> None:
    basic = base64.b64encode(b"emulator-client:emulator-secret").decode()
    token = httpx.post(
        running_emulator + "/oauth/token",
        data={"grant_type": "account_credentials", "account_id": "emulator-account"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert token.status_code == 200, token.text
    access = token.json()["access_token"]
    listing = httpx.get(
        running_emulator + "/v2/contact_center/skills/categories",
        headers={"Authorization": f"Bearer {access}"},
    )
    assert listing.status_code == 200, listing.text
    assert listing.json()["skill_categories"] == []


def test_the_version_is_printed() -> None:
    out = subprocess.run([str(ZOOMCC), "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"zoomcc {metadata.version('pulumi-zoomcc')}"


def test_the_sdk_says_its_version() -> None:
    import pulumi_zoomcc

    assert pulumi_zoomcc.__version__ == metadata.version("pulumi-zoomcc")


COMMANDS = ["", "emulator", "engine", "quickstart", "export", "review"]


HELP_IDS = [" ".join(["zoomcc", *([c] if c else []), "--help"]) for c in COMMANDS]


@pytest.mark.parametrize("command", COMMANDS, ids=HELP_IDS)
def test_help_shows_flags_as_flags_with_no_value_type_beside_them(command: str) -> None:
    args = [str(ZOOMCC), *([command] if command else []), "--help"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    assert "<bool>" not in out, out
    assert "\n  --help" in out and "Show this message and exit." in out, out


def test_the_commands_are_listed_with_their_whole_summary() -> None:
    out = subprocess.run(
        [str(ZOOMCC), "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "80"},
    ).stdout
    listed = out.split("Commands:", 1)[1].splitlines()
    assert [line for line in listed if line.strip()] and not [
        line for line in listed if line.rstrip().endswith("...")
    ], out


REVIEW_INPUTS = {
    "a state file that is not there is said to be missing": (
        ["missing.json"],
        "the state file missing.json does not exist",
    ),
    "a stack name without `pulumi` says both what it looked for": (
        ["dev"],
        "there is no file dev, and `pulumi` is not on PATH",
    ),
}


@pytest.mark.parametrize(("args", "said"), REVIEW_INPUTS.values(), ids=list(REVIEW_INPUTS))
def test_review_says_what_is_wrong_with_what_it_was_given(
    args: list[str], said: str, tmp_path: Path
) -> None:
    done = subprocess.run(
        [str(ZOOMCC), "review", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PATH": str(tmp_path)},  # neither `pulumi` nor `dot`
    )
    assert done.returncode == 1
    assert done.stderr.startswith("zoomcc review: ") and done.stderr.count("\n") == 1
    assert said in done.stderr, done.stderr
