"""Objects every account has before anyone configures it: read (other objects point at
them) but not exported as resources, since a program cannot create them; references to
them become stack config."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Live = Mapping[str, Any]

BUILT_IN_ROLES = ("Administrator", "Supervisor", "Agent")
"""reference line 29827: "Administrator|Supervisor|Agent role name cannot be updated."."""

_RULES: dict[str, Callable[[Live], str | None]] = {
    # Team creation requires parent_team_id: the team without one is the account's root.
    "Team": lambda live: None if live.get("parent_team_id") else "the account's top-level team",
    # The list marks the main region, which cannot be deleted (reference line 22925).
    "Region": lambda live: "the account's main region" if live.get("is_main_region") else None,
    "Role": lambda live: "a built-in role" if live.get("role_name") in BUILT_IN_ROLES else None,
    # status_type: "used to determine default or custom status".
    "SystemStatus": lambda live: (
        "a default status" if live.get("status_type") == "default" else None
    ),
    # "The type can be either system or custom"; system groups cannot be changed.
    "VariableGroup": lambda live: (
        "a system variable group" if live.get("variable_group_type") == "system" else None
    ),
}


def built_in(type_name: str, live: Live) -> str | None:
    """Why the object exists in every account (None: it was configured)."""
    rule = _RULES.get(type_name)
    return rule(live) if rule is not None else None
