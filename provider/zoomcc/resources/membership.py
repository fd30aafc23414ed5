"""Membership resources: one parent-child link (a queue's agents, a user's skills...).

A `MembershipSpec` manages only the members it declares: members added elsewhere are left
alone, and deleting the resource removes only the declared ones. Its id is the parent's id.
Everything but the shape of the calls (paths, the member field, how removal works) is derived
from the machine-readable API spec; it is a kind of its own on ``ParentSpec``, so the SDK
generator, the docs generator and check() treat it like any other resource.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from zoomcc.apispec import FieldSpec, Operation
from zoomcc.resources.base import list_key_of
from zoomcc.resources.parent import MISSING, ParentSpec
from zoomcc.resources.removal import Removal

NO_REMOVAL = Removal("none")
"""The API has no call that removes a member."""

USER_KEYS: tuple[str, ...] = ("user_id", "cc_user_id", "user_email")
"""User members may be declared by Meetings id, Contact Center id or email."""


@dataclass(frozen=True, eq=False, kw_only=True)
class MembershipSpec(ParentSpec):
    """One parent-child link."""

    supports_import: ClassVar[bool] = False

    add_path: str
    """The POST path adding members: ``/contact_center/queues/{queueId}/agents``."""
    members_field: str
    """The add body's list of members: ``user_ids``, ``skills``. Also the argument's name."""
    member_key: str | None = None
    """For members that are objects (``skills``), the field holding the member's id."""
    attributes: Mapping[str, str] = field(default_factory=dict)
    """Per-member attributes (object members): add-body field -> field of a listed member
    (``{"max_proficiency_level": "user_proficiency_level"}``). A change re-assigns it."""
    shared_fields: tuple[str, ...] = ()
    """Add-body fields applying to every member of the call (``assign_type``); arguments
    of the resource whose change replaces it."""
    list_path: str = ""
    """GET path listing the parent's members; default ``add_path``."""
    list_items_key: str = ""
    """Key of the members in the GET response; default: its only array. Whether the list
    pages is read from its query contract (``list_pages``)."""
    live_keys: tuple[str, ...] = ()
    """Fields of a listed member any of which may equal a declared id (users: id, cc id,
    email); default ``(member_key or the list's id field,)``."""
    removal: Removal = NO_REMOVAL
    max_add: int | None = None
    """Most members per add call (the reference's documented limit)."""
    member_type: str = ""
    """The resource type of a member, if the provider manages it."""

    def default_references(self) -> dict[str, str]:
        refs = super().default_references()
        if self.member_type and self.member_key is None:
            refs[self.members_field] = self.member_type
        return refs

    @property
    def api_path(self) -> str:
        return self.add_path

    # ---- operations ---------------------------------------------------------------------
    @cached_property
    def add_op(self) -> Operation:
        return self.api.op("POST", self.add_path)

    @cached_property
    def list_op(self) -> Operation:
        return self.api.op("GET", self.list_path or self.add_path)

    @cached_property
    def remove_op(self) -> Operation | None:
        if self.removal.mode == "none":
            return None
        return self.api.op("DELETE", self.removal.path)

    @cached_property
    def list_pages(self) -> bool:
        """Whether the member list is read page by page (else in one call, no paging)."""
        return self.list_op.pages

    @cached_property
    def list_filters(self) -> tuple[str, ...]:
        """Shared fields the list takes as query parameters (``assign_type``): the list
        shows only the members of this resource's kind."""
        return tuple(f for f in self.shared_fields if self.list_op.query_param(f) is not None)

    @cached_property
    def remove_filters(self) -> tuple[str, ...]:
        """Shared fields the removal takes as query parameters (``assign_type``): which of
        the member's assignments is removed."""
        op = self.remove_op
        if op is None:
            return ()
        return tuple(f for f in self.shared_fields if op.query_param(f) is not None)

    @cached_property
    def operations(self) -> tuple[Operation, ...]:
        ops = [self.add_op, self.list_op]
        if self.remove_op is not None:
            ops.append(self.remove_op)
        return tuple(ops)

    # ---- fields ------------------------------------------------------------------------
    @cached_property
    def add_fields(self) -> dict[str, FieldSpec]:
        op = self.add_op
        if op.request is None:
            return {}
        return {f.name: f for f in op.request.schema_.fields}

    @cached_property
    def input_fields(self) -> dict[str, FieldSpec]:
        members = self.add_fields[self.members_field]
        if self.member_key is not None and members.items is not None:
            item_fields = [
                f.model_copy(update={"required": True}) if f.name == self.member_key else f
                for f in members.items.fields
            ]
            members = members.model_copy(
                update={"items": members.items.model_copy(update={"fields": item_fields})}
            )
        fields = {
            self.parent_arg: self.parent_field("whose members these are"),
            self.members_field: members.model_copy(
                update={
                    "required": True,
                    "max_items": None,
                    "description": members.description
                    + " Only these members are managed: others are left alone.",
                }
            ),
        }
        for name in self.shared_fields:
            fields[name] = self.add_fields[name]
        return dict(sorted(fields.items()))

    @cached_property
    def output_fields(self) -> dict[str, FieldSpec]:
        return {}

    @cached_property
    def replace_fields(self) -> frozenset[str]:
        return frozenset({self.parent_arg, *self.shared_fields})

    @cached_property
    def list_key(self) -> str:
        return self.list_items_key or list_key_of(self.list_op, self.name)

    @cached_property
    def match_keys(self) -> tuple[str, ...]:
        return self.live_keys or (self.member_key or self.members_field.removesuffix("s"),)

    @cached_property
    def parent_not_found_codes(self) -> frozenset[int]:
        """Codes meaning "the parent does not exist", from the list and add calls."""
        return self.parent_gone_codes((self.list_op, self.add_op))

    @cached_property
    def member_not_found_codes(self) -> frozenset[int]:
        """Codes of the removal call meaning the member (or its link) is already gone."""
        if self.remove_op is None:
            return frozenset()
        return (
            frozenset(
                e.code
                for e in self.remove_op.errors
                if e.code is not None and e.status in (400, 404) and MISSING.search(e.message)
            )
            - self.parent_not_found_codes
        )

    def members_url(self, parent_id: str) -> str:
        return self.url(self.list_path or self.add_path, parent_id)

    def add_url(self, parent_id: str) -> str:
        return self.url(self.add_path, parent_id)

    def remove_url(self, parent_id: str, member_id: str | None = None) -> str:
        return self.url(self.removal.path, parent_id, member_id)

    def behaviour_notes(self) -> list[str]:
        removal = {
            "item": "one `DELETE` per member",
            "body": f"`DELETE` with the ids in the body's `{self.removal.ids_field}`",
            "query": f"`DELETE` with the ids in the query parameter `{self.removal.ids_field}`",
            "none": "",
        }[self.removal.mode]
        notes = [
            f"- The id is the parent's id (`{self.parent_arg}`). Only the declared "
            f"`{self.members_field}` are managed: members added elsewhere are left alone by "
            "update and delete, and members already present are adopted without an error.",
            "- Refresh drops declared members that were removed outside Pulumi, so the next "
            "`pulumi up` adds them again; it drops the whole resource when the parent is gone.",
            "- Changing the parent (or a shared argument) replaces the resource: the old "
            "members are removed before the new ones are added.",
            "- An add or removal left without an answer (a 5xx, a dropped connection) is "
            "settled by listing the members again: members found added (or gone) are done, "
            "the others are sent again, never twice blindly.",
        ]
        if self.list_filters:
            shown = ", ".join(f"`{f}`" for f in self.list_filters)
            notes.append(
                f"- The list and the removal carry {shown} (the API's default when not "
                "declared): only members of that kind are read or removed."
            )
        if self.removal.mode == "none":
            notes.append(
                "- The API has no call that removes a member: removing one from the list, or "
                "deleting the resource, only stops managing it (it stays in Zoom)."
            )
        else:
            notes.append(f"- Removal: {removal}; deleting removes only the declared members.")
        if self.attributes:
            notes.append(
                "- Changing a member's "
                + ", ".join(f"`{a}`" for a in self.attributes)
                + " re-assigns it (remove, then add)."
            )
        return notes
