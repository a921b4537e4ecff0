"""The local playground (`python -m bot playground`). Filled in by that feature."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: argparse._SubParsersAction[Any]) -> None:
    """Add the `playground` subcommand."""
