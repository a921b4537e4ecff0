"""Sample media drawn at runtime (no binary files in the repository): product photos, a voice note.

The photos are valid PNGs at least 320 px on each side, so the bot accepts them like a phone photo.
"""

from __future__ import annotations

import array
import functools
import math
import struct
import zlib
from dataclasses import dataclass

WIDTH, HEIGHT = 480, 360
RGB = tuple[int, int, int]


class Canvas:
    """Rows of RGB bytes with span fills: fast enough in pure Python for a few images."""

    def __init__(self, width: int, height: int, top: RGB, bottom: RGB) -> None:
        self.width, self.height = width, height
        self.rows = [
            bytearray(bytes(_mix(top, bottom, y / (height - 1))) * width) for y in range(height)
        ]

    def span(self, y: int, x0: float, x1: float, color: RGB) -> None:
        if not 0 <= y < self.height:
            return
        a, b = max(0, round(x0)), min(self.width, round(x1))
        if b > a:
            self.rows[y][3 * a : 3 * b] = bytes(color) * (b - a)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, color: RGB) -> None:
        for y in range(math.floor(cy - ry), math.ceil(cy + ry) + 1):
            d = 1 - ((y - cy) / ry) ** 2
            if d > 0:
                half = rx * math.sqrt(d)
                self.span(y, cx - half, cx + half, color)

    def rect(self, x0: float, y0: int, x1: float, y1: int, color: RGB) -> None:
        for y in range(y0, y1):
            self.span(y, x0, x1, color)

    def png(self) -> bytes:
        raw = b"".join(b"\x00" + bytes(row) for row in self.rows)
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(raw, 6))
            + _chunk(b"IEND", b"")
        )


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _pot() -> bytes:
    """A terracotta pot (Gorakhpur) with a painted band, on a cream wall."""
    c = Canvas(WIDTH, HEIGHT, (250, 240, 222), (222, 205, 178))
    clay, dark, light = (182, 88, 48), (140, 62, 32), (210, 120, 74)
    cx = WIDTH / 2
    c.ellipse(cx, 322, 130, 18, (190, 172, 146))
    for y in range(70, 330):
        t = (y - 70) / 260
        half = 52 + 100 * math.sin(math.pi * min(1.0, 0.15 + t * 0.9)) ** 1.3
        c.span(y, cx - half, cx + half, clay)
        c.span(y, cx - half * 0.75, cx - half * 0.25, light)
        c.span(y, cx + half * 0.7, cx + half, dark)
        if 0.42 < t < 0.5 or 0.56 < t < 0.6:
            c.span(y, cx - half * 0.98, cx + half * 0.98, (250, 235, 205))
    c.ellipse(cx, 70, 66, 14, dark)
    c.ellipse(cx, 70, 52, 9, (90, 40, 22))
    return c.png()


def _chikan() -> bytes:
    """White chikankari flowers embroidered on pale blue cotton (Lucknow)."""
    c = Canvas(WIDTH, HEIGHT, (196, 222, 236), (170, 202, 224))
    for y in range(0, HEIGHT, 4):
        c.span(y, 0, WIDTH, (186, 212, 228))
    thread, leaf = (252, 252, 248), (232, 240, 236)
    for row, cy in enumerate(range(45, HEIGHT, 90)):
        for cx in range(45 + (row % 2) * 60, WIDTH, 120):
            for k in range(6):
                angle = k * math.pi / 3
                c.ellipse(cx + 17 * math.cos(angle), cy + 17 * math.sin(angle), 9, 9, thread)
            c.ellipse(cx, cy, 7, 7, (236, 214, 150))
            c.ellipse(cx + 38, cy + 22, 12, 5, leaf)
            c.ellipse(cx - 38, cy - 22, 12, 5, leaf)
    return c.png()


def _toy() -> bytes:
    """A lacquered wooden spinning top in bright rings (Varanasi toys)."""
    c = Canvas(WIDTH, HEIGHT, (255, 236, 200), (236, 196, 142))
    cx = WIDTH / 2
    c.ellipse(cx, 330, 110, 14, (205, 170, 120))
    colours = [(200, 30, 40), (250, 190, 20), (30, 140, 70), (30, 90, 180), (200, 30, 40)]
    for i, colour in enumerate(colours):
        y = 250 - i * 34
        width = 150 - abs(i - 1.5) * 28
        c.ellipse(cx, y, width, 30, colour)
        c.ellipse(cx - width * 0.35, y - 8, width * 0.25, 7, _mix(colour, (255, 255, 255), 0.45))
    c.rect(cx - 8, 300, cx + 8, 330, (120, 70, 30))
    c.ellipse(cx, 82, 22, 22, (120, 70, 30))
    return c.png()


@dataclass(frozen=True)
class Sample:
    """A sample photo; its name is `sample_<key>` in static/i18n.json."""

    key: str

    def to_json(self) -> dict[str, object]:
        return {"key": self.key, "url": f"/api/samples/{self.key}.png"}


SAMPLES = (Sample("pot"), Sample("chikan"), Sample("toy"))
_DRAW = {"pot": _pot, "chikan": _chikan, "toy": _toy}


@functools.cache
def sample_photo(key: str) -> bytes:
    """PNG bytes of a sample product photo; KeyError for an unknown key."""
    return _DRAW[key]()


@functools.cache
def sample_voice(seconds: float = 2.5, rate: int = 8000) -> bytes:
    """A short hummed tune as a WAV file (the fake stores it as a voice note)."""
    notes = (262, 294, 330, 392, 330)
    samples = array.array("h")
    total = int(seconds * rate)
    for i in range(total):
        t = i / rate
        note = notes[min(len(notes) - 1, int(t / seconds * len(notes)))]
        envelope = min(1.0, t * 8, (seconds - t) * 8)
        value = math.sin(2 * math.pi * note * t) + 0.3 * math.sin(4 * math.pi * note * t)
        samples.append(int(9000 * envelope * value))
    data = samples.tobytes()
    header = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVEfmt "
    header += struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
    return header + b"data" + struct.pack("<I", len(data)) + data
