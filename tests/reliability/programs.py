"""Pulumi programs for the reliability tier (inline, for the Automation API)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pulumi

import pulumi_zoomcc as zoomcc
from zoomcc.emulator import ROOT_TEAM_ID

KINDS = ("SkillCategory", "Skill", "Disposition", "Queue", "Team", "BusinessHours")


def expected(count: int, tag: str = "") -> dict[tuple[str, str], int]:
    """(type, name) -> 1 for every object ``fleet(count, tag)`` declares."""
    return {(kind, name): 1 for kind, name, _ in plan(count, tag)}


def plan(count: int, tag: str) -> list[tuple[str, str, str]]:
    """(type, object name, resource name) in declaration order; every 6th is a category."""
    out: list[tuple[str, str, str]] = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        out.append((kind, f"{kind} {tag}{i:03d}", f"{kind.lower()}-{tag}{i:03d}"))
    return out


def fleet(
    count: int, tag: str = "", description: str = "", adopt: Mapping[str, str] | None = None
) -> Callable[[], None]:
    """``count`` resources of six types; skills hang off the category declared before them.
    ``adopt`` maps resource names to ids of existing objects to take over (``import_id``)."""
    adopt = dict(adopt or {})
    desc = description or None

    def program() -> None:
        category: zoomcc.SkillCategory | None = None
        for kind, name, rname in plan(count, tag):
            take = adopt.get(rname)
            if kind == "SkillCategory":
                category = zoomcc.SkillCategory(
                    rname, name=name, skill_type="text", description=desc, import_id=take
                )
            elif kind == "Skill":
                assert category is not None
                zoomcc.Skill(rname, name=name, skill_category_id=category.id, import_id=take)
            elif kind == "Disposition":
                zoomcc.Disposition(
                    rname, name=name, status="active", description=desc, import_id=take
                )
            elif kind == "Queue":
                zoomcc.Queue(
                    rname,
                    name=name,
                    channel="voice",
                    max_wait_time=300,
                    description=desc,
                    import_id=take,
                )
            elif kind == "Team":
                zoomcc.Team(
                    rname,
                    name=name,
                    parent_team_id=ROOT_TEAM_ID,
                    description=desc,
                    import_id=take,
                )
            else:
                zoomcc.BusinessHours(
                    rname,
                    name=name,
                    timezone="America/New_York",
                    description=desc,
                    hours={"hour_type": 1},
                    import_id=take,
                )
        pulumi.export("count", count)

    return program
