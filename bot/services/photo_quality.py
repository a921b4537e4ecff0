"""Is a product photo good enough to sell from? Sharpness, brightness and a perceptual hash.

Pure functions on Pillow images (no database, no Telegram). Every measure is taken on a
greyscale copy scaled to `SIDE` pixels on its long side, so a 12-megapixel phone photo and
Telegram's 1280-pixel version of it get the same numbers, and the work is a few milliseconds.

- sharpness: variance of a 3x3 Laplacian (an edge filter). Detail and crisp edges give large
  values; blur removes exactly what the Laplacian sees.
- brightness: mean luminance, 0 (black) to 255 (white).
- contrast: standard deviation of luminance. A perfectly even picture (below `FLAT`) is no
  camera photo (a sensor always adds some noise): there is nothing to judge or to compare, so
  it gets neither a verdict nor a hash.

The thresholds are calibrated in tests/test_photo_quality.py on pictures the tests make (a
textured "product" photo, the same blurred, darkened, resized, re-encoded) and checked on
matplotlib's sample photograph; see that file for the numbers each sample gives.
"""

from __future__ import annotations

import enum
import io
from dataclasses import dataclass

from PIL import Image, ImageFilter, ImageStat

SIDE = 512
MAX_PIXELS = 50_000_000  # a 20 MB file can unpack to far more: judged no further
# Laplacian variance on the SIDE-pixel greyscale (calibrated in tests/test_photo_quality.py):
# a sharp photo measures in the hundreds (test sample ~610, matplotlib's portrait ~510); a
# Gaussian blur of radius 2 px on a 1280-px photo (soft, still usable) ~75; radius 4 px ~9;
# radius 6 px and more (nothing readable) 2-4. We hint only at the very blurry.
BLURRY_BELOW = 6.0
# Mean luminance, 0-255: an ordinary indoor photo is 90-160 (the portrait 77); under-exposed at
# dusk but usable 45-70; a dark room without flash 10-30. Darkening the samples to 40 % of
# their light crosses the line (30 and 60), to 10 % is far below it (7 and 15).
DARK_BELOW = 35.0
FLAT = 1.0
# Bits (of 64) in which two dHashes may differ and still be "the same picture": a resize,
# a crop of a few pixels or a JPEG re-encode changes 0-4; unrelated photos differ in ~32.
SIMILAR_BITS = 6
HASH_HEX = 16  # 64 bits as hex
BAND_HEX = 2  # 8 pieces: SIMILAR_BITS must stay below 8 for `bands`
# Two hashes within SIMILAR_BITS differ in at most that many pieces: the others are equal.
EQUAL_BANDS = HASH_HEX // BAND_HEX - SIMILAR_BITS
_LAPLACIAN = ImageFilter.Kernel((3, 3), (0, 1, 0, 1, -4, 1, 0, 1, 0), scale=1, offset=128)


class Problem(enum.StrEnum):
    BLURRY = "blurry"
    DARK = "dark"


@dataclass(frozen=True)
class Measures:
    sharpness: float
    brightness: float
    contrast: float


@dataclass(frozen=True)
class Verdict:
    """What the worker keeps per photo: a problem worth a hint (or None) and the hash."""

    problem: Problem | None
    phash: str | None
    measures: Measures | None


def grey(image: Image.Image) -> Image.Image:
    """Greyscale, at most SIDE pixels on the long side (transparency counted as white)."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        base = Image.new("RGBA", rgba.size, "white")
        image = Image.alpha_composite(base, rgba)
    small = image.convert("L")
    small.thumbnail((SIDE, SIDE), Image.Resampling.BILINEAR)
    return small


def measure(small: Image.Image) -> Measures:
    """Sharpness, brightness and contrast of the picture, given as its `grey` copy."""
    stats = ImageStat.Stat(small)
    # The kernel is offset by 128 and clipped to 0-255: only the strongest edges clip, which
    # matters for sharp photos only, far above the blur threshold. Pillow copies the border
    # pixels unfiltered: they are cut off.
    edges = small.filter(_LAPLACIAN)
    edges = edges.crop((1, 1, max(2, edges.width - 1), max(2, edges.height - 1)))
    stats_edges = ImageStat.Stat(edges)
    return Measures(
        sharpness=stats_edges.var[0], brightness=stats.mean[0], contrast=stats.stddev[0]
    )


def problem(measures: Measures) -> Problem | None:
    """A problem bad enough to ask for a retake; darkness first (its fix is the light)."""
    if measures.contrast < FLAT:
        return None  # an even picture: nothing to judge
    if measures.brightness < DARK_BELOW:
        return Problem.DARK
    if measures.sharpness < BLURRY_BELOW:
        return Problem.BLURRY
    return None


def phash(small: Image.Image, measures: Measures) -> str | None:
    """The 64-bit difference hash as 16 hex digits of the `grey` copy; None for an even
    picture.

    The picture shrunk to 9x8; each bit says whether a pixel is darker than its right-hand
    neighbour, row by row. The same digits as imagehash's `dhash` (tests/test_photo_quality.py)
    without loading numpy for 64 comparisons.
    """
    if measures.contrast < FLAT:
        return None
    pixels = small.resize((9, 8), Image.Resampling.LANCZOS).tobytes()
    bits = 0
    for row in range(0, 72, 9):
        for x in range(row, row + 8):
            bits = bits << 1 | (pixels[x] < pixels[x + 1])
    return f"{bits:016x}"


def distance(a: str, b: str) -> int:
    """How many of the 64 bits differ."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def similar(a: str, b: str) -> bool:
    return distance(a, b) <= SIMILAR_BITS


def bands(value: str) -> list[str]:
    """The hash cut into 8 pieces of 8 bits: two hashes within SIMILAR_BITS (< 8) bits share
    at least EQUAL_BANDS pieces exactly (pigeonhole), so the database can pre-select by equal
    pieces."""
    return [value[i : i + BAND_HEX] for i in range(0, HASH_HEX, BAND_HEX)]


def judge_file(path: str) -> Verdict:
    """`judge` on a kept file, read here: in a process of its own (bot/workers/judging.py)
    only the name crosses over."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return Verdict(None, None, None)
    return judge(data)


def judge(data: bytes) -> Verdict:
    """Open the downloaded bytes and judge them; an unreadable or huge file gets no verdict."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:  # read from the header: nothing decoded
                return Verdict(None, None, None)
            # A JPEG is decoded straight to grey at the smallest scale (1/2, 1/4, 1/8) still
            # at least SIDE pixels on its long side: 8 instead of 18 ms for a 1280x960 photo
            # (docs/benchmarks.md, sixth round).
            long_side = (SIDE, 1) if image.width >= image.height else (1, SIDE)
            image.draft("L", long_side)
            image.load()
            small = grey(image)
            measures = measure(small)
            return Verdict(problem(measures), phash(small, measures), measures)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return Verdict(None, None, None)
