"""The export's plan from objects as the API shows them: ids become references by value at
any depth, other ids stack config, defaults and read-only fields are left out, names are
stable and unique, and the program is the same whatever order the API listed things in."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from zoomcc.exporter import ExportedObject, plan, render_program
from zoomcc.exporter.progress import summary
from zoomcc.resources import catalog


def obj(type_name: str, object_id: str, live: dict[str, Any], parent: str = "") -> ExportedObject:
    return ExportedObject(catalog.get(type_name), object_id, live, parent_id=parent)


def account() -> list[ExportedObject]:
    """A small account: a category and skill, a routing profile pointing at the category
    inside a list of objects, a queue using the profile, its agents, and the root team."""
    return [
        obj(
            "Team",
            "root-team-id-000000000",
            {"team_id": "root-team-id-000000000", "team_name": "All agents"},
        ),
        obj(
            "Team",
            "tier-one-id-0000000000",
            {
                "team_id": "tier-one-id-0000000000",
                "team_name": "Tier 1",
                "parent_team_id": "root-team-id-000000000",
            },
        ),
        obj(
            "SkillCategory",
            "category-id-0000000000",
            {
                "skill_category_id": "category-id-0000000000",
                "skill_category_name": "Languages",
                "skill_type": "proficiency",
                "skills_count": 1,
            },
        ),
        obj(
            "AgentRoutingProfile",
            "profile-id-00000000000",
            {
                "agent_routing_profile_id": "profile-id-00000000000",
                "agent_routing_profile_name": "By language",
                "priorities": [
                    {
                        "category_type": "skill",
                        "skill_category_id": "category-id-0000000000",
                        "skill_category_name": "Languages",
                    }
                ],
            },
        ),
        obj(
            "Queue",
            "queue-id-0000000000000",
            {
                "cc_queue_id": "queue-id-0000000000000",
                "queue_name": "Support",
                "channel": "voice",
                "agent_routing_profile_id": "profile-id-00000000000",
                "agent_routing_profile_name": "By language",
                "distribution_duration_in_seconds": 30,
                "wrap_up_time": 120,
                "outbound_settings": {
                    "queue_caller_ids": ["+14155550100"],
                    "outbound_phone_number_id": "phone-number-id-0000000",
                },
            },
        ),
        obj(
            "QueueTeams",
            "QueueTeams:queue-id-0000000000000",
            {"queue_id": "queue-id-0000000000000", "team_ids": ["tier-one-id-0000000000"]},
            parent="queue-id-0000000000000",
        ),
        obj(
            "InboxEmailNotification",
            "x",
            {"inbox_id": "inbox-outside", "user_id": "u1", "email_notification": False},
            parent="inbox-outside",
        ),
    ]


def program(objects: list[ExportedObject]) -> str:
    return render_program(plan(objects))


EXPECTED = [
    # by value, inside a list of objects, whatever the field is called
    'priorities=[{"category_type": "skill", "skill_category_id": skill_category_languages.id}]',
    "agent_routing_profile_id=agent_routing_profile_by_language.id",
    "team_ids=[team_tier_1.id]",
    # an object outside the export: config named after it
    'parent_team_id=config.require("team_all_agents_id")',
    # a phone number (an id of something never read): config named after where it is used
    '"queue_caller_ids": [config.require("queue_support_queue_caller_ids_1")]',
    "wrap_up_time=120",
    'import_id=import_ids.get("queue_support")',
]
ABSENT = [
    "skills_count",  # read-only
    "skill_category_name",  # read-only, nested
    "agent_routing_profile_name",  # read-only
    "distribution_duration_in_seconds",  # "The default on new queues is 30 seconds"
    "InboxEmailNotification",  # false is the documented default: nothing to declare
    "category-id",  # every id of an exported object is a reference
]


def flat(text: str) -> str:
    """The program with its line breaks (and the commas they leave) taken out."""
    return re.sub(r",?\n\s*(?=[\]})])", "", re.sub(r"(?<=[\[{(])\n\s*", "", text))


@pytest.mark.parametrize("text", EXPECTED)
def test_the_program_holds(text: str) -> None:
    assert text in flat(program(account()))


@pytest.mark.parametrize("text", ABSENT)
def test_the_program_leaves_out(text: str) -> None:
    assert text not in program(account())


def test_resources_come_after_what_they_refer_to() -> None:
    text = program(account())
    order = [
        "skill_category_languages =",
        "agent_routing_profile_by_language =",
        "queue_support =",
        "queue_teams_support =",
    ]
    assert [text.index(o) for o in order] == sorted(text.index(o) for o in order)


def test_the_program_does_not_depend_on_the_listing_order() -> None:
    first = program(account())
    for seed in range(5):
        shuffled = account()
        random.Random(seed).shuffle(shuffled)
        assert program(shuffled) == first


def test_the_same_name_twice_is_told_apart_by_arguments_not_ids() -> None:
    def two(first_id: str, second_id: str) -> str:
        return program(
            [
                obj(
                    "Disposition",
                    first_id,
                    {
                        "disposition_id": first_id,
                        "disposition_name": "Sold",
                        "disposition_description": "b",
                    },
                ),
                obj(
                    "Disposition",
                    second_id,
                    {
                        "disposition_id": second_id,
                        "disposition_name": "Sold",
                        "disposition_description": "a",
                    },
                ),
            ]
        )

    assert two("id-one-000000000000000", "id-two-000000000000000") == two(
        "id-zzz-000000000000000", "id-aaa-000000000000000"
    )


def test_the_program_is_ruff_clean(tmp_path: Path) -> None:
    path = tmp_path / "__main__.py"
    path.write_text(program(account()))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--isolated",
            "--select",
            "E,F,W,I,UP,B,RUF",
            str(path),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout


def test_the_summary_counts_resources_by_type() -> None:
    line = summary(plan(account()), requests=12, seconds=1.25)
    assert line.startswith("exported 5 resources (")
    assert "Queue 1" in line and "with 12 API requests in 1.2 s" in line


def test_a_reference_cycle_is_cut_into_config_left_unset_on_a_first_run() -> None:
    def queue(object_id: str, name: str, overflow: str) -> ExportedObject:
        live = {"cc_queue_id": object_id, "queue_name": name, "channel": "voice"}
        return obj("Queue", object_id, {**live, "overflow_to_cc_queue_id": overflow})

    first, second = "first-queue-id-0000000", "second-queue-id-000000"
    result = plan([queue(first, "First", second), queue(second, "Second", first)])
    text = flat(render_program(result))
    assert "overflow_to_cc_queue_id=queue_second.id" in text
    assert 'overflow_to_cc_queue_id=config.get("queue_second_queue_first_id")' in text
    assert result.config["queue_second_queue_first_id"] == first
    assert text.index("queue_second =") < text.index("queue_first =")


def test_what_was_left_out_is_counted_in_objects_and_unread_types_apart() -> None:
    unread = [
        ("QueueInterruptSettings", "queue-id-0000000000000", "cannot read: not a voice queue"),
        ("QueueAgents", "queue-id-0000000000000", "cannot list: no feature"),
        ("QueueAgents", "queue-other-00000000000", "cannot list: no feature"),
        ("CampaignDncListPhones", "*", "no call lists their parents"),
    ]
    line = summary(plan(account(), unread), requests=3, seconds=0.5)
    assert line.endswith(
        "; 3 objects left out (QueueAgents 2, QueueInterruptSettings 1)"
        "; 1 type not read (CampaignDncListPhones)"
    )
