"""Test data of the campaigns area: contact lists, campaigns, block-list rules, inboxes
(objects); an inbox's queues, users and email notifications, a do-not-call list's phones."""

from __future__ import annotations

from typing import Any

from tests.support.cases.case import (
    Case,
    MembershipCase,
    SettingsCase,
    Values,
    deleted_as_the_spec_says,
)
from tests.support.cases.parents import make_named, make_queue, seed_users, seeded
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer

_LISTS = "/contact_center/outbound_campaign/contact_lists"


def _contact_lists(client: ZoomClient) -> dict[str, Any]:
    ids = make_named(client, _LISTS, "contact_list", ["Leads", "Customers"])
    (dnc,) = make_named(
        client, _LISTS, "contact_list", ["Do not call"], contact_list_type="do_not_contact"
    )
    return {"list": ids[0], "other": ids[1], "lists": ids, "dnc": dnc}


def _campaign_parents(client: ZoomClient) -> dict[str, Any]:
    queue, other = (make_queue(client, name=name) for name in ("Outbound", "Outbound 2"))
    return {**_contact_lists(client), "queue": queue, "other_queue": other}


def any_id(api: ZoomClient, emulator: EmulatorServer) -> str:
    return "parent" + str(len(emulator.state.requests))


def phones(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [f"+1415555010{i}" for i in range(4)]


def make_queues(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [make_queue(api, name=f"Q{i}") for i in range(4)]


def _inbox_with_users(api: ZoomClient, emulator: EmulatorServer) -> Values:
    inbox = seeded("inboxes", inbox_name="VM")(api, emulator)
    jane, joe = seed_users(api, emulator)[:2]
    api.request("POST", f"/contact_center/inboxes/{inbox}/users", json={"user_ids": [jane, joe]})
    return {"inbox": inbox, "jane": jane, "joe": joe}


CASES: list[Case] = [
    Case(
        "CampaignContactList",
        lambda p: {"name": "Spring leads", "description": "From the fair", "type": "contact"},
        update={"name": "Spring 2027 leads", "description": "From the spring fair"},
        replace={"type": "do_not_contact"},
    ),
    Case(
        "CampaignContactListCustomField",
        lambda p: {"name": "plan", "data_type": "string", "contact_list_ids": [p["list"]]},
        update={"contact_list_ids": "@lists", "show_in_profile_tab": True},
        prereq=_contact_lists,
    ),
    Case(
        "CampaignContactListContact",
        lambda p: {
            "contact_list_id": p["list"],
            "display_name": "Ada Lovelace",
            "phones": [{"contact_phone_number": "+14155550100", "contact_phone_type": "Main"}],
        },
        update={
            "first_name": "Ada",
            "phones": [
                {"contact_phone_number": "+14155550100", "contact_phone_type": "Main"},
                {"contact_phone_number": "+14155550101", "contact_phone_type": "Mobile"},
            ],
        },
        replace={"contact_list_id": "@other"},
        prereq=_contact_lists,
    ),
    Case(
        "OutboundCampaign",
        lambda p: {
            "name": "Spring campaign",
            "queue_id": p["queue"],
            "phone_number_id": "emulatorPhoneNumber01",
            "dialing_method": "preview",
            "dialing_method_settings": {"enable_skip": True, "max_skips": 1},
            "campaign_contact_list_ids": [p["list"]],
            "campaign_do_not_contact_list_ids": [p["dnc"]],
            "status": "draft",
        },
        # The status goes through its own operation; the abandonment timeout only
        # through update (applied after create when declared up front).
        update={"description": "Spring fair leads", "priority": 3, "status": "ready"},
        replace={"queue_id": "@other_queue", "campaign_contact_list_ids": "@lists"},
        prereq=_campaign_parents,
    ),
    Case(
        "IpAddressBlockListRule",
        lambda p: {"ip_address": "203.0.113.7", "match_type": "ip_address", "status": "active"},
        update={},
        replace={"status": "inactive"},
        delete_out_of_band=deleted_as_the_spec_says("IpAddressBlockListRule"),
    ),
    Case(
        "PhoneNumberBlockListRule",
        lambda p: {
            "phone_number": "+1415",
            "match_type": "prefix",
            "country_iso_code": "US",
            "channel": ["voice", "sms"],
            "direction": ["inbound"],
            "status": "active",
            "exceptions": ["+14155550100"],
        },
        update={},
        replace={"comment": "Robocallers", "direction": ["inbound", "outbound"]},
        delete_out_of_band=deleted_as_the_spec_says("PhoneNumberBlockListRule"),
    ),
    Case(
        "Inbox",
        lambda p: {
            "name": "Support voicemail",
            "description": "After hours",
            "type": "voicemail",
            "voicemail": {"voicemail_time_limit": 3, "voicemail_transcription": True},
        },
        update={
            "description": "After-hours voicemail",
            "voicemail": {"voicemail_time_limit": 5, "voicemail_transcription": False},
        },
        # voicemail is the only type today; diff alone shows a new type would replace.
        replace={"type": "email"},
        delete_out_of_band=deleted_as_the_spec_says("Inbox"),
    ),
]

MEMBERSHIP_CASES: list[MembershipCase] = [
    MembershipCase("InboxQueues", seeded("inboxes", inbox_name="VM"), "inboxes", make_queues),
    MembershipCase("InboxUsers", seeded("inboxes", inbox_name="VM"), "inboxes", seed_users),
    MembershipCase("CampaignDncListPhones", any_id, None, phones),
]

SETTINGS_CASES: list[SettingsCase] = [
    SettingsCase(
        "InboxEmailNotification",
        lambda p: {"inbox_id": p["inbox"], "user_id": p["jane"], "email_notification": True},
        update={"email_notification": False},
        replace={"user_id": "@joe"},
        prereq=_inbox_with_users,
    ),
]
