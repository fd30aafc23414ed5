"""0.1.0's import path of the Flow provider, kept so the states it wrote load (see
docs/upgrading.md): flows are data on their spec, served by the object kind's provider."""

from zoomcc.dynamic.provider import SpecProvider as FlowProvider

__all__ = ["FlowProvider"]
