"""The nesting pre-scan agrees with the real depth of any JSON, whatever its strings hold."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from srmtool.model.srmfile.jsontext import nesting_depth

TRICKY = st.text(alphabet=["[", "]", "{", "}", '"', "\\", "ก", "่", "a", "\n", "/", "u"], max_size=8)
values = st.recursive(
    st.none() | st.booleans() | st.integers() | TRICKY,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TRICKY, inner, max_size=3),
    max_leaves=25,
)


def depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((depth(v) for v in value.values()), default=0)
    return 0


@settings(max_examples=300, deadline=None)
@given(values, st.booleans(), st.sampled_from([None, 2]))
def test_nesting_depth_is_exact(value: Any, ascii_only: bool, indent: int | None) -> None:
    data = json.dumps(value, ensure_ascii=ascii_only, indent=indent).encode("utf-8")
    assert nesting_depth(data) == depth(value)


def test_brackets_inside_text_do_not_count() -> None:
    data = json.dumps({"ข้อความ": '[[[[{{{{ \\" ]]]] \\\\" [[['}, ensure_ascii=False).encode()
    assert nesting_depth(data) == 1
    assert nesting_depth(b"[" * 70 + b"]" * 70) == 70
