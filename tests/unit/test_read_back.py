"""Reading inputs back through a path (``read_back``): the path follows the GET schema, and a
GET in another shape fails naming the resource and the field instead of reading nulls."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.scripted_zoom import Answer, Scripted
from zoomcc.apispec import FieldSpec
from zoomcc.dynamic.values import UnexpectedShapeError, extract
from zoomcc.resources import catalog

READ_BACKS = [
    (spec, api_field, path)
    for spec in catalog.OBJECTS
    for api_field, path in spec.read_back.items()
    if spec.read_op.success_response is not None
]


def _schema_at(node: FieldSpec, path: str) -> FieldSpec:
    """The schema of what ``extract`` returns for ``path``; AssertionError where the path
    does not follow the schema."""
    part, _, rest = path.partition(".")
    over_list = part.endswith("[]")
    key = part.removesuffix("[]")
    if key == "*":
        assert node.type == "object" and node.fields, f"'*' needs an object, got {node.type}"
        assert all(f.type == "array" for f in node.fields), "'*' joins lists only"
        items = node.fields[0].items
        assert items is not None
        kinds = {repr(_shape(f.items)) for f in node.fields if f.items is not None}
        assert kinds == {repr(_shape(items))}, "'*' joins lists of one kind"
        inner = _schema_at(items, rest) if rest else items
        return FieldSpec(name=key, type="array", items=inner)
    assert node.type == "object", f"{key!r} is read from a {node.type}"
    field = next((f for f in node.fields if f.name == key), None)
    assert field is not None, f"the GET schema has no {key!r}"
    if not over_list:
        return _schema_at(field, rest) if rest else field
    assert field.type == "array" and field.items is not None, f"{key}[] is not a list"
    inner = _schema_at(field.items, rest) if rest else field.items
    return FieldSpec(name=key, type="array", items=inner)


def _shape(node: FieldSpec) -> Any:
    return (node.type, _shape(node.items)) if node.items is not None else node.type


@pytest.mark.parametrize(
    ("spec", "api_field", "path"), READ_BACKS, ids=[f"{s.name}.{f}" for s, f, _ in READ_BACKS]
)
def test_read_back_path_follows_the_get_schema(spec: Any, api_field: str, path: str) -> None:
    response = spec.read_op.success_response
    assert response is not None and response.body is not None
    read = _schema_at(response.body.schema_, path)
    assert _shape(read) == _shape(spec.input_fields[api_field])


# (what GET answered, the path, what is read back; or the start of the error)
EXTRACT_CASES: list[tuple[dict[str, Any], str, Any]] = [
    (
        {"privileges": {"administration_settings": ["A"], "general_settings": ["G"]}},
        "privileges.*",
        ["A", "G"],
    ),
    ({"privileges": {"analytics_settings": None}}, "privileges.*", []),
    ({}, "privileges.*", None),
    ({"address_books": [{"address_book_id": "b1"}]}, "address_books[].address_book_id", ["b1"]),
    ({"address_books": None}, "address_books[].address_book_id", []),
    (
        {"privileges": ["A", "G"]},
        "privileges.*",
        UnexpectedShapeError("S: the GET response holds a list at 'privileges' where an object"),
    ),
    (
        {"privileges": {"general_settings": "G"}},
        "privileges.*",
        UnexpectedShapeError("S: the GET response holds a string at 'privileges.general_settings'"),
    ),
    (
        {"address_books": ["b1"]},
        "address_books[].address_book_id",
        UnexpectedShapeError("S: the GET response holds a string at 'address_books[]'"),
    ),
    (
        {"address_books": {"address_book_id": "b1"}},
        "address_books[].address_book_id",
        UnexpectedShapeError("S: the GET response holds an object at 'address_books' where a"),
    ),
]


@pytest.mark.parametrize(("live", "path", "expected"), EXTRACT_CASES)
def test_extract(live: dict[str, Any], path: str, expected: Any) -> None:
    if not isinstance(expected, Exception):
        assert extract(live, path, subject="S") == expected
        return
    with pytest.raises(UnexpectedShapeError) as failed:
        extract(live, path, subject="S")
    assert str(failed.value).startswith(str(expected))


def test_role_privileges_in_an_unknown_shape_fail_naming_role_and_field() -> None:
    """A flat list where GET's schema groups privileges by kind read as [null, null] once."""
    flat = {"role_id": "r1", "role_name": "Auditors", "privileges": ["A", "B"]}
    zoom = Scripted("Role", [Answer(200, flat)])
    with pytest.raises(UnexpectedShapeError, match=r"^Role r1 'privileges': .* a list at"):
        zoom.provider.read("r1", {"name": "Auditors", "privileges": ["A", "B"]})
