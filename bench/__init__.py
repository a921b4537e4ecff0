"""Benchmarks: the real bot (a `python -m bot` subprocess) against the fake Bot API server."""
