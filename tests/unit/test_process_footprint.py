"""What a process serving resources loads, as the provider process and the program are: only
the operations of the types it serves, and no command-line tools."""

from __future__ import annotations

import subprocess
import sys

import pytest

SERVE_A_SKILL_CATEGORY = (
    "import sys\n"
    "import pulumi_zoomcc\n"
    "from zoomcc.apispec import load_api_spec\n"
    "from zoomcc.dynamic.registry import provider_for\n"
    "from zoomcc.resources import catalog\n"
    "spec = catalog.get('SkillCategory')\n"
    "spec.input_fields, spec.output_fields, provider_for('SkillCategory', None)\n"
    "print(repr(load_api_spec()))\n"
    "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
)


@pytest.fixture(scope="module")
def served() -> tuple[str, set[str]]:
    out = subprocess.run(
        [sys.executable, "-c", SERVE_A_SKILL_CATEGORY], capture_output=True, text=True, check=True
    )
    spec_line, modules = out.stdout.splitlines()
    return spec_line, set(modules.split())


def test_a_resource_type_parses_only_its_own_operations(served: tuple[str, set[str]]) -> None:
    parsed = int(served[0].split(", ")[1].split()[0])
    assert 0 < parsed <= 10, served[0]


@pytest.mark.parametrize("tool", ["click", "rich", "pygments"])
def test_no_command_line_tool_is_imported_with_the_client(
    served: tuple[str, set[str]], tool: str
) -> None:
    assert "httpx" in served[1]
    assert tool not in served[1]
