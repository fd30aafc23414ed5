"""One set of area names divides the 51 resource types alike in the provider's specs
(``zoomcc.resources.areas``), the emulator (``zoomcc.emulator.areas``) and the tests'
cases (``tests.support.cases``): each type is in exactly one area, the same one on every
side, and an object's memberships and settings sit in the area of the object they hang on.
(The test imports both sides; the emulator itself never reads the provider's specs.)"""

from __future__ import annotations

import pkgutil
from types import ModuleType

import pytest

from tests.support.cases import by_type
from zoomcc.emulator import areas as emulator_areas
from zoomcc.emulator.area import Area
from zoomcc.emulator.membership import membership_routes
from zoomcc.resources import areas as spec_areas
from zoomcc.resources import catalog
from zoomcc.resources.base import BaseSpec
from zoomcc.resources.membership import MembershipSpec
from zoomcc.resources.parent import ParentSpec
from zoomcc.resources.settings import SettingsSpec
from zoomcc.resources.spec import ResourceSpec

AREA_NAMES = frozenset(spec_areas.AREAS)


def submodules(package: ModuleType) -> set[str]:
    """The modules and packages directly inside ``package``."""
    return {found.name for found in pkgutil.iter_modules(package.__path__)}


def write_path(spec: BaseSpec) -> str:
    """The path the type's resource is written at: ``/contact_center/queues``."""
    if isinstance(spec, ResourceSpec):
        return spec.collection_path
    if isinstance(spec, MembershipSpec):
        return spec.add_path
    assert isinstance(spec, SettingsSpec)
    return spec.parts[0].write_path


def served_paths(area: Area) -> set[str]:
    """Every path the emulator's area answers at."""
    members = {r.path for m in area.memberships for r in membership_routes(m)}
    return {c.path for c in area.collections} | members | {r.path for r in area.routes}


def test_the_specs_the_emulator_and_the_cases_use_the_same_area_names() -> None:
    assert len(AREA_NAMES) == 8
    assert submodules(spec_areas) == AREA_NAMES
    assert set(emulator_areas.AREAS) == AREA_NAMES == submodules(emulator_areas)
    assert set(by_type.AREAS) == AREA_NAMES
    assert {module.__name__.rpartition(".")[2] for module in by_type.AREAS.values()} == AREA_NAMES


def test_the_areas_hold_every_type_once() -> None:
    names = [spec.name for specs in spec_areas.AREAS.values() for spec in specs]
    assert len(names) == len(set(names)) == len(catalog.ALL) == 51


@pytest.mark.parametrize("type_name", sorted(catalog.BY_NAME))
def test_each_type_is_in_one_area_on_every_side(type_name: str) -> None:
    spec = catalog.get(type_name)
    in_specs = [area for area, specs in spec_areas.AREAS.items() if spec in specs]
    in_cases = [
        area
        for area, module in by_type.AREAS.items()
        for case in (*module.CASES, *module.MEMBERSHIP_CASES, *module.SETTINGS_CASES)
        if case.type_name == type_name
    ]
    in_emulator = [
        area
        for area, served in emulator_areas.AREAS.items()
        if write_path(spec) in served_paths(served)
    ]
    assert len(in_specs) == 1
    assert in_cases == in_specs, f"{type_name}'s case"
    assert in_emulator == in_specs, f"{type_name}'s emulator routes"


@pytest.mark.parametrize(
    "type_name", sorted(s.name for s in catalog.ALL if isinstance(s, ParentSpec))
)
def test_memberships_and_settings_sit_in_their_parents_area(type_name: str) -> None:
    spec = catalog.get(type_name)
    assert isinstance(spec, ParentSpec)
    if spec.parent_type in catalog.BY_NAME:  # a do-not-call list is no resource type
        assert catalog.AREA_OF[type_name] == catalog.AREA_OF[spec.parent_type]
