"""Lifecycle test data for the contacts resources."""

from __future__ import annotations

from tests.support.cases import Case

CASES: list[Case] = []
