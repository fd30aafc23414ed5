"""The rules each resource declares (resources/rules.py): every path names real input fields,
the resources that once lacked rules have them, a required argument is required in the SDK too,
and a value pydantic already refused is not reported twice."""

from __future__ import annotations

from tests.support.rule_inputs import hours
from zoomcc.dynamic.validation import input_failures
from zoomcc.resources import catalog
from zoomcc.resources.derived_fields import Derived
from zoomcc.resources.documented import documented_rules
from zoomcc.resources.rules import Before, Between, OneOf, Requires, When


def test_value_pydantic_already_refused_is_not_reported_twice() -> None:
    spec = catalog.get("BusinessHours")
    failures = input_failures(spec, hours({"start_time": 900, "end_time": "17:00"}))
    assert len(failures) == 1, failures
    assert "HH:mm" not in failures[0][1]


def test_every_declared_rule_addresses_real_input_fields() -> None:
    """A typo in a rule's path would silently check nothing: every path must name input
    fields, ``[]`` exactly where the field is a list."""
    for spec in catalog.ALL:
        for path, rule in spec.rules:
            if not path:  # the arguments themselves: a required argument
                assert isinstance(rule, Requires) and rule.field in spec.input_fields, spec.name
                continue
            fields = spec.input_fields
            node = None
            for part in path.split("."):
                name = part.removesuffix("[]")
                assert name in fields, (spec.name, path, name)
                node = fields[name]
                if part.endswith("[]"):
                    assert node.type == "array" and node.items is not None, (spec.name, path)
                    node = node.items
                fields = {f.name: f for f in node.fields or []}
            assert node is not None
            target = rule.rule if isinstance(rule, When) else rule
            if isinstance(target, Derived):  # fills a whole top-level field, of any type
                assert path in spec.input_fields, (spec.name, path)
                assert all(source in spec.input_fields for source in target.sources())
                continue
            on_objects = isinstance(target, Before | OneOf | Requires)
            expected = {"object"} if on_objects else {"string"}
            if isinstance(target, Between):
                expected = {"integer", "number"}
            assert node.type in expected, (spec.name, path, node.type)
            if isinstance(target, Before):
                assert {target.start, target.end} <= set(fields), (spec.name, path)
            if isinstance(target, OneOf):
                assert set(target.fields) <= set(fields), (spec.name, path)
            if isinstance(target, Requires):
                assert target.field in fields, (spec.name, path)
                assert target.when is None or target.when[0] in fields, (spec.name, path)


def test_the_four_formerly_pending_resources_declare_rules() -> None:
    # Declared on the spec, or documented error rules of its operations (apispec.rule_table).
    for name in ("PhoneNumberBlockListRule", "Variable", "BusinessHours", "ClosureSet"):
        spec = catalog.get(name)
        assert spec.rules or documented_rules(spec), name


def test_an_unconditional_required_argument_is_required_in_the_sdk_too() -> None:
    import inspect

    import pulumi_zoomcc as zoomcc

    parameter = inspect.signature(zoomcc.Skill.__init__).parameters["skill_category_id"]
    assert parameter.default is inspect.Parameter.empty
