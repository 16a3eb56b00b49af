"""Numbers written as readers see them in lists: Roman numerals, shared by Word's numbering and CSS counters."""

from __future__ import annotations

ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def roman(n: int) -> str:
    """``n`` in lower-case Roman numerals ("xiv"); zero and negative numbers as digits, as Word shows them."""
    if n <= 0:
        return str(n)
    out = ""
    for value, numeral in ROMAN:
        while n >= value:
            out, n = out + numeral, n - value
    return out
