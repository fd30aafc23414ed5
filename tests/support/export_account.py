"""A small account made through the API, as an export finds one: a queue with a team, an
outbound disposition and operating hours, and another queue with nothing."""

from __future__ import annotations

from tests.support.cases import make_business_hours, make_queue, make_team
from zoomcc.client import ZoomClient


def account(api: ZoomClient) -> dict[str, str]:
    queue, idle = make_queue(api, name="Support"), make_queue(api, name="Idle")
    team = make_team(api, name="Tier 1")
    sold = str(
        api.request("POST", "/contact_center/dispositions", json={"disposition_name": "Sold"})[
            "disposition_id"
        ]
    )
    hours = make_business_hours(api, "Office")
    base = f"/contact_center/queues/{queue}"
    api.request("POST", f"{base}/teams", json={"team_ids": [team]})
    api.request(
        "POST", f"{base}/dispositions", json={"disposition_ids": [sold], "assign_type": "outbound"}
    )
    api.request(
        "PATCH", f"{base}/operating_hours", json={"operating_hours_business_hour_id": hours}
    )
    return {"queue": queue, "idle": idle, "team": team, "sold": sold, "hours": hours}
