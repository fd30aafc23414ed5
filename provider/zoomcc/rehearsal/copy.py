"""The throwaway copy of a stack: the project seen through symlinks in a temporary folder
(its own ``Pulumi.yaml`` and stack settings file, nothing written beside the original), the
state imported into a local file backend there, every Zoom setting pointed at an emulator.

Secrets never reach the disk decrypted. A passphrase stack's state and settings file are
copied as its own ciphertext, and the copy decrypts them with the same ``encryptionsalt`` and
the passphrase from the user's environment. A stack with another secrets provider (Pulumi
Cloud's ``service``, a KMS) is decrypted by its own engine into a pipe and encrypted again
under a one-time passphrase (:mod:`~zoomcc.rehearsal.reencrypt`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from zoomcc.rehearsal.reencrypt import copy_settings, one_time_env, plain_deployment
from zoomcc.rehearsal.stack import Stack, StackError, checked

SHARED_SECRETS = ("passphrase",)
"""Secrets providers whose ciphertext the copy shares (same salt, same passphrase); any other
is decrypted in memory and encrypted again for the copy."""

PROJECT_FILES = ("Pulumi.yaml", "Pulumi.yml")


@dataclass(frozen=True)
class Target:
    """Where one account's calls go in the rehearsal: an emulator's base URL and credentials."""

    base_url: str
    """``http://127.0.0.1:PORT/v2``."""
    oauth_url: str
    """``http://127.0.0.1:PORT/oauth/token``."""
    account_id: str
    """The emulator's account, ``emulator-account``."""
    client_id: str
    """``emulator-client``."""
    client_secret: str
    """``emulator-secret``: the emulator's, never production's."""


@dataclass(frozen=True)
class StackCopy:
    """The copy: its project folder, its backend and the environment its commands run in."""

    project: Path
    """The copy's project folder, ``/tmp/zoomcc-rehearse-x/project``."""
    stack: str
    """The copy's stack name, the original's short name (``prod``)."""
    env: Mapping[str, str]
    """``PULUMI_BACKEND_URL`` of the temporary backend, ``ZOOM_*`` pointed at the emulator."""
    deployment: Mapping[str, Any]
    """The original's `pulumi stack export` (ciphertext only), for the review."""

    def run(self, *args: str) -> str:
        return checked([*args, "--stack", self.stack], self.project, self.env)


def secrets_provider(deployment: Mapping[str, Any], settings: Mapping[str, Any]) -> str:
    """The stack's secrets provider (``passphrase``, ``service``, ``awskms``...)."""
    named = settings.get("secretsprovider")
    if isinstance(named, str) and named:
        return named.split("://", 1)[0]
    found = (deployment.get("deployment") or {}).get("secrets_providers") or {}
    if found.get("type"):
        return str(found["type"])
    return "passphrase" if settings.get("encryptionsalt") else "service"


def make_copy(
    stack: Stack,
    work: Path,
    targets: Mapping[str | None, Target],
    share_secrets: bool | None = None,
) -> StackCopy:
    """Copy ``stack`` into ``work`` and point the account of each profile (None: the stack's
    own) at its target. ``share_secrets``: reuse the stack's ciphertext (default: for the
    providers in ``SHARED_SECRETS``), else decrypt in memory and encrypt again."""
    original = stack.config_file()
    text = original.read_text("utf-8") if original.is_file() else ""
    deployment = stack.deployment()
    if share_secrets is None:
        share_secrets = secrets_provider(deployment, yaml.safe_load(text) or {}) in SHARED_SECRETS
    project = work / "project"
    project.mkdir(parents=True)
    _mirror_project(stack.cwd, project)
    settings_copy = project / original.name
    if settings_copy.exists() or settings_copy.is_symlink():  # never write through a link
        raise StackError(f"the copy's {original.name} would be the original's")
    backend = work / "backend"
    backend.mkdir()
    env = {
        **stack.env,
        "PULUMI_BACKEND_URL": backend.as_uri(),
        "PULUMI_SKIP_UPDATE_CHECK": "true",
        **_environment(targets.get(None)),
    }
    name = stack.short_name
    if share_secrets:
        settings_copy.write_text(text, "utf-8")  # ciphertext and the salt only
        checked(["stack", "init", name, "--no-select"], project, env)
        checked(["stack", "import", "--stack", name], project, env, json.dumps(deployment))
    else:
        env = one_time_env(env)
        init = ["stack", "init", name, "--no-select", "--secrets-provider", "passphrase"]
        checked(init, project, env)
        plain = json.dumps(plain_deployment(stack, settings_copy))
        checked(["stack", "import", "--stack", name], project, env, plain)
        copy_settings(stack, project, name, env)
    copy = StackCopy(project, name, env, deployment)
    copy.run("config", "set-all", "--path", *_pointing(targets))
    return copy


def _mirror_project(source: Path, dest: Path) -> None:
    """``dest`` sees ``source``'s files through symlinks, but has its own ``Pulumi.yaml``
    (without a ``backend``: the copy's is the temporary one; without a ``stackConfigDir``:
    the copy's settings file is its own, beside it) and no stack settings files."""
    for entry in source.iterdir():
        if entry.name in PROJECT_FILES:
            project = yaml.safe_load(entry.read_text("utf-8")) or {}
            project.pop("backend", None)
            project.pop("stackConfigDir", None)
            (dest / entry.name).write_text(yaml.safe_dump(project, sort_keys=False), "utf-8")
        elif entry.name.startswith("Pulumi.") and entry.suffix in (".yaml", ".yml"):
            continue
        else:
            (dest / entry.name).symlink_to(entry.resolve())


def _environment(target: Target | None) -> dict[str, str]:
    """The ``ZOOM_*`` environment the provider falls back on, pointed at the emulator too."""
    if target is None:
        return {"ZOOM_BASE_URL": "http://127.0.0.1:9/v2"}  # nowhere, never Zoom
    return {
        "ZOOM_ACCOUNT_ID": target.account_id,
        "ZOOM_CLIENT_ID": target.client_id,
        "ZOOM_CLIENT_SECRET": target.client_secret,
        "ZOOM_BASE_URL": target.base_url,
        "ZOOM_OAUTH_URL": target.oauth_url,
        "ZOOMCC_PACING": "false",
    }


def _pointing(targets: Mapping[str | None, Target]) -> list[str]:
    """``pulumi config set-all --path`` arguments for every account's settings."""
    args: list[str] = []
    for profile, target in targets.items():
        prefix = "zoomcc:" if profile is None else f"zoomcc:accounts.{profile}."
        values = {
            "baseUrl": target.base_url,
            "oauthUrl": target.oauth_url,
            "accountId": target.account_id,
            "clientId": target.client_id,
            "pacing": "false",
        }
        for key, value in values.items():
            args += ["--plaintext", f"{prefix}{key}={value}"]
        args += ["--secret", f"{prefix}clientSecret={target.client_secret}"]
    return args
