"""Numbers in callback data and command arguments, parsed strictly: they come from the client.

`str.isdigit()` and `int()` accept more than ASCII digits: "²".isdigit() is True but
int("²") raises, and int("٣") is 3. A forged press must get "this button is stale", never a
traceback, and never a number nobody's keyboard could have carried.
"""

from __future__ import annotations

import re

DIGITS = 9  # ids, pages and positions in our buttons; well inside a 32-bit column
_NUMBER = re.compile(r"[0-9]+")


def number(arg: str | None, digits: int = DIGITS) -> int | None:
    """A non-negative number of at most `digits` ASCII digits; None for anything else."""
    if arg is None or not 0 < len(arg) <= digits or not _NUMBER.fullmatch(arg):
        return None
    return int(arg)
