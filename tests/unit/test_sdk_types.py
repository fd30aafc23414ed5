"""The SDK's nested types at run time: an ``...Args`` class and a plain dict reach the engine
as the same dict of API field names; outputs and lookup results come back as typed objects
that are still dicts; no object the reference describes is left untyped."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pulumi
import pytest

import pulumi_zoomcc as zoomcc
from pulumi_zoomcc import outputs
from pulumi_zoomcc._lookup import as_result
from tests.support.pulumi_mocks import mocked_runtime

SDK = Path(zoomcc.__file__).parent
RANGE: zoomcc.BusinessHoursHoursCustomHourCustomHourRangeArgsDict = {
    "start_time": "09:00",
    "end_time": "17:00",
}
MONDAY: zoomcc.BusinessHoursHoursCustomHourArgsDict = {
    "day_of_week": 1,
    "custom_hour_type": 2,
    "custom_hour_ranges": [RANGE],
}
HOURS: zoomcc.BusinessHoursHoursArgsDict = {"hour_type": 2, "custom_hours": [MONDAY]}


class _Recorder(pulumi.runtime.Mocks):
    """Keeps the inputs the engine would receive; answers with them as the outputs."""

    def __init__(self) -> None:
        self.inputs: dict[str, dict[str, Any]] = {}

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        self.inputs[args.name] = {k: v for k, v in args.inputs.items() if k != "__provider"}
        return f"{args.name}-id", dict(args.inputs)

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[str, Any], list[Any]]:
        return {}, []


@pytest.fixture()
def recorder() -> Iterator[_Recorder]:
    mocks = _Recorder()
    with mocked_runtime(mocks):
        yield mocks


def _as_args() -> zoomcc.BusinessHoursHoursArgs:
    return zoomcc.BusinessHoursHoursArgs(
        hour_type=2,
        custom_hours=[
            zoomcc.BusinessHoursHoursCustomHourArgs(
                day_of_week=1,
                custom_hour_type=2,
                custom_hour_ranges=[
                    zoomcc.BusinessHoursHoursCustomHourCustomHourRangeArgs(
                        start_time="09:00", end_time="17:00"
                    )
                ],
            )
        ],
    )


def _run(program: Callable[[], pulumi.Output[Any]]) -> None:
    """Run ``program`` under the mocks until every registration is done."""
    pulumi.runtime.test(program)()  # type: ignore[no-untyped-call]  # pulumi leaves it untyped


def _declare_both_ways() -> pulumi.Output[Any]:
    with_args = zoomcc.BusinessHours("args", name="A", timezone="UTC", hours=_as_args())
    with_dict = zoomcc.BusinessHours("dict", name="D", timezone="UTC", hours=HOURS)
    return pulumi.Output.all(with_args.hours, with_dict.hours)


def test_args_classes_and_dicts_reach_the_engine_as_the_same_api_dict(
    recorder: _Recorder,
) -> None:
    _run(_declare_both_ways)
    assert recorder.inputs["args"]["hours"] == HOURS
    assert recorder.inputs["dict"]["hours"] == HOURS


def test_nested_outputs_are_typed_objects_that_are_still_dicts(recorder: _Recorder) -> None:
    seen: list[Any] = []

    def program() -> pulumi.Output[Any]:
        hours = zoomcc.BusinessHours("office", name="O", timezone="UTC", hours=HOURS)
        return hours.hours.apply(seen.append)

    _run(program)
    [value] = seen
    assert isinstance(value, outputs.BusinessHoursHours)
    first = value.custom_hours[0] if value.custom_hours else None
    assert isinstance(first, outputs.BusinessHoursHoursCustomHour)
    assert first.day_of_week == 1
    assert value["custom_hours"][0]["custom_hour_ranges"][0]["end_time"] == "17:00"


def test_a_lookup_result_is_typed_to_the_nested_level() -> None:
    found = {"id": "q1", "name": "Support", "channel": "voice", "short_abandon": {"enable": True}}
    result = as_result(zoomcc.GetQueueResult, found)
    assert result.id == "q1" and result["name"] == "Support"
    assert isinstance(result.short_abandon, outputs.QueueShortAbandon)
    assert result.short_abandon.enable is True


def test_a_field_named_like_a_dict_method_keeps_the_dict_working() -> None:
    result = as_result(zoomcc.GetVariableResult, {"id": "v1", "values": ["a"]})
    assert result.values_ == ["a"]
    assert dict(result.items()) == {"id": "v1", "values": ["a"]}


_UNTYPED = re.compile(r"^\s+(\w+): .*(?:Mapping|dict)\[str, Any\]", re.M)


def test_no_untyped_object_is_left_where_the_reference_describes_it() -> None:
    """No argument or output is left ``dict[str, Any]`` (a campaign's dialing settings were the
    last, issue 22 item 9), but the provider's own ``adoption_changes`` and ``flow_nodes`` (a
    flow file's nodes: the reference gives the file no schema)."""
    untyped = {
        name
        for path in SDK.glob("*.py")
        for name in _UNTYPED.findall(path.read_text())
        if not path.name.startswith("_base")
    }
    assert untyped <= {"adoption_changes", "flow_nodes"}, untyped


def test_enum_meanings_are_in_the_docstrings() -> None:
    text = (SDK / "_inputs.py").read_text()
    assert "6 (Saturday)" in text
    queue = " ".join((SDK / "queue.py").read_text().split())
    assert "'us' (United States)" in queue


def test_every_resource_and_lookup_takes_an_account() -> None:
    import inspect

    for name in zoomcc.__all__:
        thing = getattr(zoomcc, name)
        if inspect.isclass(thing) and issubclass(thing, zoomcc.ZoomResource):
            if thing is zoomcc.ZoomResource:
                continue
            assert "account" in inspect.signature(thing.__init__).parameters, name
        elif name.startswith("get_"):
            assert "account" in inspect.signature(thing).parameters, name
