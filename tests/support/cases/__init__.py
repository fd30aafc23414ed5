"""The one home of per-resource test data: every resource kind's case (objects, memberships,
settings) with its inputs, its in-place update, its replacing change and its prerequisites.
The provider, end-to-end and reliability tiers and the bench all read it from here."""

from __future__ import annotations

from tests.support.cases.assets import flow_files
from tests.support.cases.by_type import (
    ALL_CASES,
    MEMBERSHIP_CASES,
    MEMBERSHIPS,
    OBJECTS,
    SETTINGS,
    SETTINGS_CASES,
)
from tests.support.cases.case import (
    Case,
    MembershipCase,
    SettingsCase,
    Values,
    applied,
    closed_all_day,
    resolve,
)
from tests.support.cases.contacts import address_books
from tests.support.cases.declared import Declared, declare, program, strings
from tests.support.cases.parents import (
    make_business_hours,
    make_queue,
    make_team,
    root_team_id,
    seed_users,
    seeded,
)
from tests.support.cases.queues import INTERRUPT_MENU
from tests.support.cases.unique import UniqueNames, UniqueSeeds
from tests.support.cases.users import make_skills, roles_and_region
from tests.support.matching import contains

__all__ = [
    "ALL_CASES",
    "INTERRUPT_MENU",
    "MEMBERSHIPS",
    "MEMBERSHIP_CASES",
    "OBJECTS",
    "SETTINGS",
    "SETTINGS_CASES",
    "Case",
    "Declared",
    "MembershipCase",
    "SettingsCase",
    "UniqueNames",
    "UniqueSeeds",
    "Values",
    "address_books",
    "applied",
    "closed_all_day",
    "contains",
    "declare",
    "flow_files",
    "make_business_hours",
    "make_queue",
    "make_skills",
    "make_team",
    "program",
    "resolve",
    "roles_and_region",
    "root_team_id",
    "seed_users",
    "seeded",
    "strings",
]
