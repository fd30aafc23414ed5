"""A contact center holding every SDK type, written without looking at the shared test cases:
a second, differently shaped account for the export's independent round trip (several objects
per type, references in nested fields and lists, teams under teams, a flow whose JSON names
a queue and an asset). Run as a project's ``__main__.py``; the ids of things a program cannot
create (the top-level team, a SIP zone, a phone number, a flow entry point) are stack config."""

import json
from pathlib import Path

import pulumi

import pulumi_zoomcc as zoomcc

config = pulumi.Config()
top_team = config.require("topTeamId")
sip_zone = config.require("sipZoneId")
caller_number = config.require("callerNumberId")
hotline_entry = config.require("hotlineEntryId")
# An agent already in the account (and in the `Ready` state a queue opt-in needs).
rosa_id = zoomcc.get_user(name=config.require("readyAgentEmail")).apply(lambda u: str(u.id))

MEDIA = Path("media")
MEDIA.mkdir(exist_ok=True)
for clip in ("welcome-en", "welcome-es", "hold"):
    (MEDIA / f"{clip}.mp3").write_bytes(b"ID3 " + clip.encode())


def flow_json(name: str, ids: dict[str, pulumi.Output[str]]) -> pulumi.Output[str]:
    """The flow's JSON written once the ids it routes to are known; its path."""

    def write(known: dict[str, str]) -> str:
        content = {
            "flow_name": name,
            "channel": "voice",
            "version": "2.0",
            "widgets": [
                {"id": "start", "type": "Start", "next": "hello"},
                {"id": "hello", "type": "PlayMessage", "asset_id": known["asset"], "next": "q"},
                {"id": "q", "type": "RouteTo", "queue_id": known["queue"], "next": None},
            ],
        }
        path = Path("flows") / f"{name.lower().replace(' ', '-')}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(content, indent=2))
        return str(path)

    return pulumi.Output.all(**ids).apply(write)


# -- skills and routing -----------------------------------------------------------------
spoken = zoomcc.SkillCategory(
    "spoken", name="Spoken", skill_type="proficiency", max_proficiency_level=4
)
lines = zoomcc.SkillCategory("lines", name="Product lines", skill_type="text")
spanish = zoomcc.Skill("spanish", name="Spanish", skill_category_id=spoken.id)
german = zoomcc.Skill("german", name="German", skill_category_id=spoken.id)
billing_skill = zoomcc.Skill("billing-skill", name="Billing", skill_category_id=lines.id)
routers = zoomcc.AgentRoutingProfile(
    "routers",
    name="Speak then product",
    wait_time_agent_in_seconds=20,
    priorities=[
        {"category_type": "skill", "skill_category_id": spoken.id, "minimum_proficiency_level": 3},
        {"category_type": "skill", "skill_category_id": lines.id},
    ],
)
loyal_first = zoomcc.ConsumerRoutingProfile(
    "loyal-first",
    name="Loyal first",
    top_priorities=[
        {"attribute_type": "returning_customer", "parameter": {"max_returning_minutes": 90}}
    ],
)

# -- hours, outcomes, media ----------------------------------------------------------------
weekdays = zoomcc.BusinessHours(
    "weekdays",
    name="Weekdays",
    timezone="Europe/Madrid",
    hours={
        "hour_type": 2,
        "custom_hours": [
            {
                "day_of_week": day,
                "custom_hour_type": 2,
                "custom_hour_ranges": [{"start_time": "08:00", "end_time": "18:00"}],
            }
            for day in (1, 2, 3, 4, 5)
        ],
    },
)
nights = zoomcc.BusinessHours("nights", name="Always", timezone="UTC", hours={"hour_type": 1})
feasts = zoomcc.ClosureSet(
    "feasts",
    name="Feasts",
    timezone="Europe/Madrid",
    closures=[
        {
            "closure_name": "Epiphany",
            "closure_hour_type": 1,
            "start_time": "2027-01-06T00:00:00Z",
            "end_time": "2027-01-07T00:00:00Z",
            "recurring_frequency": 0,
        }
    ],
)
paid = zoomcc.Disposition("paid", name="Paid", status="active")
refund = zoomcc.Disposition("refund", name="Refund", description="Money back", status="active")
escalate = zoomcc.Disposition("escalate", name="Escalate", status="active")
money = zoomcc.DispositionSet(
    "money", name="Money", status="active", disposition_ids=[refund.id, paid.id]
)
handoffs = zoomcc.DispositionSet(
    "handoffs", name="Handoffs", status="active", disposition_ids=[escalate.id]
)
sounds = zoomcc.AssetCategory("sounds", name="Sounds", scope="system")
welcome = zoomcc.Asset(
    "welcome",
    name="Welcome",
    type="audio",
    category_id=sounds.id,
    items=[
        {
            "asset_item_language": "en-US",
            "is_default": True,
            "upload_file": pulumi.FileAsset(str(MEDIA / "welcome-en.mp3")),
        },
        {"asset_item_language": "es-ES", "upload_file": str(MEDIA / "welcome-es.mp3")},
    ],
)
hold_tune = zoomcc.Asset(
    "hold-tune",
    name="Hold tune",
    type="audio",
    category_id=sounds.id,
    items=[{"asset_item_language": "en-US", "is_default": True, "upload_file": "media/hold.mp3"}],
)

# -- queues, inboxes -----------------------------------------------------------------------
messages = zoomcc.Inbox(
    "messages", name="After hours", type="voicemail", voicemail={"voicemail_time_limit": 4}
)
spillover = zoomcc.Queue(
    "spillover",
    name="Spillover",
    description="Where billing overflows",
    channel="voice",
    wrap_up_time=20,
    overflow_to_inbox_id=messages.id,
)
billing = zoomcc.Queue(
    "billing",
    name="Billing",
    channel="voice",
    max_wait_time=240,
    agent_routing_profile_id=routers.id,
    consumer_routing_profile_id=loyal_first.id,
    overflow_to_queue_id=spillover.id,
)
chat = zoomcc.Queue("chat", name="Web chat", channel="messaging")
billing_overflow = zoomcc.QueueOperatingHours(
    "billing-overflow",
    queue_id=billing.id,
    operating_hours_business_hour_id=weekdays.id,
    operating_hours_closure_set_id=feasts.id,
)
spill_hours = zoomcc.QueueOperatingHours(
    "spill-hours", queue_id=spillover.id, operating_hours_business_hour_id=nights.id
)
zoomcc.QueueInterruptSettings(
    "billing-interrupts",
    queue_id=billing.id,
    audio_interrupts=[
        {
            "audio_asset_id": hold_tune.id,
            "is_loop": True,
            "play_after_seconds": 20,
            "loop_interval": 40,
        }
    ],
)
zoomcc.InboxQueues("messages-queues", inbox_id=messages.id, cc_queue_ids=[spillover.id, billing.id])
zoomcc.QueueTemplate("chat-template", name="Chat start", channel="messaging", template_type="add")
zoomcc.QueueTemplate("voice-update", name="Voice touch-up", channel="voice", template_type="update")
zoomcc.QueueDispositions(
    "billing-outcomes", queue_id=billing.id, disposition_ids=[paid.id, refund.id, escalate.id]
)
zoomcc.QueueDispositionSets(
    "spill-sets", queue_id=spillover.id, disposition_set_ids=[handoffs.id, money.id]
)

# -- people ----------------------------------------------------------------------------------
reviewers = zoomcc.Role("reviewers", name="Reviewers", privileges=["UserManagement:Read"])
leads = zoomcc.Role(
    "leads", name="Floor leads", privileges=["UserManagement:Read", "RptWallboard:Read"]
)
iberia = zoomcc.Region("iberia", name="Iberia", sip_zone_id=sip_zone)
mara = zoomcc.User("mara", user_email="mara@example.org", package_name="premium", role_id=leads.id)
teo = zoomcc.User(
    "teo", user_email="teo@example.org", package_name="essentials", role_id=reviewers.id
)
ines = zoomcc.User("ines", user_email="ines@example.org", package_name="essentials")
front = zoomcc.Team("front", name="Front desk", parent_team_id=top_team)
night_shift = zoomcc.Team("night-shift", name="Night shift", parent_team_id=front.id)
back = zoomcc.Team("back", name="Back office", description="Paperwork", parent_team_id=top_team)
zoomcc.TeamParent("back-under-front", team_id=back.id, parent_team_id=front.id)
zoomcc.TeamAgents("front-agents", team_id=front.id, user_ids=[teo.id, ines.id])
zoomcc.TeamSupervisors("front-leads", team_id=front.id, user_ids=[mara.id])
zoomcc.TeamAgents("night-agents", team_id=night_shift.id, user_ids=[ines.id])
billing_agents = zoomcc.QueueAgents(
    "billing-agents", queue_id=billing.id, user_ids=[ines.id, teo.id, rosa_id]
)
zoomcc.QueueSupervisors("billing-leads", queue_id=billing.id, user_ids=[mara.id])
zoomcc.QueueTeams("spill-teams", queue_id=spillover.id, team_ids=[night_shift.id, back.id])
zoomcc.UserSkills(
    "teo-skills",
    user_id=teo.id,
    skills=[
        {"skill_id": spanish.id, "max_proficiency_level": 4},
        {"skill_id": german.id, "max_proficiency_level": 2},
        {"skill_id": billing_skill.id},
    ],
)
zoomcc.UserSkills(
    "ines-skills", user_id=ines.id, skills=[{"skill_id": german.id, "max_proficiency_level": 3}]
)
zoomcc.RoleUsers("reviewers-users", role_id=reviewers.id, user_ids=[ines.id])
zoomcc.RegionUsers("iberia-users", region_id=iberia.id, user_ids=[teo.id, mara.id])
zoomcc.InboxUsers("messages-users", inbox_id=messages.id, user_ids=[mara.id, teo.id])
zoomcc.InboxEmailNotification(
    "mara-mail", inbox_id=messages.id, user_id=mara.id, email_notification=True
)
zoomcc.UserQueueOptIn(
    "rosa-opt-out",
    user_id=rosa_id,
    opt_in_out_status=0,
    queue_ids=[billing.id],
    opts=pulumi.ResourceOptions(depends_on=[billing_agents]),
)
zoomcc.UserTemplate(
    "starters",
    name="Starters",
    template_type="add",
    package={"package_name": "essentials"},
    role=reviewers.id,
    region=iberia.id,
    team={"team_id": night_shift.id, "team_supervisor": False},
    skills=[{"skill_id": spanish.id, "proficiency_level": 2}],
    assigned_queues={"agent_queue_ids": [billing.id, spillover.id]},
    selected_blocks=["role", "package", "region", "team", "skills", "assigned_queues"],
)
zoomcc.SystemStatus(
    "training",
    name="Training",
    category="queue_opt_out_and_not_ready_status",
    assigned_queues=[{"id": billing.id}, {"id": chat.id}],
)
zoomcc.SystemStatus("errand", name="Errand", category="agent_status")

# -- contacts and variables ------------------------------------------------------------------
retail = zoomcc.AddressBookUnit("retail", name="Retail")
shops = zoomcc.AddressBook("shops", name="Shops", unit_id=retail.id)
suppliers = zoomcc.AddressBook(
    "suppliers", name="Suppliers", description="Vendors", unit_id=retail.id
)
segment = zoomcc.AddressBookCustomField(
    "segment",
    name="Segment",
    data_type="pick_list",
    pick_list_values=["small", "large"],
    address_book_ids=[suppliers.id, shops.id],
)
crm = zoomcc.VariableGroup("crm", name="CRM")
zoomcc.VariableGroup("survey", name="Survey", description="After-call survey")
account_tier = zoomcc.Variable(
    "account-tier",
    name="account_tier",
    variable_group_id=crm.id,
    variable_type="global_variable",
    data_type="string",
    default_value="bronze",
)
zoomcc.Variable(
    "shop-code",
    name="shop_code",
    variable_group_id=crm.id,
    variable_type="address_book_variable",
    data_type="string",
    address_book_ids=[shops.id],
)
zoomcc.AddressBookContact(
    "corner-shop",
    address_book_id=shops.id,
    display_name="Corner Shop",
    phones=[{"phone_number": "+34910000001", "phone_type": "work"}],
    custom_fields=[{"custom_field_id": segment.id, "custom_field_value": "small"}],
)
zoomcc.AddressBookContact(
    "paper-co",
    address_book_id=suppliers.id,
    display_name="Paper Co",
    phones=[{"phone_number": "+34910000002", "phone_type": "main"}],
    emails=["orders@paper.example.org"],
)

# -- campaigns and block lists ---------------------------------------------------------------
autumn = zoomcc.CampaignContactList("autumn", name="Autumn renewals", type="contact")
lapsed = zoomcc.CampaignContactList("lapsed", name="Lapsed", type="contact")
opted_out = zoomcc.CampaignContactList("opted-out", name="Opted out", type="do_not_contact")
renewal_date = zoomcc.CampaignContactListCustomField(
    "renewal-date", name="renewal", data_type="string", contact_list_ids=[lapsed.id, autumn.id]
)
zoomcc.CampaignContactListContact(
    "lucia",
    contact_list_id=autumn.id,
    display_name="Lucia Prieto",
    phones=[{"contact_phone_number": "+34910000003", "contact_phone_type": "Mobile"}],
    custom_fields=[{"custom_field_id": renewal_date.id, "custom_field_value": "2027-10-01"}],
)
zoomcc.CampaignDncListPhones(
    "opted-out-phones", dnc_list_id=opted_out.id, phone_numbers=["+34910000009"]
)
zoomcc.OutboundCampaign(
    "renewals",
    name="Renewals",
    queue_id=billing.id,
    phone_number_id=caller_number,
    dialing_method="preview",
    dialing_method_settings={"enable_skip": True, "max_skips": 2},
    campaign_contact_list_ids=[autumn.id, lapsed.id],
    campaign_do_not_contact_list_ids=[opted_out.id],
    business_hour_source="campaign",
    business_hour_id=weekdays.id,
    status="draft",
)
zoomcc.OutboundCampaign(  # the create requires the settings; this one has none to give
    "win-back",
    name="Win-back",
    queue_id=billing.id,
    phone_number_id=caller_number,
    dialing_method="preview",
    dialing_method_settings={},
    campaign_contact_list_ids=[lapsed.id],
)
zoomcc.IpAddressBlockListRule(
    "scraper", ip_address="198.51.100.23", match_type="ip_address", status="active"
)
zoomcc.PhoneNumberBlockListRule(
    "spam-prefix",
    phone_number="+3490",
    match_type="prefix",
    country_iso_code="ES",
    channel=["voice"],
    direction=["inbound"],
    status="active",
)

# -- flows -----------------------------------------------------------------------------------
hotline = zoomcc.Flow(
    "hotline",
    name="Hotline",
    file=flow_json("Hotline", {"queue": billing.id, "asset": welcome.id}),
    publish=True,
)
zoomcc.FlowEntryPoints(
    "hotline-numbers",
    flow_id=hotline.id,
    entry_points=[{"entry_id": hotline_entry, "entry_language": "es-ES"}],
)
pulumi.export("billing", billing.id)
