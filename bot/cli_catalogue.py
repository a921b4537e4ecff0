"""Terminal commands for the catalogue (export, mark-listed, stats). Filled in by that feature."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: argparse._SubParsersAction[Any]) -> None:
    """Add this module's subcommands."""
