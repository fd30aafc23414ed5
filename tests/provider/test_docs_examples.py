"""Every resource page's example runs as printed: the program is executed with the SDK, each
resource the engine would register goes through the real provider process (check, then
create) against the emulator, and every one of them is created without a failure.

The engine is stood in for by Pulumi's mocks (one program per page, affordably); what the
provider receives is what the engine would send it, ``...Args`` classes already dicts."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi
import pytest
from pulumi.runtime.rpc import is_rpc_secret, unwrap_rpc_secret

from tests.support.grpc_provider import DynamicProviderClient
from tests.support.pulumi_mocks import mocked_runtime
from zoomcc.codegen.examples import FILES
from zoomcc.codegen.sdk_names import module_name
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "docs" / "resources"
FLOW_EXPORT = ROOT / "tests" / "support" / "fixtures" / "flow_export.json"
BLOCK = re.compile(r"## Example usage\n\n```python\n(.*?)```", re.S)
EXISTING_USERS = ("jane@example.com", "joe@example.com", "lead@example.com")
"""The users the examples name by email, as an account already has them."""


def example(type_name: str) -> str:
    found = BLOCK.search((PAGES / f"{module_name(catalog.get(type_name))}.md").read_text())
    assert found is not None, f"{type_name}: no example on its page"
    return found.group(1)


def _as_the_provider_sees_it(value: Any) -> Any:
    """Secrets unwrapped (the engine hands the provider plain values) and files by absolute
    path (the provider process runs where the program does)."""
    if is_rpc_secret(value):
        return _as_the_provider_sees_it(unwrap_rpc_secret(value))
    if isinstance(value, pulumi.FileAsset):
        return pulumi.FileAsset(str(Path(value.path).resolve()))
    if isinstance(value, dict):
        return {k: _as_the_provider_sees_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_the_provider_sees_it(v) for v in value]
    return value


class _ThroughTheProvider(pulumi.runtime.Mocks):
    """Registers each resource by the provider's check and create, as `pulumi up` would."""

    def __init__(self, provider: DynamicProviderClient) -> None:
        self.provider = provider
        self.created: list[str] = []
        self.failures: list[str] = []

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        type_name = args.typ.rpartition(":")[2]
        props = {
            k: _as_the_provider_sees_it(v)
            for k, v in args.inputs.items()
            if k != "__provider" and v is not None
        }
        checked, failures = self.provider.check(type_name, props)
        if failures:
            self.failures += [f"{type_name} {args.name}: {reason}" for _, reason in failures]
            return f"{args.name}-failed", props
        object_id, outputs = self.provider.create(type_name, checked)
        self.created.append(type_name)
        return object_id, outputs

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[str, Any], list[Any]]:
        return {}, []


@pytest.fixture()
def in_program_dir(tmp_path: Path) -> Iterator[Path]:
    """The files the examples upload, beside the program."""
    for name in FILES:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".json"):
            shutil.copy(FLOW_EXPORT, path)
        else:
            path.write_bytes(b"ID3 hello")
    before = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(before)


WITH_EXAMPLES = [spec.name for spec in catalog.ALL if spec.example]


def test_every_page_has_an_example() -> None:
    assert [spec.name for spec in catalog.ALL] == WITH_EXAMPLES


@pytest.mark.parametrize("type_name", WITH_EXAMPLES)
def test_the_page_example_creates_every_resource_it_declares(
    type_name: str,
    provider: DynamicProviderClient,
    emulator: EmulatorServer,
    stack_config: dict[str, Any],
    in_program_dir: Path,
) -> None:
    emulator.state.seed("users", [{"user_email": email} for email in EXISTING_USERS])
    mocks = _ThroughTheProvider(provider)
    code = example(type_name)

    def program() -> None:
        exec(compile(code, f"{type_name}.md", "exec"), {"__name__": "__main__"})

    # The provider client's calls ran (and closed) an event loop; the program gets its own.
    with mocked_runtime(mocks):
        pulumi.runtime.set_all_config(stack_config, secret_keys=["zoomcc:clientSecret"])
        pulumi.runtime.test(program)()  # type: ignore[no-untyped-call]  # pulumi leaves it untyped
    assert mocks.failures == []
    assert type_name in mocks.created
