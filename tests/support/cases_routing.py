"""Lifecycle test data for the routing resources."""

from __future__ import annotations

from tests.support.cases import Case

CASES: list[Case] = []
