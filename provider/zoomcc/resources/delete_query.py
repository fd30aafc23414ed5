"""Query parameters a DELETE requires, filled from delete-time arguments.

Some deletes must say where the object's dependants go (a region's users, a role's users).
The value is an argument of the resource that only the DELETE sends: never the create or
the update, and changing it replaces nothing. Where the argument is absent, the default
names how to find a value in the account (resolved by the provider at delete time).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FlaggedObject:
    """The default is the id of the ``type_name`` object whose boolean ``flag`` is true in
    its list (the account's main region: ``is_main_region``)."""

    type_name: str
    flag: str


@dataclass(frozen=True)
class NamedObject:
    """The default is the id of the ``type_name`` object named ``name`` (a built-in one)."""

    type_name: str
    name: str


@dataclass(frozen=True)
class DeleteParam:
    """One query parameter of the DELETE call, given by the argument ``argument``."""

    argument: str
    """The resource's argument (friendly name), e.g. ``move_users_to_region_id``."""
    description: str
    """For the docs and the SDK: what the value means and what happens without it."""
    default: FlaggedObject | NamedObject | None = None
    """Where the value comes from when the argument is absent (None: it is required)."""
    dependants_count: str | None = None
    """The GET field counting what the delete moves, e.g. ``total_users`` for a role. Where
    the default is missing from the account and the count is 0, nothing moves, so any other
    object of the type is a harmless value (the API still requires one)."""
