"""A runnable example program per resource page: the spec's example, after what it refers to.

A spec's ``example`` names objects other examples declare (``languages.id``: the skill
category's) or that an account already has (a phone number, users). ``program()`` puts the
declarations it needs first, in order, so a page's example runs as it stands
(``tests/provider/test_docs_examples.py`` runs every one against the emulator).
"""

from __future__ import annotations

import re
from functools import cache

from zoomcc.resources import catalog

# What an account has before any stack (its root team, a SIP zone, a phone number: set in
# stack config), and objects a few examples name without a spec's example declaring them.
GIVEN: dict[str, str] = {
    "root_team_id": 'root_team_id = config.get("rootTeamId") or "rootTeam0000000000000A"',
    "sip_zone_id": 'sip_zone_id = config.get("sipZoneId") or "AfgzMEweSQ6tqzC8jhYJ2A"',
    "number_id": 'number_id = config.get("phoneNumberId") or "emulatorPhoneNumber01"',
    "main_number_id": "main_number_id = number_id",
    "jane_id": "# An existing user, looked up by email.\n"
    'jane_id = zoomcc.get_user(name="jane@example.com").apply(lambda user: user.id)',
    "outbound": 'outbound = zoomcc.Queue("outbound", name="Outbound", channel="voice")',
    "agent_role": 'agent_role = zoomcc.Role("agent-role", name="Agents", '
    'privileges=["UserManagement:Read"])',
    "admin_role": 'admin_role = zoomcc.Role("admin-role", name="Admins", '
    'privileges=["UserManagement:Read"])',
    "hold_music": 'hold_music = zoomcc.Asset("hold-music", name="Hold music", type="audio", '
    'category_id=prompts.id, items=[{"asset_item_language": "en-US", "is_default": True, '
    '"upload_file": pulumi.FileAsset("greeting.mp3")}])',
    "support_flow": 'support_flow = zoomcc.Flow("support-flow", name="Support IVR", '
    'file=pulumi.FileAsset("flows/support.json"), publish=True)',
    "tier1_id": "tier1_id = tier1.id",
    "support_team": 'support_team = zoomcc.Team("support-team", name="Support", '
    "parent_team_id=root_team_id)",
    "dnc_list_id": 'dnc_list_id = zoomcc.CampaignContactList("do-not-call", name="Do not call", '
    'type="do_not_contact").id',
    "config": "config = pulumi.Config()",
}
"""Name -> the lines that declare it (where no spec's example does)."""

FILES = ("greeting.mp3", "flows/support.json")
"""Files the examples upload (``pulumi.FileAsset``), relative to the program."""

_DEFINES = re.compile(r"^(\w+) = zoomcc\.(\w+)\(", re.M)
_NAME = re.compile(r"(?<![\w.\"'])([a-z_][a-z0-9_]*)\b(?=\.|\)|,|\]|$)", re.M)


@cache
def _declared_by_examples() -> dict[str, str]:
    """Variable -> the example line that declares it (the first spec to declare a name)."""
    found: dict[str, str] = {}
    for spec in catalog.ALL:
        for match in _DEFINES.finditer(spec.example):
            found.setdefault(match.group(1), spec.example)
    return found


def _needs(code: str, defined: set[str]) -> list[str]:
    """Free names of ``code`` that something here declares."""
    known = {**_declared_by_examples(), **GIVEN}
    names = [m.group(1) for m in _NAME.finditer(_strip_strings(code))]
    return [n for n in dict.fromkeys(names) if n in known and n not in defined]


def _strip_strings(code: str) -> str:
    return re.sub(r'"[^"\n]*"', '""', code)


def program(example: str) -> str:
    """The example after the declarations it needs, each once, dependencies first; with the
    imports it uses."""
    ordered: list[str] = []
    defined = {m[0] for m in _DEFINES.findall(example)}

    def add(code: str) -> None:
        for name in _needs(code, defined):
            defined.add(name)
            source = GIVEN.get(name) or _declared_by_examples()[name]
            add(source)
            if source not in ordered:
                ordered.append(source)

    add(example)
    body = "\n".join([*ordered, example])
    imports = ["import pulumi"] if "pulumi." in body else []
    return "\n".join([*imports, "import pulumi_zoomcc as zoomcc", "", body])
