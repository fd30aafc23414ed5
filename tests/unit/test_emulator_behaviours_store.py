"""The emulator's object store on its own: objects found by their name field, and removed
without the rules an API delete applies."""

from __future__ import annotations

import httpx

from tests.support.behaviour_arrangements import http as http  # fixture: a client with a token
from tests.support.behaviour_arrangements import two_regions_and_a_user
from zoomcc.emulator import EmulatorServer


def test_the_store_finds_objects_by_name_and_removes_them_without_rules(
    emulator: EmulatorServer, http: httpx.Client
) -> None:
    ids = two_regions_and_a_user(http, emulator)
    store = emulator.state.store
    name_field = store.collection("regions").name_field
    assert name_field == "region_name"
    assert [r["region_id"] for r in store.find_by("regions", name_field, "APAC")] == [ids["b"]]
    assert store.remove("regions", ids["a"]) is True
    assert store.find_by("regions", name_field, "EMEA") == []
    assert store.remove("regions", ids["a"]) is False
