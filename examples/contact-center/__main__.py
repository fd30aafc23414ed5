"""A fuller contact center: two dozen resource types wired together by references.

Deploy against the emulator like the quickstart (set `rootTeamId` to its root team,
`rootTeam0000000000000A`), or against a real account after `pulumi config set zoomcc:...`.
"""

import pulumi

import pulumi_zoomcc as zoomcc

config = pulumi.Config()
root_team_id = config.require("rootTeamId")
outbound_number_id = config.get("outboundPhoneNumberId") or "emulatorPhoneNumber01"

# Skills and routing -------------------------------------------------------------------------
languages = zoomcc.SkillCategory(
    "languages", name="Languages", skill_type="proficiency", max_proficiency_level=5
)
french = zoomcc.Skill("french", name="French", skill_category_id=languages.id)
by_language = zoomcc.AgentRoutingProfile(
    "by-language",
    name="By language",
    description="Language first",
    wait_time_agent_in_seconds=10,
    priorities=[
        {
            "category_type": "skill",
            "skill_category_id": languages.id,
            "minimum_proficiency_level": 2,
        }
    ],
)
returning_first = zoomcc.ConsumerRoutingProfile(
    "returning-first",
    name="Returning first",
    top_priorities=[
        {"attribute_type": "returning_customer", "parameter": {"max_returning_minutes": 60}}
    ],
)

# Queues, outcomes, hours -----------------------------------------------------------------------
support = zoomcc.Queue(
    "support",
    name="Support",
    channel="voice",
    max_wait_time=300,
    agent_routing_profile_id=by_language.id,
    consumer_routing_profile_id=returning_first.id,
)
voice_defaults = zoomcc.QueueTemplate(
    "voice-defaults", name="Voice defaults", channel="voice", template_type="add"
)
resolved = zoomcc.Disposition("resolved", name="Resolved", status="active")
callback = zoomcc.Disposition("callback", name="Callback needed", status="active")
outcomes = zoomcc.DispositionSet(
    "outcomes", name="Outcomes", status="active", disposition_ids=[resolved.id, callback.id]
)
office_hours = zoomcc.BusinessHours(
    "office-hours",
    name="Office hours",
    timezone="Europe/Paris",
    hours={
        "hour_type": 2,
        "custom_hours": [
            {
                "day_of_week": day,
                "custom_hour_type": 2,
                "custom_hour_ranges": [{"start_time": "09:00", "end_time": "18:00"}],
            }
            for day in range(1, 6)
        ],
    },
)
holidays = zoomcc.ClosureSet(
    "holidays",
    name="Holidays",
    timezone="Europe/Paris",
    closures=[
        {
            "closure_name": "Bastille Day",
            "closure_hour_type": 1,
            "start_time": "2027-07-14T00:00:00Z",
            "end_time": "2027-07-15T00:00:00Z",
            "recurring_frequency": 0,
        }
    ],
)
voicemail = zoomcc.Inbox(
    "voicemail",
    name="After-hours voicemail",
    type="voicemail",
    voicemail={"voicemail_time_limit": 3, "voicemail_transcription": True},
)

# People -----------------------------------------------------------------------------------------
tier1 = zoomcc.Team("tier1", name="Tier 1", parent_team_id=root_team_id)
auditors = zoomcc.Role(
    "auditors", name="Auditors", privileges=["UserManagement:Read", "RptWallboard:Read"]
)
coaching = zoomcc.SystemStatus(
    "coaching", name="Coaching", category="queue_opt_out_and_not_ready_status"
)
emea = zoomcc.Region("emea", name="EMEA", sip_zone_id="AfgzMEweSQ6tqzC8jhYJ2A")
new_agents = zoomcc.UserTemplate(
    "new-agents",
    name="New agents",
    template_type="add",
    package="essentials",
    role=auditors.id,
    selected_blocks=["role", "package"],
)

# Customer data ----------------------------------------------------------------------------------
customer = zoomcc.VariableGroup("customer", name="Customer")
tier = zoomcc.Variable(
    "tier",
    name="tier",
    variable_group_id=customer.id,
    variable_type="global_variable",
    data_type="string",
    default_value="silver",
)
emea_accounts = zoomcc.AddressBookUnit("emea-accounts", name="EMEA accounts")
key_accounts = zoomcc.AddressBook("key-accounts", name="Key accounts", unit_id=emea_accounts.id)
ada = zoomcc.AddressBookContact(
    "ada",
    address_book_id=key_accounts.id,
    display_name="Ada Lovelace",
    phones=[{"phone_number": "+442071234567", "phone_type": "main"}],
    emails=["ada@example.com"],
)

# Outbound ---------------------------------------------------------------------------------------
leads = zoomcc.CampaignContactList("leads", name="Spring leads", type="contact")
do_not_call = zoomcc.CampaignContactList("do-not-call", name="Do not call", type="do_not_contact")
spring = zoomcc.OutboundCampaign(
    "spring",
    name="Spring campaign",
    queue_id=support.id,
    phone_number_id=outbound_number_id,
    dialing_method="preview",
    dialing_method_settings={"preview": {"max_skips": 1}},
    campaign_contact_list_ids=[leads.id],
    campaign_do_not_contact_list_ids=[do_not_call.id],
    status="draft",
)
spam = zoomcc.IpAddressBlockListRule(
    "spam-host", ip_address="203.0.113.7", match_type="ip_address", status="active"
)
prompts = zoomcc.AssetCategory("prompts", name="IVR prompts", scope="system")

pulumi.export("support_queue_id", support.id)
pulumi.export("campaign_id", spring.id)
pulumi.export("contact_id", ada.id)
pulumi.export("resource_types", 26)
