"""Where `zoomcc export` gets its credentials, in the provider's order: the ``zoomcc:*``
config of the stack named by ``--stack`` (when its project is at hand), or one of that
stack's account profiles (``--account``), then the ``ZOOM_*`` environment; and a line
saying which was used (never a secret)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zoomcc.client import ClientSettings
from zoomcc.dynamic.accounts import ConfigurationError, profiles
from zoomcc.dynamic.config import CONFIG_NAMESPACE, config_problems, resolve_settings

REQUIRED = {"accountId": "ZOOM_ACCOUNT_ID", "clientId": "ZOOM_CLIENT_ID"}
"""The settings whose origin the source line names (the secret's follows the same order)."""

ConfigValues = dict[str, object]


@dataclass(frozen=True)
class Credentials:
    """The client's settings and where they came from."""

    settings: ClientSettings
    source: str
    """Said in the progress line, e.g. ``stack dev's config (zoomcc:*)``."""


def stack_config(project: Path, stack: str, explicit: bool) -> ConfigValues | None:
    """The stack's config as the engine hands it to the provider (secrets decrypted, objects
    as JSON). None where there is no such stack here: the project has no ``Pulumi.yaml``, or
    (unless asked for with ``--project``) no ``Pulumi.<stack>.yaml``."""
    if not (project / "Pulumi.yaml").is_file():
        if explicit:
            raise ConfigurationError(f"{project} holds no Pulumi project (no Pulumi.yaml)")
        return None
    if not explicit and not (project / f"Pulumi.{stack}.yaml").is_file():
        return None
    if shutil.which("pulumi") is None:
        raise ConfigurationError(
            f"reading stack {stack}'s config needs the `pulumi` CLI on PATH "
            "(`export PATH=\"$(zoomcc engine):$PATH\"`)"
        )
    command = ["pulumi", "config", "--json", "--show-secrets", "--stack", stack]
    done = subprocess.run(
        command, cwd=project, capture_output=True, text=True, check=False, timeout=120
    )
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise ConfigurationError(f"`pulumi config --stack {stack}` in {project} failed: {first}")
    try:
        values = config_values(done.stdout)
    except ValueError as exc:
        raise ConfigurationError(f"`pulumi config --stack {stack}`: {exc}") from exc
    return {k: v for k, v in values.items() if k.startswith(f"{CONFIG_NAMESPACE}:")}


def config_values(raw: str) -> dict[str, Any]:
    """`pulumi config --json` output as the engine hands config to a provider: each key's
    ``objectValue`` (a ``--path`` object) or ``value``; the export and the rehearsal read it."""
    loaded = json.loads(raw or "{}")
    if not isinstance(loaded, dict):
        raise ValueError("gave no JSON object")
    return {
        key: entry.get("objectValue", entry.get("value"))
        for key, entry in loaded.items()
        if isinstance(entry, dict)
    }


def resolve(
    config: ConfigValues | None,
    stack: str,
    account: str | None = None,
    overrides: Mapping[str, str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Credentials:
    """The settings as the provider would resolve them for ``stack`` (``config`` None: no
    stack read), ``overrides`` (``zoomcc:baseUrl``, ``zoomcc:plan``...) winning; a missing
    credential's error says where the export looked."""
    env = dict(os.environ if environ is None else environ)
    merged: dict[str, object] = {**(config or {}), **(overrides or {})}
    looked = _looked(config, stack, account)
    if account is not None and config is None:
        raise ConfigurationError(
            f"--account {account} names a profile of a stack's zoomcc:accounts, but no stack "
            f"{stack} was read: run from its project, or pass --project"
        )
    problems = config_problems(merged)
    if problems:
        raise ConfigurationError(problems[0])
    try:
        if account is not None:
            found = profiles(merged)
            if account in found:  # the options apply to the profile read
                found[account].update({k.split(":", 1)[1]: v for k, v in (overrides or {}).items()})
            merged[f"{CONFIG_NAMESPACE}:accounts"] = found
            settings = resolve_settings(merged, env, account=account)
        else:
            settings = resolve_settings(merged, env)
    except ConfigurationError as exc:
        raise ConfigurationError(f"{exc} (looked in {looked})") from exc
    return Credentials(settings, _source(config, stack, account, env))


def _looked(config: ConfigValues | None, stack: str, account: str | None) -> str:
    if account is not None:
        return f"account profile {account!r} of stack {stack}"
    if config is None:
        return f"the environment; no stack {stack} here"
    return f"stack {stack}'s config, then the environment"


def _source(
    config: ConfigValues | None, stack: str, account: str | None, env: Mapping[str, str]
) -> str:
    """Which of stack config, profile and environment gave the account and client ids."""
    if account is not None:
        return f"account profile {account!r} of stack {stack} (zoomcc:accounts.{account}.*)"
    from_stack = [k for k in REQUIRED if (config or {}).get(f"{CONFIG_NAMESPACE}:{k}")]
    if len(from_stack) == len(REQUIRED):
        return f"stack {stack}'s config ({CONFIG_NAMESPACE}:*)"
    from_env = [REQUIRED[k] for k in REQUIRED if k not in from_stack and env.get(REQUIRED[k])]
    if not from_stack:
        return f"the environment ({', '.join(from_env)})"
    shown = ", ".join(f"{CONFIG_NAMESPACE}:{k}" for k in from_stack)
    return f"stack {stack}'s config ({shown}) and the environment ({', '.join(from_env)})"
