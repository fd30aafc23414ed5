"""The rough parts of the pinned SDK surface the plugin builds on (``pulumi.provider.
experimental`` in pulumi 3.259.0): if an upgrade changes one, a test here says which, and the
plugin's workaround can go."""

from __future__ import annotations

import inspect

import pytest
from pulumi.provider.experimental import provider, server
from pulumi.provider.experimental.property_value import PropertyValue
from pulumi.runtime.rpc import UNKNOWN

from zoomcc.plugin.values import plain, wrapped


def test_the_sdk_cannot_marshal_its_own_computed_value_so_unknowns_go_as_the_sentinel() -> None:
    with pytest.raises(ValueError, match="Unsupported value type"):
        PropertyValue.computed().marshal()
    assert wrapped(UNKNOWN).marshal().string_value == UNKNOWN
    assert plain(PropertyValue.computed()) == UNKNOWN


def test_diff_requests_carry_the_old_state_not_the_old_inputs() -> None:
    assert "old_inputs" not in inspect.signature(provider.DiffRequest).parameters
    assert "PropertyValue.unmarshal_map(request.olds)" in inspect.getsource(
        server.ProviderServicer.Diff
    )


def test_create_and_update_requests_say_whether_they_are_a_preview() -> None:
    assert "preview" in inspect.signature(provider.CreateRequest).parameters
    assert "preview" in inspect.signature(provider.UpdateRequest).parameters


def test_numbers_are_floats_on_the_wire_and_ints_are_sent_as_such() -> None:
    assert wrapped(300).value == 300.0 and isinstance(wrapped(300).value, float)
    assert wrapped(True).value is True
