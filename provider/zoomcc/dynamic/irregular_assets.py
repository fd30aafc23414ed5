"""0.1.0's import path of the Asset provider, kept so the states it wrote load (see
docs/upgrading.md): assets are data on their spec, served by the object kind's provider."""

from zoomcc.dynamic.provider import SpecProvider as AssetProvider

__all__ = ["AssetProvider"]
