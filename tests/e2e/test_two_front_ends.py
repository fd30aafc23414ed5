"""One behaviour, two front ends: the same small contact center deployed through the Python
SDK (dynamic providers) and through Pulumi YAML (the native plugin) makes the same API calls
with the same bodies, in the same order for each object.

Ids differ between runs; each is replaced by what it names (``queues:Support``), and the
token requests (one per provider process) are left out. Every write is compared exactly;
reads by the collections they read: whether a name is found by a GET by name or in a listing
another create just made depends on timing (the handlers share listings between parallel
calls), in either front end and from run to run.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.stacks import Stacks
from tests.e2e.test_yaml import RESOURCES, yaml_copy
from zoomcc.emulator import ROOT_TEAM_ID, EmulatorServer
from zoomcc.engine.toolchain import EngineToolchain

pytestmark = pytest.mark.e2e

PYTHON_TWIN = """
import pulumi
import pulumi_zoomcc as zoomcc

root_team_id = pulumi.Config().require("rootTeamId")
languages = zoomcc.SkillCategory("languages", name="Languages",
    description="Languages our agents speak.", skill_type="proficiency", max_proficiency_level=5)
french = zoomcc.Skill("french", name="French", skill_category_id=languages.id)
office_hours = zoomcc.BusinessHours("officeHours", name="Office hours",
    description="Weekdays 9 to 5.", timezone="America/New_York",
    hours={"hour_type": 2, "custom_hours": [
        {"day_of_week": day, "custom_hour_type": 2,
         "custom_hour_ranges": [{"start_time": "09:00", "end_time": "17:00"}]}
        for day in [1, 2, 3, 4, 5]]})
holidays = zoomcc.ClosureSet("holidays", name="Public holidays", timezone="America/New_York",
    closures=[{"closure_name": "New Year", "closure_hour_type": 1,
               "start_time": "2027-01-01T00:00:00Z", "end_time": "2027-01-02T00:00:00Z",
               "recurring_frequency": 0}])
resolved = zoomcc.Disposition("resolved", name="Resolved", status="active")
callback = zoomcc.Disposition("callback", name="Callback needed",
    description="Promised a call back.", status="active")
tier1 = zoomcc.Team("tier1", name="Tier 1", description="First-line agents.",
    parent_team_id=root_team_id)
support = zoomcc.Queue("support", name="Support", description="First-line support calls.",
    channel="voice", max_wait_time=300, wrap_up_time=30)
zoomcc.QueueTeams("supportTeams", queue_id=support.id, team_ids=[tier1.id])
zoomcc.QueueDispositions("supportDispositions", queue_id=support.id,
    disposition_ids=[resolved.id, callback.id])
zoomcc.QueueOperatingHours("supportHours", queue_id=support.id,
    operating_hours_business_hour_id=office_hours.id,
    operating_hours_closure_set_id=holidays.id)
"""
"""``examples/yaml`` written with the Python SDK, resource for resource."""


def labels(emulator: EmulatorServer) -> dict[str, str]:
    """Every id the emulator holds -> what it names: ``<collection>:<its name>``."""
    found = {ROOT_TEAM_ID: "root-team"}
    for collection, objects in emulator.state.all_objects().items():
        id_field = emulator.state.store.collection(collection).id_field
        for obj in objects:
            name = next((v for k, v in sorted(obj.items()) if k.endswith("name")), "?")
            found.setdefault(str(obj.get(id_field)), f"{collection}:{name}")
    return found


def calls(emulator: EmulatorServer) -> dict[str, list[str]]:
    """The API calls by method, path and query, ids named; an object's calls in their order,
    a collection's calls (each about a different object) as a sorted list."""
    names = labels(emulator)
    pattern = re.compile("|".join(re.escape(i) for i in sorted(names, key=len, reverse=True)))

    def named(text: str) -> str:
        return pattern.sub(lambda m: f"<{names[m.group(0)]}>", text)

    grouped: dict[str, list[str]] = defaultdict(list)
    for request in emulator.state.requests:
        if request.operation == "oauth.token":
            continue
        if request.method == "GET":  # which read finds a name depends on timing: see above
            grouped["GET"].append(request.path.split("/")[3])
            continue
        sent = f"?{request.query} " + json.dumps(request.body, sort_keys=True)
        grouped[f"{request.method} {named(request.path)}"].append(named(sent))
    grouped["GET"] = sorted(set(grouped["GET"]))
    return {key: bodies if key.endswith(">") else sorted(bodies) for key, bodies in grouped.items()}


def deployed(stack: Any, emulator: EmulatorServer) -> dict[str, list[str]]:
    emulator.state.clear_requests()
    stack.up()
    return calls(emulator)


def test_python_and_yaml_make_the_same_calls_with_the_same_bodies(
    yaml_engine: EngineToolchain, stacks: Stacks, emulator: EmulatorServer, tmp_path: Path
) -> None:
    config = {"zoomcc-yaml:rootTeamId": ROOT_TEAM_ID, "zoomcc-python:rootTeamId": ROOT_TEAM_ID}
    python = stacks.program(PYTHON_TWIN, "zoomcc-python", config)
    through_python = deployed(python, emulator)
    python.destroy()
    assert emulator.state.object_count() == 0

    yaml = stacks.project(yaml_copy(tmp_path), "dev", config)
    through_yaml = deployed(yaml, emulator)
    yaml.destroy()
    assert emulator.state.object_count() == 0

    assert sum(len(v) for v in through_yaml.values()) >= RESOURCES
    assert through_yaml == through_python
