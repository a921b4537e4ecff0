"""`python -m bench` runs every benchmark and rewrites its section of docs/benchmarks.md.

`python -m bench NAME [options]` runs one: registration, instructions, unit_of_work, memory,
review_queue, broadcast, export.
"""

from __future__ import annotations

import importlib
import sys

ALL = (
    "registration",
    "instructions",
    "unit_of_work",
    "memory",
    "review_queue",
    "broadcast",
    "export",
)


def main() -> None:
    names = [sys.argv[1]] if len(sys.argv) > 1 and sys.argv[1] in ALL else list(ALL)
    rest = sys.argv[2:] if len(names) == 1 and len(sys.argv) > 1 else []
    for name in names:
        print(f"== {name}", flush=True)
        module = importlib.import_module(f"bench.{name}")
        entry = getattr(module, "cli", None) or module.main
        sys.argv = [f"bench.{name}", *rest]
        entry()


if __name__ == "__main__":
    main()
