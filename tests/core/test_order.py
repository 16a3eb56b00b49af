"""The in-order run shared by the checker (clause order) and the redline (moved clauses)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policydocs.order import in_order


def _longest(positions: list[int]) -> int:
    best = [1] * len(positions)
    for i in range(len(positions)):
        for j in range(i):
            if positions[j] < positions[i]:
                best[i] = max(best[i], best[j] + 1)
    return max(best, default=0)


@given(st.lists(st.integers(0, 30), max_size=40, unique=True))
def test_a_longest_increasing_run(positions):
    keep = sorted(in_order(positions))
    values = [positions[i] for i in keep]
    assert values == sorted(values) and len(set(values)) == len(values)
    assert len(keep) == _longest(positions)


def test_one_clause_moved_to_the_end():
    assert in_order([0, 2, 3, 4, 1]) == {0, 1, 2, 3}
