"""Which provider class serves a resource type: the one of its spec's kind (object,
membership, settings). Irregular objects are data on their ``ResourceSpec``, served by the
object kind's provider.

``resources`` names no provider: whoever needs one (the SDK, the tests) asks here.
"""

from __future__ import annotations

from typing import Any

from zoomcc.dynamic.base import BaseProvider
from zoomcc.dynamic.membership import MembershipProvider
from zoomcc.dynamic.provider import SpecProvider
from zoomcc.dynamic.settings import SettingsProvider
from zoomcc.resources import catalog
from zoomcc.resources.base import BaseSpec

ProviderClass = type[BaseProvider[Any]]

BY_KIND: tuple[ProviderClass, ...] = (SpecProvider, MembershipProvider, SettingsProvider)
"""The provider of each kind of spec (the class's ``kind``)."""


def provider_class(spec: BaseSpec) -> ProviderClass:
    """The class serving ``spec``: its kind's."""
    for cls in BY_KIND:
        if isinstance(spec, cls.kind):
            return cls
    raise TypeError(f"zoomcc: no provider serves {spec.name} ({type(spec).__name__})")


def provider_for(type_name: str, account: str | None = None) -> BaseProvider[Any]:
    """A provider instance for the resource type ``type_name`` (pickled by reference), in
    the account profile ``account`` (None: the stack's own settings)."""
    return provider_class(catalog.get(type_name))(type_name, account)
