"""Derived-field rules: values check() fills in or normalises, declared as spec ``rules``.

Where the reference requires a field that only restates another (a contact's
``phone_numbers`` beside its ``phones``), or its examples send a shorthand of what its schema
declares (a user template's ``package``), the rule says how to derive the field. check()
applies it before validating (see ``zoomcc.dynamic.derived_fields``), so preview shows, the
state holds and the API receives the full value, and the next preview sees no change.

A derived rule's path is a top-level API field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from zoomcc.resources.rules import Rule


class Derived(Rule):
    """A rule that also fills in or normalises its field."""

    shorthand: ClassVar[str | None] = None
    """A Python type the argument also accepts (``str``), for the SDK's signature."""
    fills_in: ClassVar[bool] = False
    """Whether the value is derived when left out (so the argument is never required)."""

    def sources(self) -> tuple[str, ...]:
        """The API fields the value is derived from (unknown during preview: so is it)."""
        return ()

    def derive(self, value: Any, document: Mapping[str, Any]) -> Any:
        """The field's value given what was declared (``value``, None if left out) and the
        whole API payload."""
        raise NotImplementedError


@dataclass(frozen=True)
class ItemsOf(Derived):
    """The ``key`` of every item of the list ``source``, in order: a contact's
    ``phone_numbers`` are its ``phones[].phone_number``. Declared, it must say the same."""

    source: str
    key: str
    fills_in: ClassVar[bool] = True

    def sources(self) -> tuple[str, ...]:
        return (self.source,)

    def derive(self, value: Any, document: Mapping[str, Any]) -> Any:
        if value is not None:
            return value
        items = document.get(self.source)
        if not isinstance(items, list):
            return None
        return [item.get(self.key) for item in items if isinstance(item, Mapping)]

    def failure(self, value: Any, document: Mapping[str, Any]) -> str | None:
        wanted = self.derive(None, document)
        if (
            wanted is None
            or not isinstance(value, list)
            or sorted(map(str, value)) == sorted(map(str, wanted))
        ):
            return None
        return (
            f"must list the same numbers as `{self.source}[].{self.key}` ({wanted!r}, got "
            f"{value!r}); leave it out and it is derived from `{self.source}`"
        )

    def describe(self) -> str:
        return f"derived from `{self.source}[].{self.key}` when left out"


@dataclass(frozen=True)
class Shorthand(Derived):
    """A plain string stands for ``{key: string}``: a user template's ``package="elite"`` is
    ``{"package_name": "elite"}``."""

    key: str
    shorthand: ClassVar[str | None] = "str"

    def derive(self, value: Any, document: Mapping[str, Any]) -> Any:
        return {self.key: value} if isinstance(value, str) else value

    def failure(self, value: Any, document: Mapping[str, Any]) -> str | None:
        return None

    def describe(self) -> str:
        return f'an object; a plain string is short for `{{"{self.key}": <string>}}`'


def derived_rules(rules: tuple[tuple[str, Rule], ...]) -> list[tuple[str, Derived]]:
    """The derived-field rules among a spec's ``rules``."""
    return [(path, rule) for path, rule in rules if isinstance(rule, Derived)]


def argument_type(rules: tuple[tuple[str, Rule], ...], api_field: str, declared: str) -> str:
    """The SDK type of ``api_field``'s argument: ``declared``, or also a shorthand."""
    shorthands = [r.shorthand for p, r in derived_rules(rules) if p == api_field and r.shorthand]
    return " | ".join([*shorthands, declared])
