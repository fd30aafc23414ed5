"""A flow that routes to a queue this stack manages.

flows/support.json names the queue as `${support}`: `zoomcc.flow_file` writes the file again
with the queue's id in its place (to resolved_flows/, once the id is known) and gives the
path the flow uploads. docs/resources/flow.md describes the flow file.
"""

from pathlib import Path

import pulumi

import pulumi_zoomcc as zoomcc

FLOWS = Path(__file__).parent / "flows"

support = zoomcc.Queue("support", name="Menu support", channel="voice")
billing = zoomcc.Queue("billing", name="Menu billing", channel="voice")
menu = zoomcc.Flow(
    "support-menu",
    name="Support menu",
    file=zoomcc.flow_file(FLOWS / "support.json", {"support": support.id, "billing": billing.id}),
    publish=True,
)

pulumi.export("flow_id", menu.id)
pulumi.export("support_queue_id", support.id)
pulumi.export("billing_queue_id", billing.id)
