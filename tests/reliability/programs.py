"""Pulumi programs for the reliability tier (inline, for the Automation API)."""

from __future__ import annotations

from collections.abc import Callable

import pulumi

import pulumi_zoomcc as zoomcc
from zoomcc.emulator import ROOT_TEAM_ID

KINDS = ("SkillCategory", "Skill", "Disposition", "Queue", "Team", "BusinessHours")


def expected(count: int, tag: str = "") -> dict[tuple[str, str], int]:
    """(type, name) -> 1 for every object ``fleet(count, tag)`` declares."""
    return {(kind, name): 1 for kind, name, _ in _plan(count, tag)}


def _plan(count: int, tag: str) -> list[tuple[str, str, str]]:
    """(type, object name, resource name) in declaration order; every 6th is a category."""
    plan: list[tuple[str, str, str]] = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        plan.append((kind, f"{kind} {tag}{i:03d}", f"{kind.lower()}-{tag}{i:03d}"))
    return plan


def fleet(count: int, tag: str = "", description: str = "") -> Callable[[], None]:
    """``count`` resources of six types; skills hang off the category declared before them."""

    def program() -> None:
        category: zoomcc.SkillCategory | None = None
        for kind, name, rname in _plan(count, tag):
            if kind == "SkillCategory":
                category = zoomcc.SkillCategory(
                    rname, name=name, skill_type="text", description=description or None
                )
            elif kind == "Skill":
                assert category is not None
                zoomcc.Skill(rname, name=name, skill_category_id=category.id)
            elif kind == "Disposition":
                zoomcc.Disposition(
                    rname, name=name, status="active", description=description or None
                )
            elif kind == "Queue":
                zoomcc.Queue(
                    rname,
                    name=name,
                    channel="voice",
                    max_wait_time=300,
                    description=description or None,
                )
            elif kind == "Team":
                zoomcc.Team(
                    rname,
                    name=name,
                    parent_team_id=ROOT_TEAM_ID,
                    description=description or None,
                )
            else:
                zoomcc.BusinessHours(
                    rname,
                    name=name,
                    timezone="America/New_York",
                    description=description or None,
                    hours={"hour_type": 1},
                )
        pulumi.export("count", count)

    return program
