"""What the providers of resources on a parent share (memberships and settings): the
parent's id is the resource's id, and a parent that is gone means the same to both."""

from __future__ import annotations

from typing import Any, TypeVar

from pulumi.dynamic import ReadResult

from zoomcc.client import NotFoundError
from zoomcc.dynamic.base import OLD_INPUTS_KEY, BaseProvider
from zoomcc.resources.parent import ParentSpec

OnParent = TypeVar("OnParent", bound=ParentSpec)


class ParentVanishedError(Exception):
    """The parent of a membership or of settings does not exist (any more)."""


class ParentProvider(BaseProvider[OnParent]):
    """A provider whose resource lives on a parent object."""

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        props.pop(OLD_INPUTS_KEY, None)  # the state's inputs: a refresh leaves them as they are
        parent = self._parent_or_id(id_, props)
        try:
            outs = self._read_outputs(parent, props or {self.spec.parent_arg: parent})
        except ParentVanishedError:
            return ReadResult("", {})
        return ReadResult(id_, outs)

    def _read_outputs(self, parent: str, props: dict[str, Any]) -> dict[str, Any]:
        """The outputs a refresh shows; ParentVanishedError when the parent is gone."""
        raise NotImplementedError

    def _parent(self, props: dict[str, Any]) -> str:
        spec = self.spec
        parent = props.get(spec.parent_arg)
        if not parent:
            raise ValueError(f"{spec.name}: '{spec.parent_arg}' is required")
        return str(parent)

    def _parent_or_id(self, id_: str, props: dict[str, Any]) -> str:
        """The parent of a resource in the state: its argument, else the id (the same)."""
        return str(props.get(self.spec.parent_arg) or id_)

    def _parent_gone(self, exc: NotFoundError) -> bool:
        """Whether a not-found answer is about the parent (a documented parent code, or a
        404 with no code): other codes are about something else the call names."""
        return exc.code is None or exc.code in self.spec.parent_not_found_codes

    def _vanished(self, parent: str) -> ParentVanishedError:
        return ParentVanishedError(f"{self.spec.name}: {parent} does not exist")

    def _absent_on_create(self, parent: str) -> ParentVanishedError:
        spec = self.spec
        return ParentVanishedError(
            f"{spec.name}: {spec.parent_arg} {parent!r} does not exist in Zoom; "
            f"create the {spec.parent_type or 'parent'} first (or fix the id)"
        )

    def _absent_on_update(self, parent: str) -> ParentVanishedError:
        spec = self.spec
        return ParentVanishedError(
            f"{spec.name}: {spec.parent_arg} {parent!r} no longer exists in Zoom "
            "(deleted outside Pulumi?); run `pulumi refresh`, then `pulumi up`"
        )
