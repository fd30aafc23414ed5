"""Resource specs of the routing area: agent and consumer routing profiles, queue
templates.

Reference oddity handled here: queue templates' list items say
``template_id``/``template_name``... where get and create say
``queue_template_id``/``queue_template_name``...: ``list_names`` maps them.
"""

from __future__ import annotations

from zoomcc.resources.object_calls import NameRefusal
from zoomcc.resources.spec import NAME_DESC, ResourceSpec, renamed

AGENT_ROUTING_PROFILE = ResourceSpec(
    name="AgentRoutingProfile",
    collection_path="/contact_center/agent_routing_profiles",
    item_path="/contact_center/agent_routing_profiles/{agentRoutingProfileId}",
    id_field="agent_routing_profile_id",
    renames=renamed("agent_routing_profile", *NAME_DESC),
    ordered=frozenset({"priorities", "time_steps"}),
    summary="How engagements are matched to agents: skill (or intent) categories in "
    "priority order, relaxed step by step while the consumer waits.",
    example='by_language = zoomcc.AgentRoutingProfile("by-language", name="By language", '
    'wait_time_agent_in_seconds=10, priorities=[{"category_type": "skill", '
    '"skill_category_id": languages.id, "minimum_proficiency_level": 2}])',
)

CONSUMER_ROUTING_PROFILE = ResourceSpec(
    name="ConsumerRoutingProfile",
    collection_path="/contact_center/consumer_routing_profiles",
    item_path="/contact_center/consumer_routing_profiles/{consumerRoutingProfileId}",
    id_field="consumer_routing_profile_id",
    renames=renamed("consumer_routing_profile", *NAME_DESC),
    ordered=frozenset({"top_priorities", "accumulated_priorities"}),
    summary="Which waiting consumers are served first: top priorities (always first) and "
    "accumulated priorities (a rate added to the wait time) by consumer attributes.",
    example='vip_first = zoomcc.ConsumerRoutingProfile("vip-first", name="VIP first", '
    'top_priorities=[{"attribute_type": "returning_customer", '
    '"parameter": {"max_returning_minutes": 60}}])',
)

QUEUE_TEMPLATE = ResourceSpec(
    name="QueueTemplate",
    collection_path="/contact_center/queue_templates",
    item_path="/contact_center/queue_templates/{queueTemplateId}",
    id_field="queue_template_id",
    # Reference line 16737: "Queue template name already exists: {templateName}"
    name_refusal=NameRefusal(400, 1242, 16737),
    renames={
        **renamed("queue_template", "name", "description", "status"),
        "template_type": "queue_template_type",
    },
    # The list names every field template_*, get and create queue_template_*.
    list_names={
        f"queue_template_{f}": f"template_{f}"
        for f in ("id", "name", "description", "status", "type", "need_attention")
    },
    summary="Settings to create queues from (`add`) or to apply to existing queues "
    "(`update`). `channel` and `template_type` cannot be changed in place: changing either "
    "replaces the template. `status` is applied right after create.",
    example='voice_template = zoomcc.QueueTemplate("voice", name="Voice defaults", '
    'channel="voice", template_type="add")',
)

SPECS: tuple[ResourceSpec, ...] = (AGENT_ROUTING_PROFILE, CONSUMER_ROUTING_PROFILE, QUEUE_TEMPLATE)
