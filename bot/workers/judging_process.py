"""The photo judging process, `python -m bot.workers.judging_process` (bot/workers/judging.py).

It reads a file name per line and answers each with its verdict, a line of JSON, in order, until
its input ends. It imports no more than judging needs: no event loop, no database.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from bot.services import photo_quality as pq

log = logging.getLogger(__name__)
NO_VERDICT = pq.Verdict(None, None, None)


def judged(path: Path) -> pq.Verdict:
    """The file's verdict; never raises, so one odd file cannot stop the judging."""
    try:
        return pq.judge_file(str(path))
    except Exception:
        log.exception("judging a photo failed")
        return NO_VERDICT


def encode(verdict: pq.Verdict) -> bytes:
    m = verdict.measures
    return json.dumps(
        {
            "problem": verdict.problem.value if verdict.problem else None,
            "phash": verdict.phash,
            "measures": [m.sharpness, m.brightness, m.contrast] if m else None,
        }
    ).encode()


def decode(line: bytes) -> pq.Verdict:
    answer = json.loads(line)
    problem, measures = answer["problem"], answer["measures"]
    return pq.Verdict(
        pq.Problem(problem) if problem else None,
        answer["phash"],
        pq.Measures(*measures) if measures else None,
    )


def serve(names: Iterable[bytes], out: IO[bytes]) -> None:
    """A verdict for each file name, in order, until the input ends."""
    for line in names:
        out.write(encode(judged(Path(json.loads(line)))) + b"\n")
        out.flush()


def main() -> None:
    # Ctrl-C in a terminal reaches the whole process group: this process ends when the bot,
    # after its own shutdown, closes its input.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        serve(sys.stdin.buffer, sys.stdout.buffer)
    except BrokenPipeError:  # the bot is gone (killed): nobody to answer, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # for the exit's flush


if __name__ == "__main__":
    main()
