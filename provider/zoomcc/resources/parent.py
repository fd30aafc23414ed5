"""What resources living on a parent object share (memberships and settings): the parent's
path placeholder and argument, which is also the resource's id, and the error codes that
mean the parent is gone."""

from __future__ import annotations

import re
from abc import abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass

from zoomcc.apispec import FieldSpec, Operation
from zoomcc.resources.base import BaseSpec, fill_path

MISSING = re.compile(r"does not exist|not found", re.I)
"""An error message saying something does not exist."""


def about(param: str, message: str) -> bool:
    """Whether an error message is about the object of path parameter ``param``
    ("Queue does not exist", "The team does not exist" for ``queueId`` / ``teamId``)."""
    words = re.findall(r"[A-Z]?[a-z]+", param.removesuffix("Id"))  # dncList -> dnc, List
    pattern = r"\s*".join(re.escape(w) for w in words)
    return re.match(rf"(the )?{pattern}\b", message, re.I) is not None


@dataclass(frozen=True, eq=False, kw_only=True)
class ParentSpec(BaseSpec):
    """A resource on a parent object; its id is the parent's id."""

    parent_param: str
    """The path placeholder of the parent: ``queueId``."""
    parent_arg: str
    """The argument naming the parent, and the id of the resource: ``queue_id``."""
    parent_type: str = ""
    """The resource type of the parent (docs and references)."""

    def __post_init__(self) -> None:
        if not self.references and self.parent_type:
            object.__setattr__(self, "references", self.default_references())

    def default_references(self) -> dict[str, str]:
        """``references`` when the spec declares none: the parent argument's type."""
        return {self.parent_arg: self.parent_type}

    @property
    @abstractmethod
    def parent_not_found_codes(self) -> frozenset[int]:
        """Zoom codes of this resource's calls meaning "the parent does not exist"."""

    @property
    def id_key(self) -> str:
        return self.parent_arg

    def change_note(self, api_field: str) -> str:
        if api_field == self.parent_arg:
            return "replaces (the parent in the path)"
        return "replaces" if api_field in self.replace_fields else "in place"

    def parent_field(self, whose: str) -> FieldSpec:
        """The parent argument; ``whose`` completes "The id of the <parent> ..."."""
        return FieldSpec(
            name=self.parent_arg,
            type="string",
            required=True,
            description=f"The id of the {self.parent_type or 'parent'} {whose} "
            f"(``{{{self.parent_param}}}``). Changing it replaces the resource.",
        )

    def parent_gone_codes(self, ops: Iterable[Operation | None]) -> frozenset[int]:
        """Codes of ``ops`` meaning "the parent does not exist"."""
        return frozenset(
            e.code
            for op in ops
            if op is not None
            for e in op.errors
            if e.code is not None
            and e.status in (400, 404)
            and MISSING.search(e.message)
            and about(self.parent_param, e.message)
        )

    def url(self, path: str, parent_id: str, member_id: str | None = None) -> str:
        """``path`` with the parent's placeholder filled, and the other (a member's) too."""
        return fill_path(self.name, path, {self.parent_param: parent_id}, member_id)
