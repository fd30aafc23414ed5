"""Every example in the reference validated against the payload models; the few that
contradict their own schema are listed, each with the one field path that must be rejected."""

from __future__ import annotations

from collections import Counter

import pytest
from pydantic import ValidationError

from zoomcc.apispec import Body, Operation, error_paths, load_api_spec, model_for, validate_request

SPEC = load_api_spec()


# --- every example in the reference against the models -------------------------------

# Examples that contradict their own schema. The enums are not widened (that would
# hide real mistakes); each entry names the one field path that must be rejected.
KNOWN_INVALID_EXAMPLES: dict[tuple[str, str, str], tuple[str, str]] = {
    ("GET", "/contact_center/system_statuses", "response:200"): (
        "statuses.0.status_name",
        'custom status "Lunch" is outside the status_name enum',
    ),
    ("POST", "/contact_center/system_statuses", "response:201"): (
        "status_name",
        'custom status "Lunch" is outside the status_name enum',
    ),
    ("GET", "/contact_center/system_statuses/{statusId}", "response:200"): (
        "status_name",
        'custom status "Lunch" is outside the status_name enum',
    ),
    ("GET", "/contact_center/engagements/{engagementId}/recordings/status", "response:200"): (
        "channel_source",
        '"live_video" is not one of in_app_video, kiosk_video, web_video',
    ),
    ("GET", "/contact_center/business_hours/{businessHourId}/queues", "response:200"): (
        "queues.0.queue_id",
        "required queue_id missing from the example (only cc_queue_id is sent)",
    ),
    ("GET", "/contact_center/closures/{closureSetId}/queues", "response:200"): (
        "queues.0.queue_id",
        "required queue_id missing from the example (only cc_queue_id is sent)",
    ),
    ("GET", "/contact_center/analytics/historical/queues/metrics", "response:200"): (
        "queues.0.messaging.channel_sources.0",
        'example joins two enum values in one string: "web_chat,in_app_chat"',
    ),
    (
        "GET",
        "/contact_center/analytics/historical/queues/{queueId}/agents/metrics",
        "response:200",
    ): (
        "agents.0.messaging.channel_sources.0",
        'example joins two enum values in one string: "web_chat,in_app_chat"',
    ),
    ("GET", "/contact_center/analytics/log/historical/engagement", "response:200"): (
        "engagement_logs.0.aiea_used",
        '"notUsed" vs enum "not_used"',
    ),
    ("GET", "/contact_center/analytics/log/historical/journey", "response:200"): (
        "journeys.0.channels.0",
        'channels declared as objects {channel, channel_source}; the example sends "voice"',
    ),
    # The schema wins over the example (issue 10, item 14): `package` is an object.
    **{
        (method, path, target): ("package", 'package declared an object; the example "essentials"')
        for method, path, target in (
            ("POST", "/contact_center/users/templates", "request"),
            ("POST", "/contact_center/users/templates", "response:201"),
            ("GET", "/contact_center/users/templates/{templateId}", "response:200"),
            ("PATCH", "/contact_center/users/templates/{templateId}", "request"),
        )
    },
    # The schema wins over the example (issue 10, item 13): `phone_numbers` is required
    # (reference line 1364); the provider sends it, derived from `phones`.
    **{
        (method, path, target): ("phone_numbers", "phone_numbers required; the example omits it")
        for method, path, target in (
            ("POST", "/contact_center/address_books/{addressBookId}/contacts", "request"),
            ("POST", "/contact_center/address_books/{addressBookId}/contacts", "response:201"),
            (
                "PATCH",
                "/contact_center/address_books/{addressBookId}/contacts/{contactId}",
                "request",
            ),
        )
    },
}


def _examples() -> list[tuple[Operation, str, Body]]:
    out: list[tuple[Operation, str, Body]] = []
    for op in SPEC.operations:
        if op.request is not None and op.request.example is not None:
            out.append((op, "request", op.request))
        for r in op.responses:
            if r.body is not None and r.body.example is not None:
                out.append((op, f"response:{r.status}", r.body))
    return out


EXAMPLES = _examples()


def test_example_counts() -> None:
    targets = Counter(t.split(":")[0] for _, t, _ in EXAMPLES)
    assert targets == {"request": 117, "response": 198}
    found = {(op.method, op.path, target) for op, target, _ in EXAMPLES}
    assert set(KNOWN_INVALID_EXAMPLES) <= found


@pytest.mark.parametrize(
    ("op", "target", "body"), EXAMPLES, ids=[f"{o.id}-{t}" for o, t, _ in EXAMPLES]
)
def test_reference_example_validates(op: Operation, target: str, body: Body) -> None:
    def check() -> None:
        if target == "request":
            validate_request(op, body.example)
        else:
            model_for(body.schema_, f"{op.id}_{target.replace(':', '_')}").model_validate(
                body.example
            )

    known = KNOWN_INVALID_EXAMPLES.get((op.method, op.path, target))
    if known is None:
        check()
        return
    with pytest.raises(ValidationError) as info:
        check()
    assert error_paths(info.value) == [known[0]], known[1]
