"""A fuller contact center: two dozen resource types wired together by references.

Deploy against the emulator like the quickstart (set `rootTeamId` to its root team,
`rootTeam0000000000000A`), or against a real account after `pulumi config set zoomcc:...`.
"""

from pathlib import Path
from typing import Literal

import pulumi

import pulumi_zoomcc as zoomcc

WEEKDAYS: list[Literal[1, 2, 3, 4, 5]] = [1, 2, 3, 4, 5]  # day_of_week: 1 is Monday

config = pulumi.Config()
root_team_id = config.require("rootTeamId")
outbound_number_id = config.get("outboundPhoneNumberId") or "emulatorPhoneNumber01"
support_number = config.get("supportNumber") or "+14155550100"  # the entry point callers dial
email_domain = config.get("agentEmailDomain") or "example.com"  # the agents' sign-in addresses

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
            for day in WEEKDAYS
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
    dialing_method_settings={"enable_skip": True, "max_skips": 1},
    campaign_contact_list_ids=[leads.id],
    campaign_do_not_contact_list_ids=[do_not_call.id],
    status="draft",
)
spam = zoomcc.IpAddressBlockListRule(
    "spam-host", ip_address="203.0.113.7", match_type="ip_address", status="active"
)
prompts = zoomcc.AssetCategory("prompts", name="IVR prompts", scope="system")

# Routing: a number, a flow, queues with their hours, teams, agents and their skills ----------
flow_file = str(Path(__file__).parent / "support-ivr.json")  # the flow's JSON, beside this file
billing = zoomcc.Queue("billing", name="Billing", channel="voice", max_wait_time=600)
ivr = zoomcc.Flow("support-ivr", name="Support IVR", file=flow_file, publish=True)
zoomcc.FlowEntryPoints(
    "support-line",
    flow_id=ivr.id,
    entry_points=[{"entry_id": support_number, "entry_language": "en-US"}],
)
people = {
    person: zoomcc.User(
        f"user-{person}",
        user_email=f"{person}@{email_domain}",
        package_name="essentials",
        role_id=auditors.id,
    )
    for person in ("ana", "ben", "chloe", "dana")
}
french_speakers = ("ana", "ben", "chloe")
for person in french_speakers:
    zoomcc.UserSkills(
        f"skills-{person}",
        user_id=people[person].id,
        skills=[{"skill_id": french.id, "max_proficiency_level": 3}],
    )
zoomcc.TeamAgents(
    "tier1-agents", team_id=tier1.id, user_ids=[people[p].id for p in ("ana", "ben", "chloe")]
)
zoomcc.TeamSupervisors("tier1-leads", team_id=tier1.id, user_ids=[people["dana"].id])
zoomcc.QueueTeams("support-teams", queue_id=support.id, team_ids=[tier1.id])
zoomcc.QueueSupervisors("support-supervisors", queue_id=support.id, user_ids=[people["dana"].id])
zoomcc.QueueAgents("billing-agents", queue_id=billing.id, user_ids=[people["chloe"].id])
zoomcc.QueueDispositionSets(
    "support-outcomes", queue_id=support.id, disposition_set_ids=[outcomes.id]
)
zoomcc.QueueOperatingHours(  # closed calls go to voicemail
    "support-hours",
    queue_id=support.id,
    operating_hours_business_hour_id=office_hours.id,
    operating_hours_closure_set_id=holidays.id,
    operating_hours_overflow_enabled=True,
    overflow_to_inbox_id=voicemail.id,
)
zoomcc.QueueOperatingHours(  # billing's closed calls go to support
    "billing-hours",
    queue_id=billing.id,
    operating_hours_business_hour_id=office_hours.id,
    operating_hours_overflow_enabled=True,
    overflow_to_queue_id=support.id,
)
zoomcc.InboxQueues("voicemail-queues", inbox_id=voicemail.id, cc_queue_ids=[support.id])

pulumi.export("support_queue_id", support.id)
pulumi.export("campaign_id", spring.id)
pulumi.export("contact_id", ada.id)
pulumi.export("resource_types", 37)
