"""Inputs for the provider-tier rule tests (tests/provider/test_rules_*.py): one builder a
resource type, each taking only the value a rule judges, so a table row shows what is wrong."""

from __future__ import annotations

from typing import Any

_WEEKDAY = {"day_of_week": 1, "custom_hour_type": 2}


def hours(*ranges: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": "B",
        "timezone": "UTC",
        "hours": {"hour_type": 2, "custom_hours": [{**_WEEKDAY, "custom_hour_ranges": [*ranges]}]},
    }


def closures(start: Any, end: Any) -> dict[str, Any]:
    closure = {"closure_name": "New Year", "closure_hour_type": 1, "recurring_frequency": 0}
    return {
        "name": "C",
        "timezone": "UTC",
        "closures": [{**closure, "start_time": start, "end_time": end}],
    }


def block(number: str, match_type: str = "phone_number", **more: Any) -> dict[str, Any]:
    return {
        "phone_number": number,
        "match_type": match_type,
        "country_iso_code": "US",
        "channel": ["voice"],
        "direction": ["inbound"],
        "status": "active",
        **more,
    }


def variable(values: list[Any], variable_type: str = "global_variable") -> dict[str, Any]:
    return {
        "name": "V",
        "variable_group_id": "group0000000000000000A",
        "data_type": "string",
        "variable_type": variable_type,
        "values": values,
    }


def book_contact(number: str) -> dict[str, Any]:
    phone = {"phone_number": number, "phone_type": "main"}
    return {"address_book_id": "book1", "display_name": "Ada", "phones": [phone]}


def list_contact(number: str) -> dict[str, Any]:
    phone = {"contact_phone_number": number, "contact_phone_type": "Main"}
    return {"contact_list_id": "list1", "display_name": "Ada", "phones": [phone]}


def campaign(**more: Any) -> dict[str, Any]:
    return {
        "name": "C",
        "dialing_method": "preview",
        "dialing_method_settings": {},
        "phone_number_id": "p1",
        "queue_id": "q1",
        **more,
    }


def waiting_audio(*parts: dict[str, Any]) -> dict[str, Any]:
    audio = [{"order": i + 1, **part} for i, part in enumerate(parts)]
    wait_time = {
        "custom_audio_type": "advanced",
        "custom_audio": audio,
        "backup_custom_audio": [{"order": 1, "audio_asset_id": "a0"}],
        "over_limit_custom_audio": [{"order": 1, "audio_asset_id": "a0"}],
    }
    notify = {"is_loop": False, "play_after_seconds": 30, "notify_estimated_wait_time": wait_time}
    return {"queue_id": "q1", "notify_interrupts": notify}


def queue_callbacks(start: str, end: str) -> dict[str, Any]:
    offer = {"callback_offer_day": "Mon"}
    offer |= {"callback_offer_start_time": start, "callback_offer_end_time": end}
    return {"name": "Q", "video_callback_settings": {"callback_offer_time": [offer]}}
