"""How members, and objects without a single-item DELETE, leave: one shape, as data, for the
memberships' removal calls and the objects' deletes by id list (``spec.delete_by_ids``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

RemoveMode = Literal["item", "body", "query", "none"]


@dataclass(frozen=True)
class Removal:
    """How objects (or members) leave.

    * ``item``: ``DELETE`` on ``path`` whose last placeholder is the member's id;
    * ``body`` / ``query``: one ``DELETE`` on ``path`` with the ids in the JSON body field
      ``ids_field`` (a list) or in the query parameter ``ids_field`` (comma-separated), which
      must be one the operation's body or query contract lists;
    * ``none``: the API cannot remove a member; deleting leaves it where it is.
    """

    mode: RemoveMode
    path: str = ""
    ids_field: str = ""
    max_ids: int | None = None
    live_id: str | None = None
    """Remove by this field of the listed member rather than by the declared value (DNC
    phones are added by number but removed by ``phone_id``)."""

    def request(self, ids: list[str]) -> tuple[dict[str, Any] | None, dict[str, str] | None]:
        """The JSON body and the query of one ``body`` or ``query`` call removing ``ids``."""
        if self.mode == "body":
            return {self.ids_field: ids}, None
        return None, {self.ids_field: ",".join(ids)}  # arrays go comma-separated
