"""What a user reads when something fails: one clear message per failure, naming the resource
and what to do, through `pulumi` on a project directory (the language host and provider
plugin this project sets up)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from pulumi import automation as auto

from tests.e2e.stacks import Stacks, program_stack
from zoomcc.engine.toolchain import EngineToolchain

pytestmark = pytest.mark.e2e


@dataclass(frozen=True)
class Failure:
    program: str
    """The project's ``__main__.py`` (after ``import pulumi, pulumi_zoomcc as zoomcc``)."""
    says: tuple[str, ...]
    """What the output must say."""
    never: tuple[str, ...]
    """Noise that must not be in it."""
    times: tuple[str, int]
    """A line of the message, and how often the engine may show it: the provider sends it
    once; the engine's display repeats it in its progress lines and its summary."""
    up: bool = False
    """Run `pulumi up` (the failure is the API's), else `pulumi preview`."""


FAILURES = {
    "a typo in the program is one traceback of the program's own lines": Failure(
        'zoomcc.SkillCategry("a", name="A", skill_type="text")\n',
        says=("Program failed with an unhandled exception", "__main__.py", "SkillCategry"),
        never=("runpy", "langhost", "python inline source runtime error", "asyncio"),
        times=("AttributeError: module 'pulumi_zoomcc' has no attribute", 2),
    ),
    "a bad nested value names its path and allowed values, without a dump of the property": (
        Failure(
            'zoomcc.BusinessHours("h", name="H", timezone="Europe/Paris", hours={"hour_type": 2,'
            ' "custom_hours": [{"day_of_week": 9, "custom_hour_type": 2, "custom_hour_ranges":'
            ' [{"start_time": "09:00", "end_time": "18:00"}]}]})\n',
            says=("resource 'h' has a problem", "'hours.custom_hours.0.day_of_week'", "Sunday"),
            # the engine names the resource; the reason does not name its type again
            never=("value {map[", "Exception calling application", "problem: BusinessHours"),
            times=("day_of_week", 2),
        )
    ),
    "the same bad value in five days is one line naming the days' indexes": Failure(
        'zoomcc.BusinessHours("h", name="H", timezone="Europe/Paris", hours={"hour_type": 2,'
        ' "custom_hours": [{"day_of_week": 9, "custom_hour_type": 2, "custom_hour_ranges":'
        ' [{"start_time": "09:00", "end_time": "18:00"}]}] * 5})\n',
        says=("resource 'h' has a problem: 'hours.custom_hours[0..4].day_of_week': must be",),
        never=("custom_hours.1.", "problem: BusinessHours"),
        times=("day_of_week", 2),
    ),
    "an API refusal is the provider's message alone, with the next step": Failure(
        'a = zoomcc.SkillCategory("a", name="Dup", skill_type="text")\n'
        'zoomcc.SkillCategory("b", name="Dup", skill_type="text",'
        " opts=pulumi.ResourceOptions(depends_on=[a]))\n",
        says=("SkillCategory named 'Dup' already exists in Zoom", "Adopt it with import_id="),
        never=("Exception calling application", "Traceback"),
        times=("already exists in Zoom", 3),  # `up` also shows it on "creating failed"
        up=True,
    ),
}


@pytest.mark.parametrize("failure", FAILURES.values(), ids=list(FAILURES))
def test_a_failure_reads_as_one_clear_message(failure: Failure, stacks: Stacks) -> None:
    program = "import pulumi\nimport pulumi_zoomcc as zoomcc\n\n" + failure.program
    stack = stacks.program(program, "failing")
    with pytest.raises(auto.errors.CommandError) as failed:
        stack.up() if failure.up else stack.preview()
    output = str(failed.value)
    for said in failure.says:
        assert said in output, output
    for noise in failure.never:
        assert noise not in output, output
    line, most = failure.times
    assert 1 <= output.count(line) <= most, output


def test_without_credentials_preview_works_and_up_fails_once_naming_keys_and_host(
    engine: EngineToolchain, backend: Path, tmp_path: Path
) -> None:
    program = (
        "import pulumi_zoomcc as zoomcc\n\n"
        "for i in range(5):\n"
        '    zoomcc.SkillCategory(f"c{i}", name=f"C{i}", skill_type="text")\n'
    )
    stack = program_stack(tmp_path, backend, program, {}, "nocreds")
    assert stack.preview().change_summary == {"create": 6}
    with pytest.raises(auto.errors.CommandError) as failed:
        stack.up()
    diagnostics = str(failed.value).split("Diagnostics:", 1)[1]
    assert diagnostics.count("missing Zoom credentials") == 1, diagnostics
    assert "https://api.zoom.us/v2" in diagnostics
    for key in ("zoomcc:accountId", "zoomcc:clientId", "--secret zoomcc:clientSecret"):
        assert key in diagnostics
    resources = (stack.export_stack().deployment or {}).get("resources", [])
    assert not [r for r in resources if "/zoomcc:" in r["type"]]  # not one was sent


def test_a_config_typo_is_one_error_of_the_stack_not_of_its_first_resource(
    stacks: Stacks,
) -> None:
    program = (
        "import pulumi_zoomcc as zoomcc\n\n"
        "for i in range(3):\n"
        '    zoomcc.SkillCategory(f"c{i}", name=f"C{i}", skill_type="text")\n'
    )
    stack = stacks.program(program, "typo", {"zoomcc:basUrl": "http://127.0.0.1:9/v2"})
    with pytest.raises(auto.errors.CommandError) as failed:
        stack.preview()
    diagnostics = str(failed.value).split("Diagnostics:", 1)[1]
    assert "pulumi:pulumi:Stack (" in diagnostics, diagnostics
    assert diagnostics.count("unknown setting zoomcc:basUrl: did you mean zoomcc:baseUrl?") == 1
    assert "zoomcc:SkillCategory" not in diagnostics, diagnostics
    assert "Traceback" not in str(failed.value)


@pytest.mark.parametrize(
    ("label", "rate", "said"),
    [
        ("LITE", "30", "zoomcc:rateLimits.LITE is not a rate-limit label: the labels are LIGHT"),
        ("LIGHT", "0", "zoomcc:rateLimits.LIGHT is 0; it must be a positive number"),
        ("LIGHT", "30", None),
    ],
    ids=["a label Zoom does not have", "a limit of zero", "an account's own limit is used"],
)
def test_rate_limits_set_with_path_are_checked_at_preview_and_used_by_up(
    label: str, rate: str, said: str | None, stacks: Stacks
) -> None:
    """`pulumi config set --path 'zoomcc:rateLimits.LIGHT' 30`, as the README says: a bad
    key or value is one error of the stack before any call; a good one reaches the client."""
    program = (
        'import pulumi_zoomcc as zoomcc\n\nzoomcc.SkillCategory("c", name="C", skill_type="text")\n'
    )
    stack = stacks.program(program, "limits")
    stack.set_config(f"zoomcc:rateLimits.{label}", auto.ConfigValue(rate), path=True)
    if said is None:
        assert stack.up().summary.result == "succeeded"
        return
    with pytest.raises(auto.errors.CommandError) as failed:
        stack.preview()
    diagnostics = str(failed.value).split("Diagnostics:", 1)[1]
    assert diagnostics.count(said) == 1, diagnostics
    assert "Traceback" not in str(failed.value)
