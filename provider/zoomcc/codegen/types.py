"""Python type annotations for API field trees, naming a class for every described object.

An object argument ``hours`` of ``BusinessHours`` is typed ``BusinessHoursHoursArgs |
BusinessHoursHoursArgsDict`` (the Pulumi SDK convention: a class or a dict, both accepted) and
its output ``BusinessHoursHours``; a list's items are named in the singular
(``BusinessHoursHoursCustomHour``). ``Nested`` collects the classes an annotation names, so
the generators write each once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zoomcc.apispec import FieldSpec
from zoomcc.resources.enums import allowed, meanings

_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
INPUTS = "_inputs"
OUTPUTS = "outputs"


def camel(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\W]+", name) if part)


def singular(name: str) -> str:
    """The name of one item of a list called ``name`` (``CustomHours`` -> ``CustomHour``)."""
    if name.endswith("ies"):
        return name[:-3] + "y"
    if name.endswith(("sses", "xes", "ches", "shes")):
        return name[:-2]
    if name.endswith("s") and not name.endswith("ss"):
        return name[:-1]
    return name + "Item"


def described(node: FieldSpec) -> bool:
    """Whether the reference describes the object's fields (else it is free-form)."""
    return node.type == "object" and bool(node.fields)


@dataclass(frozen=True)
class _Side:
    """How annotations read on one side: arguments (``_inputs``) or outputs."""

    module: str
    enums: bool
    """Whether an enum is typed as its ``Literal`` (outputs take whatever the API says)."""
    sequence: str
    free_form: str
    named: str
    """A described object's annotation, ``{}`` standing for its (qualified) class name."""


_INPUT = _Side(
    INPUTS, True, "Sequence[pulumi.Input[{}]]", "Mapping[str, Any]", "{0}Args | {0}ArgsDict"
)
_OUTPUT = _Side(OUTPUTS, False, "list[{}]", "dict[str, Any]", "{}")


@dataclass
class Nested:
    """The object classes annotations name: class name -> the object's field tree."""

    inputs: dict[str, FieldSpec] = field(default_factory=dict)
    outputs: dict[str, FieldSpec] = field(default_factory=dict)
    about: dict[str, str] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)
    """``<class>.<field>`` of file fields (``AssetItem.upload_file``): ``str | pulumi.Asset``."""
    """Class name -> the description of the field holding the object (a list's, for items)."""

    def input_type(
        self, node: FieldSpec, name: str, *, qualify: bool = True, about: str = ""
    ) -> str:
        """The accepted type of an argument (list items may be Outputs too)."""
        return self._annotation(_INPUT, self.inputs, node, name, qualify, about)

    def output_type(
        self, node: FieldSpec, name: str, *, qualify: bool = True, about: str = ""
    ) -> str:
        """The type of a value the API returns."""
        return self._annotation(_OUTPUT, self.outputs, node, name, qualify, about)

    def _annotation(
        self,
        side: _Side,
        classes: dict[str, FieldSpec],
        node: FieldSpec,
        name: str,
        qualify: bool,
        about: str,
    ) -> str:
        """``node``'s annotation on one side, claiming a class for each described object."""
        if node.type in _SCALARS:
            return _scalar(node) if side.enums else _SCALARS[node.type]
        if node.type == "array":
            if node.items is None:
                return side.sequence.format("Any")
            item = singular(name)
            inner = self._annotation(side, classes, node.items, item, qualify, node.description)
            return side.sequence.format(inner)
        if not described(node):
            return side.free_form
        _claim(classes, name, node)
        self.about.setdefault(name, node.description or about)
        return side.named.format((f"{side.module}." if qualify else "") + name)


def _claim(registry: dict[str, FieldSpec], name: str, node: FieldSpec) -> None:
    known = registry.setdefault(name, node)
    if known is not node and known != node:
        raise ValueError(f"two different objects would be named {name}")


def _scalar(node: FieldSpec) -> str:
    if node.enum:
        return "Literal[" + ", ".join(repr(v) for v in node.enum) + "]"
    return _SCALARS[node.type]


def python_type(node: FieldSpec) -> str:
    """A short type for the docs: nested objects by their kind (``object``, ``list[object]``)."""
    if node.type in _SCALARS:
        return _scalar(node)
    if node.type == "array":
        return f"list[{python_type(node.items)}]" if node.items is not None else "list"
    return "object"


def python_name(api_field: str) -> str:
    """The property name of a field in a dict-based output class: ``items_`` where the
    field's name would hide a dict method."""
    return f"{api_field}_" if api_field in _DICT_NAMES else api_field


_DICT_NAMES = frozenset(dir(dict))


def first_sentence(text: str) -> str:
    text = " ".join(text.replace("&mdash;", "-").replace("\\n", " ").split())
    cut = text.find(". ")
    return text if cut < 0 else text[: cut + 1]


def field_doc(node: FieldSpec, fallback: str = "") -> str:
    """What a field is, for a docstring: the reference's first sentence, then what each enum
    value means."""
    text = first_sentence(node.description) or fallback
    item = node.items if node.type == "array" and node.items is not None else node
    if meanings(item):
        text = f"{text} One of: {allowed(item)}.".strip()
    return text
