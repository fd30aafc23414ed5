"""One configuration, two accounts: the same skills, hours and queues in a sandbox account
and in production, from one program.

Each account is a profile in the stack setting ``zoomcc:accounts`` (credentials set with
``--secret``); every resource names its profile with ``account=``::

    pulumi config set --path 'zoomcc:accounts.sandbox.accountId' <account id>
    pulumi config set --path 'zoomcc:accounts.sandbox.clientId' <client id>
    pulumi config set --secret --path 'zoomcc:accounts.sandbox.clientSecret' <client secret>
    # ... the same for zoomcc:accounts.production

The profiles the program promotes into are the stack setting ``promoteTo`` (a list, in
order; default: sandbox, then production).
"""

from typing import Literal

import pulumi

import pulumi_zoomcc as zoomcc

WEEKDAYS: list[Literal[1, 2, 3, 4, 5]] = [1, 2, 3, 4, 5]  # day_of_week: 1 is Monday

config = pulumi.Config()
accounts: list[str] = config.get_object("promoteTo") or ["sandbox", "production"]


def contact_center(account: str) -> dict[str, pulumi.Output[str]]:
    """The configuration, declared in ``account``; Pulumi names are prefixed with it."""
    languages = zoomcc.SkillCategory(
        f"{account}-languages",
        name="Languages",
        skill_type="proficiency",
        max_proficiency_level=5,
        account=account,
    )
    zoomcc.Skill(
        f"{account}-french", name="French", skill_category_id=languages.id, account=account
    )
    office_hours = zoomcc.BusinessHours(
        f"{account}-office-hours",
        name="Office hours",
        timezone="Europe/Paris",
        hours={
            "hour_type": 2,
            "custom_hours": [
                {
                    "day_of_week": day,
                    "custom_hour_type": 2,
                    "custom_hour_ranges": [{"start_time": "09:00", "end_time": "18:00"}],
                }
                for day in WEEKDAYS
            ],
        },
        account=account,
    )
    support = zoomcc.Queue(
        f"{account}-support",
        name="Support",
        channel="voice",
        max_wait_time=300,
        account=account,
    )
    zoomcc.QueueOperatingHours(
        f"{account}-support-hours",
        queue_id=support.id,
        operating_hours_business_hour_id=office_hours.id,
        account=account,
    )
    return {"support_queue_id": support.id, "office_hours_id": office_hours.id}


for account in accounts:
    pulumi.export(account, contact_center(account))
