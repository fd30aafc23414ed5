"""What every kind of resource has: a name, docs, the API operations it calls, its arguments
and outputs under friendly names, and its rules.

Objects (``spec.ResourceSpec``), memberships and settings are kinds built on ``BaseSpec``:
each says in its own terms which operations it calls and which fields it takes; the SDK and
docs generators and check() read only what is declared here.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar, TypeVar
from urllib.parse import quote

from zoomcc.apispec import ApiSpec, FieldSpec, Operation, load_api_spec
from zoomcc.resources.rules import Rule

Value = TypeVar("Value")
_PLACEHOLDER = re.compile(r"\{([^}]+)\}")


@dataclass(frozen=True, eq=False, kw_only=True)
class BaseSpec(ABC):
    """One Pulumi resource type. API field names are the reference's; friendly names are
    the SDK's."""

    name: str
    """SDK class name, e.g. ``Queue``; also the Pulumi type ``zoomcc:<name>``."""
    summary: str
    """One paragraph for the docs and the SDK docstring."""
    example: str = ""
    """A Python snippet for the docs."""
    renames: Mapping[str, str] = field(default_factory=dict)
    """Friendly argument name -> API field name, e.g. ``{"name": "queue_name"}``."""
    references: Mapping[str, str] = field(default_factory=dict)
    """API fields holding ids of other resources -> that resource's name (for export,
    lookups and docs): ``{"skill_category_id": "SkillCategory"}``."""
    rules: tuple[tuple[str, Rule], ...] = ()
    """Format rules the reference states only in prose: (API field path, rule), ``[]`` for
    list items (``"closures[].start_time"``); checked at preview (see ``resources.rules``)."""

    supports_import: ClassVar[bool]
    """Whether the SDK offers ``import_id`` (each kind says)."""

    # ---- what each kind declares -----------------------------------------------------------
    @property
    @abstractmethod
    def operations(self) -> tuple[Operation, ...]:
        """Every API operation the resource calls (docs, scopes, conformance)."""

    @property
    @abstractmethod
    def input_fields(self) -> dict[str, FieldSpec]:
        """The arguments, by API field name."""

    @property
    @abstractmethod
    def output_fields(self) -> dict[str, FieldSpec]:
        """What reads return besides the arguments, by API field name."""

    @property
    @abstractmethod
    def replace_fields(self) -> frozenset[str]:
        """Arguments a change of which replaces the resource."""

    @property
    @abstractmethod
    def id_key(self) -> str:
        """The field whose value is the resource's id (the API's id field, or the argument
        naming the parent)."""

    @property
    @abstractmethod
    def api_path(self) -> str:
        """The API path the docs name as the resource's object."""

    @abstractmethod
    def change_note(self, api_field: str) -> str:
        """For the docs: what changing the argument ``api_field`` does."""

    @abstractmethod
    def behaviour_notes(self) -> list[str]:
        """The docs' "Behaviour" bullets."""

    @property
    def create_required(self) -> frozenset[str]:
        """Required arguments (API names) that ``import_id`` adoption may leave out; none for
        kinds without adoption."""
        return frozenset()

    # ---- derived -------------------------------------------------------------------------
    @cached_property
    def api(self) -> ApiSpec:
        return load_api_spec()

    @cached_property
    def scopes(self) -> tuple[str, ...]:
        return tuple(sorted({s for op in self.operations for s in op.scopes}))

    @cached_property
    def granular_scopes(self) -> tuple[str, ...]:
        return tuple(sorted({s for op in self.operations for s in op.granular_scopes}))

    @cached_property
    def api_to_friendly(self) -> dict[str, str]:
        inverse = {api: friendly for friendly, api in self.renames.items()}
        names = set(self.input_fields) | set(self.output_fields)
        return {api: inverse.get(api, api) for api in sorted(names)}

    @cached_property
    def friendly_to_api(self) -> dict[str, str]:
        return {friendly: api for api, friendly in self.api_to_friendly.items()}

    def friendly(self, api_field: str) -> str:
        return self.api_to_friendly.get(api_field, api_field)

    def to_api(self, friendly: Mapping[str, Value]) -> dict[str, Value]:
        """Friendly argument names -> API field names, values untouched; a name that is no
        argument is kept as it is (check reports it). The one renaming check, diff, create
        and update use."""
        return {self.friendly_to_api.get(k, k): v for k, v in friendly.items()}


def list_key_of(op: Operation, resource: str) -> str:
    """The one array field of ``op``'s answer: where a list call puts its items."""
    resp = op.success_response
    fields = resp.body.schema_.fields if resp and resp.body else []
    arrays = [f.name for f in fields if f.type == "array"]
    if len(arrays) != 1:
        raise ValueError(f"{resource}: cannot tell the list key among {arrays}")
    return arrays[0]


def fill_path(resource: str, template: str, values: Mapping[str, str], own_id: str | None) -> str:
    """``template`` with each ``{param}`` filled, quoted, from ``values``, any other from
    ``own_id`` (the object's or the member's own id); one left without a value fails."""

    def value(match: re.Match[str]) -> str:
        found = values.get(match.group(1), own_id)
        if found is None:
            raise ValueError(f"{resource}: no value for {match.group(0)} in {template}")
        return quote(found, safe="")

    return _PLACEHOLDER.sub(value, template)
