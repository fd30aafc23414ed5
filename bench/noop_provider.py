"""The engine's floor: a dynamic provider that does nothing.

It lives in an importable module (not ``__main__``) so that dill pickles it by reference,
like ``SpecProvider``: both resources then carry a few dozen bytes of ``__provider``, not a
secret, and the comparison measures the engine and the dynamic-provider plumbing, not pickle
sizes or secret handling.
The provider process finds it through ``PYTHONPATH`` (see ``bench.common.engine_environ``).
"""

from __future__ import annotations

import itertools
from typing import Any

import pulumi
from pulumi.dynamic import CreateResult, ResourceProvider

_ids = itertools.count(1)


class NoopProvider(ResourceProvider):
    """create returns at once with a made-up id; everything else is the base class."""

    # As SpecProvider: the pickled provider is no secret. The base class's default (True)
    # makes every resource's ``__provider`` a secret the engine encrypts again at each
    # checkpoint, which at N=500 made the "floor" slower than the provider it measures
    # (77 s against 76 s, the engine at 587 MiB against 165).
    serialize_as_secret_always = False

    def create(self, props: dict[str, Any]) -> CreateResult:
        return CreateResult(f"noop-{next(_ids)}", dict(props))


class Noop(pulumi.dynamic.Resource, module="bench", name="Noop"):
    """A resource of the no-op provider with the given inputs."""

    def __init__(self, name: str, props: dict[str, Any]) -> None:
        super().__init__(NoopProvider(), name, props)
