"""An upgrade must load the providers existing stacks hold: the engine stores each resource's
provider pickled by reference (class path and type name), so those paths stay importable and
load into today's provider for the type."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import dill
import pytest
from pulumi.dynamic import ResourceProvider

from zoomcc.dynamic.registry import provider_class
from zoomcc.resources import catalog

FIXTURE = Path(__file__).parents[1] / "support" / "fixtures" / "providers_pickled_by_0_1_0.json"
PICKLED: dict[str, dict[str, str]] = json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_every_type_of_the_earlier_release_is_covered() -> None:
    assert set(PICKLED) <= {spec.name for spec in catalog.ALL}
    assert len(PICKLED) == 51


@pytest.mark.parametrize("type_name", sorted(PICKLED))
def test_a_provider_pickled_by_the_earlier_release_loads(type_name: str) -> None:
    provider = dill.loads(base64.b64decode(PICKLED[type_name]["pickle"]))
    assert isinstance(provider, ResourceProvider)
    assert provider.type_name == type_name  # type: ignore[attr-defined]
    assert provider.spec.name == type_name  # type: ignore[attr-defined]
    assert type(provider) is provider_class(catalog.get(type_name))
