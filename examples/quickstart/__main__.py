"""A small contact center: skills, queues, dispositions, hours, closures and a team.

Deploy it against the local emulator with `zoomcc quickstart`, or against a real account
after `pulumi config set zoomcc:accountId ...` (see the README).
"""

from typing import Literal

import pulumi

import pulumi_zoomcc as zoomcc

WEEKDAYS: list[Literal[1, 2, 3, 4, 5]] = [1, 2, 3, 4, 5]  # day_of_week: 1 is Monday

config = pulumi.Config()
root_team_id = config.require("rootTeamId")

languages = zoomcc.SkillCategory(
    "languages",
    name="Languages",
    description="Languages our agents speak.",
    skill_type="proficiency",
    max_proficiency_level=5,
)
french = zoomcc.Skill("french", name="French", skill_category_id=languages.id)
german = zoomcc.Skill("german", name="German", skill_category_id=languages.id)

support = zoomcc.Queue(
    "support",
    name="Support",
    description="First-line support calls.",
    channel="voice",
    max_wait_time=300,
    wrap_up_time=30,
)
chat = zoomcc.Queue("chat", name="Chat", description="Web chat.", channel="messaging")

resolved = zoomcc.Disposition("resolved", name="Resolved", status="active")
callback = zoomcc.Disposition(
    "callback", name="Callback needed", description="Promised a call back.", status="active"
)
outcomes = zoomcc.DispositionSet(
    "outcomes",
    name="Call outcomes",
    status="active",
    disposition_ids=[resolved.id, callback.id],
)

office_hours = zoomcc.BusinessHours(
    "office-hours",
    name="Office hours",
    description="Weekdays 9 to 5.",
    timezone="America/New_York",
    hours={
        "hour_type": 2,
        "custom_hours": [
            {
                "day_of_week": day,
                "custom_hour_type": 2,
                "custom_hour_ranges": [{"start_time": "09:00", "end_time": "17:00"}],
            }
            for day in WEEKDAYS
        ],
    },
)
holidays = zoomcc.ClosureSet(
    "holidays",
    name="Public holidays",
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

tier1 = zoomcc.Team(
    "tier1", name="Tier 1", description="First-line agents.", parent_team_id=root_team_id
)

pulumi.export("support_queue_id", support.id)
pulumi.export("chat_queue_id", chat.id)
pulumi.export("skill_ids", {"french": french.id, "german": german.id})
pulumi.export("disposition_set_id", outcomes.id)
pulumi.export("business_hours_id", office_hours.id)
pulumi.export("closure_set_id", holidays.id)
pulumi.export("team_id", tier1.id)
