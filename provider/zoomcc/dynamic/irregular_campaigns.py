"""0.1.0's import paths of the OutboundCampaign, Inbox and block-list rule providers, kept so
the states it wrote load (see docs/upgrading.md): these objects are data on their specs,
served by the object kind's provider."""

from zoomcc.dynamic.provider import SpecProvider as BlockListRuleProvider
from zoomcc.dynamic.provider import SpecProvider as BulkDeleteProvider
from zoomcc.dynamic.provider import SpecProvider as OutboundCampaignProvider

__all__ = ["BlockListRuleProvider", "BulkDeleteProvider", "OutboundCampaignProvider"]
