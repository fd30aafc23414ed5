"""Resource specs of the campaigns area: outbound campaigns, their contact lists, block-list
rules, inboxes (objects); an inbox's queues, users and email notifications, a do-not-call
list's phones."""

from __future__ import annotations

from functools import partial

from zoomcc.resources.base import BaseSpec
from zoomcc.resources.call_shapes import ExtraInput, FollowUp, FromInput
from zoomcc.resources.membership import USER_KEYS, MembershipSpec
from zoomcc.resources.object_calls import NameRefusal
from zoomcc.resources.removal import Removal
from zoomcc.resources.rules import E164, Between
from zoomcc.resources.settings import SettingsPart, SettingsSpec
from zoomcc.resources.spec import ResourceSpec

CAMPAIGN_CONTACT_LIST = ResourceSpec(
    name="CampaignContactList",
    collection_path="/contact_center/outbound_campaign/contact_lists",
    item_path="/contact_center/outbound_campaign/contact_lists/{contactListId}",
    id_field="contact_list_id",
    renames={
        "name": "contact_list_name",
        "description": "contact_list_description",
        "type": "contact_list_type",
    },
    summary="A list of contacts an outbound campaign dials (`type=contact`) or must never dial "
    "(`type=do_not_contact`). The type cannot be changed in place: changing it replaces the list.",
    example='leads = zoomcc.CampaignContactList("leads", name="Spring leads", type="contact")',
)

CAMPAIGN_CONTACT_LIST_CUSTOM_FIELD = ResourceSpec(
    name="CampaignContactListCustomField",
    collection_path="/contact_center/outbound_campaign/contact_list_custom_fields",
    item_path="/contact_center/outbound_campaign/contact_list_custom_fields/{customFieldId}",
    id_field="custom_field_id",
    # Reference line 6354: "A custom field with this name already exists: {0}"
    name_refusal=NameRefusal(400, 2107, 6354),
    renames={"name": "custom_field_name"},
    references={"contact_list_ids": "CampaignContactList"},
    summary="A custom field the contacts of campaign contact lists can carry (an account "
    "number, a plan...), shown to agents and usable in routing profiles.",
    example='plan = zoomcc.CampaignContactListCustomField("plan", name="Plan", '
    'data_type="pick_list", pick_list_values=["basic", "pro"], contact_list_ids=[leads.id])',
)

CAMPAIGN_CONTACT_LIST_CONTACT = ResourceSpec(
    name="CampaignContactListContact",
    collection_path="/contact_center/outbound_campaign/contact_lists/{contactListId}/contacts",
    item_path="/contact_center/outbound_campaign/contact_lists/{contactListId}/contacts/{contactId}",
    id_field="contact_id",
    renames={
        "display_name": "contact_display_name",
        "first_name": "contact_first_name",
        "last_name": "contact_last_name",
        "phones": "contact_phones",
        "emails": "contact_emails",
    },
    natural_key=None,  # display names repeat; the API documents no unique key
    path_inputs={"contactListId": "contact_list_id"},
    references={"contact_list_id": "CampaignContactList"},
    ordered=frozenset({"contact_phones"}),
    # "Phone number in E164 format."
    rules=(("contact_phones[].contact_phone_number", E164()),),
    summary="One contact on a campaign contact list. Moving it to another list "
    "(`contact_list_id`) replaces it.",
    example='ada = zoomcc.CampaignContactListContact("ada", contact_list_id=leads.id, '
    'display_name="Ada Lovelace", phones=[{"contact_phone_number": "+14155550100", '
    '"contact_phone_type": "Main"}])',
)

OUTBOUND_CAMPAIGN = ResourceSpec(
    name="OutboundCampaign",
    collection_path="/contact_center/outbound_campaign/campaigns",
    item_path="/contact_center/outbound_campaign/campaigns/{campaignId}",
    id_field="outbound_campaign_id",
    renames={
        "name": "outbound_campaign_name",
        "description": "outbound_campaign_description",
        "priority": "outbound_campaign_priority",
        "status": "outbound_campaign_status",
    },
    # reference line 5224: "Maximum ring time must be between 15 and 120 seconds."; line
    # 5831: "Abandonment timeout must be between 2 and 30 seconds."
    rules=(("max_ring_time", Between(15, 120)), ("abandonment_timeout", Between(2, 30))),
    # GET shows the lists as objects; the inputs are their ids.
    read_back={
        "campaign_contact_list_ids": "campaign_contact_list[].contact_list_id",
        "campaign_do_not_contact_list_ids": "campaign_do_not_contact_list[].contact_list_id",
    },
    references={
        "queue_id": "Queue",
        "business_hour_id": "BusinessHours",
        "closure_set_id": "ClosureSet",
        "campaign_contact_list_ids": "CampaignContactList",
        "campaign_do_not_contact_list_ids": "CampaignContactList",
    },
    # Neither create nor update takes the status: its own operation sets it, with a
    # capitalised enum (reference line 6047: '"Draft", "Ready", "Paused", "Running"') where
    # GET answers lower case, which is what the argument takes; the call is made only when
    # the live status differs, so an unchanged status never shows a diff or a call.
    extra_inputs=(
        ExtraInput(
            "outbound_campaign_status",
            "The campaign's status, set through the status operation after create or update: "
            "draft, ready, paused or running (lower case, as GET returns it). Left unset, the "
            "status is not managed.",
            enum=("draft", "ready", "paused", "running"),
        ),
    ),
    follow_ups=(
        FollowUp(
            ("PATCH", "/status"),
            "outbound_campaign_status",
            body={"status": FromInput("outbound_campaign_status", capitalize=True)},
            if_differs=True,
        ),
    ),
    summary="An outbound dialing campaign over contact lists, run by a voice queue. "
    "`status` (draft, ready, paused, running) is applied with the status operation after "
    "create and update; the dialing method, queue and contact lists cannot be changed in "
    "place (changing them replaces the campaign).",
    example='spring = zoomcc.OutboundCampaign("spring", name="Spring", queue_id=outbound.id, '
    'phone_number_id=number_id, dialing_method="preview", dialing_method_settings={}, '
    'campaign_contact_list_ids=[leads.id], status="ready")',
)

IP_ADDRESS_BLOCK_LIST_RULE = ResourceSpec(
    name="IpAddressBlockListRule",
    collection_path="/contact_center/block_list_rules/ip_addresses",
    item_path="/contact_center/block_list_rules/ip_addresses/{ipAddressBlockListRuleId}",
    id_field="ip_address_block_list_rule_id",
    # Reference line 4258: "Duplicated block list rule"
    name_refusal=NameRefusal(400, 1507, 4258),
    # reference line 4159: "Supports up to 20 block list rules per request"; line 4269:
    # "Delete block list rules ... Supports up to 20 block list rules per request."
    create_batch="ip_address_block_list_rules",
    delete_by_ids=Removal("body", ids_field="ip_address_block_list_rule_ids"),
    natural_key="ip_address",
    summary="Blocks engagements from one IP address. The API has no update: any change "
    "replaces the rule.",
    example='spam = zoomcc.IpAddressBlockListRule("spam", ip_address="203.0.113.7", '
    'match_type="ip_address", status="active")',
)

PHONE_NUMBER_BLOCK_LIST_RULE = ResourceSpec(
    name="PhoneNumberBlockListRule",
    collection_path="/contact_center/block_list_rules/phone_numbers",
    item_path="/contact_center/block_list_rules/phone_numbers/{phoneBlockListRuleId}",
    id_field="phone_block_list_rule_id",
    # reference line 4502: "Supports up to 20 block list rules per request"; line 4691:
    # "Delete block list rules ... Supports up to 20 block list rules per request."
    create_batch="phone_block_list_rules",
    delete_by_ids=Removal("body", ids_field="phone_block_list_rule_ids"),
    natural_key="phone_number",
    # "Matches a specific phone number" / "all numbers starting with the specified digits";
    # exceptions: "Phone numbers are digits only." (a prefix like "1800" is valid: partial).
    rules=(("phone_number", E164(partial=True)), ("exceptions[]", E164(partial=True))),
    natural_key_scope=("match_type",),
    summary="Blocks calls or SMS from (or to) a phone number or a number prefix. The API has "
    "no update: any change replaces the rule.",
    example='robocaller = zoomcc.PhoneNumberBlockListRule("robocaller", '
    'phone_number="+14155550123", match_type="phone_number", country_iso_code="US", '
    'channel=["voice"], direction=["inbound"], status="active")',
)

INBOX = ResourceSpec(
    name="Inbox",
    collection_path="/contact_center/inboxes",
    item_path="/contact_center/inboxes/{inboxId}",
    id_field="inbox_id",
    renames={"name": "inbox_name", "description": "inbox_description", "type": "inbox_type"},
    # reference line 12222: "Delete inboxes ... Delete one or more inboxes." (no single-item
    # DELETE; the ids go in the query parameter inbox_ids).
    delete_by_ids=Removal("query", ids_field="inbox_ids"),
    summary="A voicemail inbox that queues and flows leave messages in. The API deletes "
    "inboxes only in bulk (`DELETE /contact_center/inboxes?inbox_ids=...`).",
    example='voicemail = zoomcc.Inbox("voicemail", name="Support voicemail", type="voicemail", '
    'voicemail={"voicemail_time_limit": 3})',
)

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

SPECS: tuple[BaseSpec, ...] = (
    CAMPAIGN_CONTACT_LIST,
    CAMPAIGN_CONTACT_LIST_CUSTOM_FIELD,
    CAMPAIGN_CONTACT_LIST_CONTACT,
    OUTBOUND_CAMPAIGN,
    IP_ADDRESS_BLOCK_LIST_RULE,
    PHONE_NUMBER_BLOCK_LIST_RULE,
    INBOX,
    INBOX_QUEUES,
    INBOX_USERS,
    CAMPAIGN_DNC_LIST_PHONES,
    INBOX_EMAIL_NOTIFICATION,
)
