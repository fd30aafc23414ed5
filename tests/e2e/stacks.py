"""Programs and stack plumbing for the end-to-end tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pulumi
from pulumi import automation as auto

import pulumi_zoomcc as zoomcc

PROJECT = "zoomcc-e2e"
PASSPHRASE = "e2e-passphrase"


def every_type_program(root_team_id: str, variant: int) -> Callable[[], None]:
    """One or more resources of every type; variant 2 changes a field of each type."""
    v2 = variant == 2

    def program() -> None:
        cat_a = zoomcc.SkillCategory(
            "cat-a",
            name="Languages",
            description="Spoken languages" + (" (v2)" if v2 else ""),
            skill_type="proficiency",
            max_proficiency_level=5,
        )
        cat_b = zoomcc.SkillCategory("cat-b", name="Products", skill_type="text")
        skill = zoomcc.Skill(
            "skill",
            name="French",
            skill_category_id=(cat_b if v2 else cat_a).id,
        )
        queue = zoomcc.Queue(
            "queue",
            name="Support",
            description="Support" + (" v2" if v2 else ""),
            channel="voice",
            max_wait_time=600 if v2 else 300,
        )
        team = zoomcc.Team(
            "team",
            name="Tier 2" if v2 else "Tier 1",
            parent_team_id=root_team_id,
        )
        disposition = zoomcc.Disposition(
            "disposition",
            name="Resolved",
            status="active",
            description="Fixed" + (" v2" if v2 else ""),
        )
        dset = zoomcc.DispositionSet(
            "disposition-set",
            name="Outcomes",
            status="active",
            description="Outcomes" + (" v2" if v2 else ""),
            disposition_ids=[disposition.id],
        )
        hours = zoomcc.BusinessHours(
            "hours",
            name="Office",
            description="Office" + (" v2" if v2 else ""),
            timezone="America/New_York",
            hours={
                "hour_type": 2,
                "custom_hours": [
                    {
                        "day_of_week": d,
                        "custom_hour_type": 2,
                        "custom_hour_ranges": [{"start_time": "09:00", "end_time": "17:00"}],
                    }
                    for d in range(1, 6)
                ],
            },
        )
        closures = zoomcc.ClosureSet(
            "closures",
            name="Holidays",
            description="Holidays" + (" v2" if v2 else ""),
            timezone="America/New_York",
            closures=[
                {
                    "closure_name": "New Year",
                    "closure_hour_type": 1,
                    "start_time": "2027-01-01T00:00:00Z",
                    "end_time": "2027-01-02T00:00:00Z",
                    "recurring_frequency": 0,
                }
            ],
        )
        pulumi.export("skill_category_id", skill.skill_category_id)
        pulumi.export("queue_id", queue.cc_queue_id)
        pulumi.export("team_id", team.id)
        pulumi.export("set_dispositions", dset.disposition_ids)
        pulumi.export("hours_id", hours.id)
        pulumi.export("closures_id", closures.id)
        pulumi.export("cat_b", cat_b.id)

    return program


def _options(backend: Path, **extra: Any) -> auto.LocalWorkspaceOptions:
    return auto.LocalWorkspaceOptions(
        pulumi_home=str(backend / ".pulumi-home"),
        secrets_provider="passphrase",
        **extra,
    )


def _configure(stack: auto.Stack, config: dict[str, Any]) -> auto.Stack:
    stack.set_all_config(
        {
            key: auto.ConfigValue(value=str(value), secret=key.endswith("clientSecret"))
            for key, value in config.items()
        }
    )
    return stack


def make_stack(
    backend: Path, program: Callable[[], None], config: dict[str, Any], name: str = "e2e"
) -> auto.Stack:
    """An inline-program stack (Automation API language server)."""
    opts = _options(
        backend,
        project_settings=auto.ProjectSettings(
            name=PROJECT,
            runtime="python",
            backend=auto.ProjectBackend(url=f"file://{backend}"),
        ),
        env_vars={"PULUMI_CONFIG_PASSPHRASE": PASSPHRASE},
    )
    stack = auto.create_or_select_stack(
        stack_name=name, project_name=PROJECT, program=program, opts=opts
    )
    return _configure(stack, config)


def project_stack(work_dir: Path, backend: Path, config: dict[str, Any], name: str) -> auto.Stack:
    """A stack of a project directory, run by `pulumi` through the language host."""
    opts = _options(
        backend,
        env_vars={
            "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
            "PULUMI_BACKEND_URL": f"file://{backend}",
        },
    )
    stack = auto.create_or_select_stack(stack_name=name, work_dir=str(work_dir), opts=opts)
    return _configure(stack, config)
