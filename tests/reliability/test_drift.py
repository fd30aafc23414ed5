"""Objects deleted outside Pulumi: refresh drops them, delete of a gone object succeeds,
and updating a vanished object fails with a message that says what to do."""

from __future__ import annotations

import pytest
from pulumi import automation as auto

from tests.e2e.stacks import Stacks
from tests.reliability.programs import fleet
from tests.reliability.support import EmulatorView, state_ids
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog

pytestmark = pytest.mark.e2e


def delete_behind_pulumi(api: ZoomClient, type_name: str, object_id: str) -> None:
    api.request("DELETE", catalog.get_object(type_name).item_url(object_id, {}))


def test_deleted_outside_pulumi(stacks: Stacks, emulator: EmulatorServer, api: ZoomClient) -> None:
    view = EmulatorView(emulator)
    stack = stacks.inline(fleet(6, "d"), "drift")
    assert stack.up().summary.result == "succeeded"
    ids = state_ids(stack)

    # 1. refresh drops what vanished, and the next up puts it back.
    delete_behind_pulumi(api, "Queue", ids["queue-d003"])
    refresh = stack.refresh()
    assert refresh.summary.resource_changes == {"delete": 1, "same": 6}
    assert "queue-d003" not in state_ids(stack)
    up = stack.up()
    assert up.summary.resource_changes == {"create": 1, "same": 6}
    assert len(view.ids()) == 6

    # 2. updating an object that vanished since the last refresh: a clear error.
    ids = state_ids(stack)
    delete_behind_pulumi(api, "Disposition", ids["disposition-d002"])
    stack.workspace.program = fleet(6, "d", description="changed")
    with pytest.raises(auto.CommandError) as failed:
        stack.up()
    message = str(failed.value)
    assert "disposition-d002" in message
    assert f"Disposition {ids['disposition-d002']} no longer exists in Zoom" in message
    assert "pulumi refresh" in message

    # ...and the advice works: refresh, then up recreates it with the new description.
    stack.refresh()
    up = stack.up()
    assert up.summary.result == "succeeded"
    assert len(view.ids()) == 6
    assert all(
        d.get("disposition_description") == "changed"
        for d in emulator.state.objects("dispositions")
    )

    # 3. destroy after objects were deleted by hand: a gone object is deleted, not an error.
    ids = state_ids(stack)
    delete_behind_pulumi(api, "Team", ids["team-d004"])
    delete_behind_pulumi(api, "SkillCategory", ids["skillcategory-d000"])
    destroy = stack.destroy()
    assert destroy.summary.result == "succeeded"
    assert destroy.summary.resource_changes == {"delete": 7}
    assert view.ids() == set()
