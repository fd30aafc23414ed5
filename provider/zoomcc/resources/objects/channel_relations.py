"""Resource specs: what reaches a channel's objects: an inbox's queues, users and email
notifications, a flow's entry points, a campaign do-not-call list's phones."""

from __future__ import annotations

from functools import partial

from zoomcc.resources.membership import USER_KEYS, MembershipSpec
from zoomcc.resources.removal import Removal
from zoomcc.resources.settings import SettingsPart, SettingsSpec

INBOX_PATH = "/contact_center/inboxes/{inboxId}"

inbox_membership = partial(
    MembershipSpec, parent_param="inboxId", parent_arg="inbox_id", parent_type="Inbox"
)

INBOX_QUEUES = inbox_membership(
    name="InboxQueues",
    summary="Queues whose agents can access an inbox. Assigning a queue twice is an error "
    "in Zoom: only missing queues are added.",
    add_path=f"{INBOX_PATH}/queues",
    member_type="Queue",
    members_field="cc_queue_ids",
    live_keys=("cc_queue_id", "queue_id"),
    # Query contract of DELETE .../inboxes/{inboxId}/queues: `queue_ids` (the legacy
    # task-queue ids) and `cc_queue_ids`. The members are added as `cc_queue_ids`, so they are
    # removed as `cc_queue_ids` too.
    removal=Removal("query", f"{INBOX_PATH}/queues", ids_field="cc_queue_ids"),
    example='zoomcc.InboxQueues("voicemail-queues", inbox_id=voicemail.id, '
    "cc_queue_ids=[support.id])",
)

INBOX_USERS = inbox_membership(
    name="InboxUsers",
    summary="Users who can access an inbox. Assigning a user twice is an error in Zoom: "
    "only missing users are added.",
    add_path=f"{INBOX_PATH}/users",
    members_field="user_ids",
    live_keys=USER_KEYS,
    removal=Removal("query", f"{INBOX_PATH}/users", ids_field="user_ids"),
    example='zoomcc.InboxUsers("voicemail-users", inbox_id=voicemail.id, '
    'user_ids=["jane@example.com"])',
)

INBOX_EMAIL_NOTIFICATION = SettingsSpec(
    name="InboxEmailNotification",
    summary="Whether one user gets an email when a voicemail reaches an inbox. The user may "
    "be given by email, Meetings user id or Contact Center user id; changing the user "
    "replaces the resource.",
    parent_param="inboxId",
    parent_arg="inbox_id",
    parent_type="Inbox",
    references={"inbox_id": "Inbox"},
    parts=(
        SettingsPart(
            write_path=f"{INBOX_PATH}/email_notification",
            read_path=f"{INBOX_PATH}/email_notifications",
            read_list_key="email_notifications",
            row_match=("user_id", "user_id", "user_email"),
            key_fields=("user_id",),
            defaults={"email_notification": False},
        ),
    ),
    restore_note="the user's setting is written back as it was before (`false`, the API's "
    "default, when the user had none).",
    example='zoomcc.InboxEmailNotification("jane-voicemail-mail", inbox_id=voicemail.id, '
    'user_id="jane@example.com", email_notification=True)',
)

FLOW_ENTRY_POINTS = MembershipSpec(
    name="FlowEntryPoints",
    summary="Entry points (phone numbers, chat and email addresses) that start a flow, each "
    "with its optional language and customer identity source; changing those re-assigns "
    "the entry point. `enable_detect_language` (email flows) applies to the call.",
    add_path="/contact_center/flows/{flowId}/entry_points",
    parent_param="flowId",
    parent_arg="flow_id",
    parent_type="Flow",
    members_field="entry_points",
    member_key="entry_id",
    attributes={
        "entry_language": "entry_language",
        "customer_identity_source": "customer_identity_source",
    },
    live_keys=("entry_id", "entry_number"),
    shared_fields=("enable_detect_language",),
    removal=Removal("body", "/contact_center/flows/{flowId}/entry_points", ids_field="entry_ids"),
    example='zoomcc.FlowEntryPoints("support-numbers", flow_id=support_flow.id, '
    'entry_points=[{"entry_id": main_number_id, "entry_language": "en-US"}])',
)

CAMPAIGN_DNC_LIST_PHONES = MembershipSpec(
    name="CampaignDncListPhones",
    summary="Phone numbers (E.164) on an outbound campaign's do-not-call list. Numbers are "
    "added by number and removed by the record id Zoom gives them.",
    add_path="/contact_center/outbound_campaign/dnc_lists/{dncListId}/phones",
    parent_param="dncListId",
    parent_arg="dnc_list_id",
    parent_type="CampaignDncList",
    members_field="phone_numbers",
    live_keys=("phone_number",),
    removal=Removal(
        "body",
        "/contact_center/outbound_campaign/dnc_lists/{dncListId}/phones",
        ids_field="phone_ids",
        live_id="phone_id",
    ),
    example='zoomcc.CampaignDncListPhones("opt-outs", dnc_list_id=dnc_list_id, '
    'phone_numbers=["+14155550100"])',
)
