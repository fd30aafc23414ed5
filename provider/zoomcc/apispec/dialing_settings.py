"""The fields of an outbound campaign's ``dialing_method_settings``, which the reference names
but does not describe.

Create (line 5134) and get (line 5638) give the object no field list ("One of either
progressive, preview, or agentless dialing."), so it would stay free-form. Its fields are
in the reference all the same: the create and get examples (lines 5263-5272, 5735-5744) send
the progressive dialer's, and the update body (from line 5825) carries every dialing method's
setting flat, each saying which method it belongs to ("Preview dialing method only.", "for
the agentless dialer"). ``errata.py`` gives both bodies this field list, none of it required
(one method's settings leave the others' out).
"""

from __future__ import annotations

from typing import Any

from zoomcc.apispec.spec import FieldSpec

SETTINGS_PATHS = (
    ("POST", "/contact_center/outbound_campaign/campaigns", "request"),
    ("GET", "/contact_center/outbound_campaign/campaigns/{campaignId}", "response:200"),
)
"""Where ``dialing_method_settings`` appears without its fields."""


def _field(name: str, kind: str, description: str, **more: Any) -> dict[str, Any]:
    node = FieldSpec.model_validate({"name": name, "type": kind, "description": description})
    return node.model_copy(update=more).model_dump(mode="json")


_ASSET = "The Contact Center Asset Library asset"
DIALING_FIELDS: list[dict[str, Any]] = [
    # Progressive: the examples (line 5264 ff.) and the update body's descriptions.
    _field(
        "enable_amd",
        "boolean",
        "Progressive dialing: whether answering machine detection "
        "is on (the create example, line 5264).",
    ),
    _field(
        "amd_settings",
        "object",
        "Progressive dialing: the media answering machine detection plays (line 5265).",
        fields=[
            FieldSpec(
                name="greeting_asset_id",
                type="string",
                description=f"{_ASSET} greeting the consumer (line 5266).",
            ),
            FieldSpec(
                name="answering_machine_asset_id",
                type="string",
                description=f"{_ASSET} left on an answering machine (line 5267).",
            ),
        ],
    ),
    _field(
        "enable_abandonment_timeout",
        "boolean",
        "Abandon answered calls if an agent does "
        "not connect within a set period of time (line 5889).",
    ),
    _field(
        "abandonment_timeout",
        "integer",
        "Use with `enable_abandonment_timeout`: seconds "
        "before a connected call is abandoned, 2 to 30 (line 5829).",
    ),
    _field(
        "abandonment_message_asset_id",
        "string",
        f"{_ASSET} to play when a call is abandoned due to agent unavailability (line 5825).",
    ),
    # Preview: "Preview dialing method only." and "for preview dialer".
    _field(
        "enable_skip",
        "boolean",
        "Preview dialing method only. Allow agent to skip outbound engagements (line 5909).",
    ),
    _field(
        "max_skips",
        "integer",
        "Preview dialing method only. Configure skip reasons under "
        "**Contact Center Preferences** (line 5929).",
    ),
    _field("allow_retry_preview_dialer", "boolean", "Allow retry for preview dialer (line 5841)."),
    # Agentless: "for the agentless dialer", "when agentless AMD is off".
    _field(
        "max_concurrent_calls",
        "integer",
        "The maximum concurrent calls for the agentless dialer (line 5921).",
    ),
    _field(
        "agentless_amd_off_action",
        "string",
        "Action when agentless AMD is off (line 5833).",
        enum=["use_flow", "hang_up", "play_media"],
    ),
    _field(
        "agentless_amd_off_resource_id",
        "string",
        "Resource ID when agentless AMD is off (line 5837).",
    ),
]
