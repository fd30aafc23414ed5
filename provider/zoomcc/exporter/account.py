"""Reading a whole account: the chosen types' objects, then the memberships and settings
of every object they live on."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Executor, Future, ThreadPoolExecutor

from zoomcc.client import ZoomClient
from zoomcc.exporter.exported import ExportedObject, Progress, no_progress
from zoomcc.exporter.on_parents import OnParentReader
from zoomcc.exporter.reading import ObjectReader, Unreadable
from zoomcc.resources import catalog
from zoomcc.resources.base import BaseSpec
from zoomcc.resources.membership import MembershipSpec
from zoomcc.resources.settings import SettingsSpec
from zoomcc.resources.spec import ResourceSpec


def selected_specs(include: Iterable[str] = (), exclude: Iterable[str] = ()) -> list[BaseSpec]:
    """Every type (objects, memberships, settings), or those ``include`` names, less
    ``exclude``; ValueError names unknown types."""
    wanted, unwanted = set(include), set(exclude)
    unknown = (wanted | unwanted) - set(catalog.BY_NAME)
    if unknown:
        raise ValueError(
            f"unknown resource types {sorted(unknown)}; known: {sorted(catalog.BY_NAME)}"
        )
    return [s for s in catalog.ALL if (not wanted or s.name in wanted) and s.name not in unwanted]


def read_account(
    client: ZoomClient,
    specs: Iterable[BaseSpec],
    progress: Progress = no_progress,
    unreadable: Unreadable | None = None,
) -> list[ExportedObject]:
    """Every object of the chosen types, read in full, then every membership and setting
    of the chosen kinds on them. A parent type a chosen membership or setting lives on is
    read (and exported) too. Types the account cannot list are noted in ``unreadable``."""
    chosen = list(specs)
    noted: Unreadable = unreadable if unreadable is not None else []
    kinds = sum(1 for s in chosen if isinstance(s, MembershipSpec | SettingsSpec))
    with (
        ThreadPoolExecutor(READERS) as pool,
        ThreadPoolExecutor(max(kinds, 1)) as on_parents,
    ):
        return _read(client, chosen, progress, noted, pool, on_parents)


UNLISTED_PARENTS = (
    "no call lists their parents (do-not-call lists): declare them by hand, with the parent's id"
)

READERS = 4
"""Object GETs in flight at once. Each membership and settings type is read on its own
thread besides: the client paces every label for all threads together, so reads of one
label (LIGHT settings) go on while another's (MEDIUM member lists) wait their turn."""


def _read(
    client: ZoomClient,
    chosen: list[BaseSpec],
    progress: Progress,
    noted: Unreadable,
    pool: Executor,
    on_parents: Executor,
) -> list[ExportedObject]:
    reader = ObjectReader(client, progress, pool)
    on_parent_reader = OnParentReader(client, noted, progress)
    parent_types = {
        s.parent_type
        for s in chosen
        if isinstance(s, MembershipSpec | SettingsSpec) and s.parent_type in catalog.BY_NAME
    }
    object_specs = [
        s for s in catalog.OBJECTS if s in chosen or (s.name in parent_types and s.supports_import)
    ]
    for spec in chosen:
        if not isinstance(spec, ResourceSpec | MembershipSpec | SettingsSpec):
            raise TypeError(f"{spec.name}: no way to read a {type(spec).__name__}")
    found: list[ExportedObject] = []
    reads: dict[str, Future[list[ExportedObject]]] = {}

    def start(parent_type: str | None) -> None:
        """Read the memberships and settings living on ``parent_type`` (None: on types not
        read) while the next object types are read: their calls are paced under other
        labels."""
        parents = [o for o in found if o.spec.name == parent_type]
        for spec in chosen:
            if not isinstance(spec, MembershipSpec | SettingsSpec) or spec.name in reads:
                continue
            if parent_type is not None and spec.parent_type != parent_type:
                continue
            if spec.parent_type not in catalog.BY_NAME:
                noted.append((spec.name, "*", UNLISTED_PARENTS))
                continue
            reads[spec.name] = on_parents.submit(on_parent_reader.read, spec, parents)

    for object_spec in object_specs:
        found.extend(reader.read(object_spec, noted))
        start(object_spec.name)
    start(None)
    for spec in chosen:  # in the chosen order, whichever finished first
        if spec.name in reads:
            found.extend(reads[spec.name].result())
    return found
