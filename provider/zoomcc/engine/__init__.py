"""Getting a real Pulumi engine on a machine with no `pulumi` installed."""

from zoomcc.engine.toolchain import EngineToolchain, engine_env, ensure_engine

__all__ = ["EngineToolchain", "engine_env", "ensure_engine"]
