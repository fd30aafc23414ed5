"""What every provider has, whatever the kind of its resource: its type name (all that is
pickled), the stack configuration and the shared client, and check().

The instance pickled into the state holds only the resource type's name: the class is
imported by reference from the installed package, so state stays small, carries no
secret, and code fixes reach existing resources. Each kind's CRUD lives in its own module
(``provider`` for objects, ``membership``, ``settings``); ``registry`` says which serves
which resource.
"""

from __future__ import annotations

import base64
import functools
from typing import Any, ClassVar, Generic, TypeVar

import dill  # pulumi pickles providers with dill
from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    DiffResult,
    ResourceProvider,
)

from zoomcc.client import ZoomClient
from zoomcc.dynamic.accounts import ACCOUNT_KEY, profiles, unknown_account
from zoomcc.dynamic.config import CLIENTS, ConfigurationError, config_problems, resolve_settings
from zoomcc.dynamic.derived_fields import with_derived
from zoomcc.dynamic.validation import input_failures
from zoomcc.dynamic.values import is_unknown, matches
from zoomcc.resources import catalog
from zoomcc.resources.base import BaseSpec

PROVIDER_KEY = "__provider"
"""The property the engine hands every call the pickled provider in."""
OLD_INPUTS_KEY = "__old_inputs"
"""Where this project's provider host hands Read the inputs the state holds (pulumi.dynamic
passes only the outputs; ``zoomcc.engine.provider_host.OLD_INPUTS_KEY``)."""
IMPORT_KEY = "import_id"
"""Argument of every object resource: the id of an existing object to adopt."""

Spec = TypeVar("Spec", bound=BaseSpec)


class FieldDiff(DiffResult):
    """A diff that also names the changed arguments: the plugin front end shows them field
    by field; the dynamic front end reads only the ``DiffResult`` part."""

    def __init__(
        self,
        changed: list[str],
        replaces: list[str],
        delete_before_replace: bool,
    ) -> None:
        super().__init__(
            changes=bool(changed or replaces),
            replaces=replaces,
            delete_before_replace=delete_before_replace,
        )
        self.changed = list(dict.fromkeys([*changed, *replaces]))
        """Every argument that differs, by its friendly name: ``["max_wait_time"]``."""


class BaseProvider(ResourceProvider, Generic[Spec]):
    """One resource type's provider; ``kind`` is the spec class it serves."""

    serialize_as_secret_always = False  # nothing secret is ever in here

    kind: type[Spec]
    import_refusal: ClassVar[str | None] = None
    """Why ``import_id`` makes no sense for this kind of resource (None: it is supported)."""

    def __init__(self, type_name: str, account: str | None = None) -> None:
        super().__init__()
        self.type_name = type_name
        self.account = account
        """The account profile (``zoomcc:accounts``) this resource lives in; None: the
        stack's own settings. Part of the pickle, so the engine's provider process keeps one
        configured instance per type and account."""
        self._stack_config: dict[str, Any] = {}
        self._client: ZoomClient | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        # Only the type name (and the account profile's name), as constructor arguments. No
        # instance dict is pickled: besides keeping config out of the state, this avoids
        # pulumi's serialize_provider, which wraps pickle's _batch_setitems once more on every
        # call and so recurses past the interpreter's limit after ~1,000 resources whose
        # providers pickle a dict. Without an account the pickle is 0.1.0's, byte for byte.
        if self.account is None:
            return (type(self), (self.type_name,))
        return (type(self), (self.type_name, self.account))

    def __repr__(self) -> str:
        account = "" if self.account is None else f", account={self.account!r}"
        return f"{type(self).__name__}({self.type_name!r}{account})"

    @property
    def spec(self) -> Spec:
        return catalog.get_kind(self.type_name, self.kind)

    def configure(self, req: ConfigureRequest) -> None:
        # Keep only our namespace; the client is built lazily so preview needs no credentials.
        raw = getattr(req.config, "_props", {}) or {}
        self._stack_config = {k: v for k, v in raw.items() if k.startswith("zoomcc:")}
        self._client = None
        problems = config_problems(self._stack_config)
        if problems:  # at preview, before any API call: a typo must not fall back to defaults
            raise ConfigurationError("zoomcc: " + "; ".join(problems))

    @property
    def client(self) -> ZoomClient:
        # Resolved once per configuration: resolving reads the package's version
        # (importlib.metadata, ~2.5 ms), which per call was a third of a create's CPU.
        if self._client is None:
            self._client = CLIENTS.get(resolve_settings(self._stack_config, account=self.account))
        return self._client

    def on_parent_diff(
        self, olds: dict[str, Any], news: dict[str, Any], *, undeclared_changes: bool
    ) -> FieldDiff:
        """The diff of memberships and settings: the inputs that differ (with
        ``undeclared_changes``, one declared before and not now too). A replacement removes
        the old first: the same member may be in both, and removing it after the add would
        undo the add."""
        changed = []
        for name in self.spec.input_fields:
            desired, before = news.get(name), olds.get(name)
            if desired is None and (before is None or not undeclared_changes):
                continue
            if is_unknown(desired) or not matches(desired, before):
                changed.append(name)
        replaces = [f for f in changed if f in self.spec.replace_fields]
        replaces += self.account_replaces(olds)
        return FieldDiff(changed, replaces, delete_before_replace=True)

    def account_replaces(self, olds: dict[str, Any]) -> list[str]:
        """``[account]`` when the resource moves to another account: a move is a new object
        there (created first) and the old one deleted from where it was. The dynamic front
        end's state names the account in its pickled provider, the plugin's in ``account``."""
        if PROVIDER_KEY in olds:
            old = _pickled_account(olds.get(PROVIDER_KEY))
        else:
            old = olds.get(ACCOUNT_KEY) or None
        moved = old != self.account
        return [ACCOUNT_KEY] if moved else []

    # ---- check (no network) ---------------------------------------------------------------
    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        news = with_derived(self.spec, news)  # derived-field rules: what preview shows
        return CheckResult(news, as_read(self._check_failures(news), self.spec.name))

    def _check_failures(self, news: dict[str, Any]) -> list[CheckFailure]:
        """The inputs against the API's field tree and the spec's rules, the kind's own
        checks, and ``import_id``."""
        spec = self.spec
        own = (PROVIDER_KEY, IMPORT_KEY, ACCOUNT_KEY)
        inputs = {k: v for k, v in news.items() if k not in own}
        adopting = news.get(IMPORT_KEY) is not None
        failures = [
            CheckFailure(p, r) for p, r in input_failures(spec, inputs, adopting=adopting)
        ]
        if self.account is not None and self.account not in profiles(self._stack_config):
            reason = unknown_account(self.account, profiles(self._stack_config))
            failures.append(CheckFailure(ACCOUNT_KEY, f"{spec.name}: {reason}"))
        failures += self._kind_failures(inputs, {f.property for f in failures})
        adopt = news.get(IMPORT_KEY)
        if adopt is not None and self.import_refusal is not None:
            reason = f"{spec.name}: 'import_id' is not supported: {self.import_refusal}"
            failures.append(CheckFailure(IMPORT_KEY, reason))
        elif adopt is not None and not is_unknown(adopt) and not isinstance(adopt, str):
            failures.append(
                CheckFailure(IMPORT_KEY, f"{spec.name}: 'import_id' must be an id string")
            )
        return failures

    def _kind_failures(self, inputs: dict[str, Any], reported: set[str]) -> list[CheckFailure]:
        """What this kind checks beyond the field tree (``reported``: properties already
        failed)."""
        return []


@functools.lru_cache(maxsize=256)
def _pickled_account(pickled: object) -> str | None:
    """The account profile of a provider as the state holds it (base64 of its pickle; the
    class is this package's, so loading it runs only our constructor)."""
    if not isinstance(pickled, str):
        return None
    try:
        provider = dill.loads(base64.b64decode(pickled))
    except Exception:  # an older or foreign pickle: it named no account
        return None
    account = getattr(provider, "account", None)
    return account if isinstance(account, str) else None


def as_read(failures: list[CheckFailure], type_name: str) -> list[CheckFailure]:
    """Failures as one line each, naming the field in the reason and leaving ``property``
    empty: given a property, the engine prints its whole value before the reason ("property
    hours value {map[custom_hours:{[{map[...]}]}]} has a problem: ..."), a dump nobody reads.
    The engine names the resource ("pulumi-python:dynamic/zoomcc:Queue resource 'support' has
    a problem: ..."), so the reason does not name its type (``type_name``) again."""
    read = []
    for failure in failures:
        reason, field = failure.reason.removeprefix(f"{type_name}: "), failure.property
        if field and f"'{field}" not in reason:
            reason = f"'{field}': {reason}"
        read.append(CheckFailure("", reason))
    return read
