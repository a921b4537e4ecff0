"""A printable A4 poster: a QR code of the bot's deep link and three lines on what to do.

Hindi is drawn by Pillow with its Raqm layout (HarfBuzz shaping), which forms conjuncts and
places matras; without Raqm Pillow would draw the letters unjoined, so `render` refuses
instead of printing broken Hindi. Noto Sans Devanagari has no Latin letters, so each line is
split into Devanagari and Latin runs, each drawn with its own Noto font on one baseline.
"""

from __future__ import annotations

import html
import io
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import segno
from PIL import Image, ImageDraw, ImageFont, features

DPI = 200
PAGE = (1654, 2339)  # A4 (210 x 297 mm) at 200 dots per inch
MARGIN = 110
QR_SIDE = 980  # about 12.5 cm: scans from a few steps away
Color = tuple[int, int, int]
SAFFRON = (232, 119, 34)
INK = (33, 33, 33)
GREY = (110, 110, 110)
WHITE = (255, 255, 255)
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")
FONT_FILES = {
    ("deva", False): "NotoSansDevanagari-Regular.ttf",
    ("deva", True): "NotoSansDevanagari-Bold.ttf",
    ("latn", False): "NotoSans-Regular.ttf",
    ("latn", True): "NotoSans-Bold.ttf",
}


class PosterError(Exception):
    """The poster cannot be drawn correctly on this machine (a font or Raqm is missing)."""


@dataclass(frozen=True)
class PosterText:
    """Every text on the poster, already translated (Fluent keys `poster-*`)."""

    title: str  # the district office
    headline: str
    camp: str | None
    steps: tuple[str, str, str]
    bot_name: str
    username: str
    link: str


@dataclass(frozen=True)
class Poster:
    png: bytes
    pdf: bytes


def compose(
    t: Callable[..., str], district: str, camp: str | None, bot_name: str, username: str, link: str
) -> PosterText:
    """The poster's texts from the locale files; `t(key, **args)` formats in its language."""

    def text(key: str, **args: str) -> str:
        return html.unescape(t(key, **args))  # the translator escapes for Telegram's HTML

    return PosterText(
        title=text("poster-title", district=district),
        headline=text("poster-headline"),
        camp=camp or None,
        steps=(text("poster-step-1"), text("poster-step-2"), text("poster-step-3")),
        bot_name=bot_name,
        username=username,
        link=link,
    )


def render(text: PosterText) -> Poster:
    """Draw the page; the PNG and a one-page A4 PDF of it."""
    if not features.check("raqm"):
        raise PosterError("Pillow has no Raqm layout: Hindi would be drawn unshaped")
    page = Image.new("RGB", PAGE, WHITE)
    draw = ImageDraw.Draw(page)
    width = PAGE[0] - 2 * MARGIN
    # The band grows with a district name long enough to wrap.
    title_lines = len(_wrap(draw, text.title, 84, True, width))
    band = 330 + (title_lines - 1) * _step_of(84)
    draw.rectangle((0, 0, PAGE[0], band), fill=SAFFRON)
    y = _lines(draw, 150, text.title, 84, True, WHITE, width)
    y = _lines(draw, y + 10, text.headline, 50, False, WHITE, width)
    y = max(band, y - _step_of(50) + 60) + 95
    if text.camp:
        y = _lines(draw, y, text.camp, 56, True, INK, width) + 20
    qr = _qr(text.link)
    page.paste(qr, ((PAGE[0] - qr.width) // 2, y - 40))
    y += qr.height - 40 + 60
    for n, line in enumerate(text.steps, 1):
        y = _step(draw, y, n, line)
    y = max(y + 40, PAGE[1] - 300)
    draw.line((MARGIN, y - 70, PAGE[0] - MARGIN, y - 70), fill=SAFFRON, width=4)
    y = _lines(draw, y, text.bot_name, 60, True, INK, width)
    y = _lines(draw, y, f"@{text.username}", 46, False, INK, width)
    _lines(draw, y, text.link, 34, False, GREY, width)
    return Poster(png=_encode(page, "PNG"), pdf=_encode(page, "PDF"))


def _encode(page: Image.Image, kind: str) -> bytes:
    out = io.BytesIO()
    if kind == "PDF":
        page.save(out, "PDF", resolution=DPI)
    else:
        page.save(out, "PNG", dpi=(DPI, DPI), optimize=True)
    return out.getvalue()


def _qr(link: str) -> Image.Image:
    """Black modules on white with the standard four-module quiet zone, scaled to whole pixels."""
    code = segno.make(link, error="m", micro=False)
    modules = code.symbol_size(scale=1, border=4)[0]
    out = io.BytesIO()
    code.save(out, kind="png", scale=max(QR_SIDE // modules, 1), border=4)
    out.seek(0)
    return Image.open(out).convert("RGB")


def _step(draw: ImageDraw.ImageDraw, y: int, number: int, line: str) -> int:
    """A numbered instruction: a saffron disc with the number, the line beside it."""
    size, left, radius = 58, MARGIN + 40, 42
    centre = (left + radius, y - size // 3)
    draw.ellipse(
        (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius),
        fill=SAFFRON,
    )
    draw.text(centre, str(number), font=_font("latn", True, 52), fill=WHITE, anchor="mm")
    x: float = left + 2 * radius + 36
    for font, run in _runs(line, size, False):
        draw.text((x, y), run, font=font, fill=INK, anchor="ls", language=_lang(font))
        x += draw.textlength(run, font=font, language=_lang(font))
    return y + int(size * 1.9)


def _lines(
    draw: ImageDraw.ImageDraw, y: int, text: str, size: int, bold: bool, fill: Color, width: int
) -> int:
    """Centred, wrapped at spaces; `y` is the first baseline; returns the next free baseline."""
    for line in _wrap(draw, text, size, bold, width):
        runs = list(_runs(line, size, bold))
        lengths = [draw.textlength(run, font=f, language=_lang(f)) for f, run in runs]
        x = (PAGE[0] - sum(lengths)) / 2
        for (font, run), length in zip(runs, lengths, strict=True):
            draw.text((x, y), run, font=font, fill=fill, anchor="ls", language=_lang(font))
            x += length
        y += _step_of(size)
    return y


def _step_of(size: int) -> int:
    """From one baseline to the next."""
    return int(size * 1.45)


def _wrap(draw: ImageDraw.ImageDraw, text: str, size: int, bold: bool, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and _width(draw, candidate, size, bold) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _width(draw: ImageDraw.ImageDraw, line: str, size: int, bold: bool) -> float:
    return sum(draw.textlength(r, font=f, language=_lang(f)) for f, r in _runs(line, size, bold))


def _runs(line: str, size: int, bold: bool) -> Iterator[tuple[ImageFont.FreeTypeFont, str]]:
    """Split into runs of one script; spaces, digits and punctuation join the run they are in."""
    script, start = "", 0
    for i, ch in enumerate(line):
        kind = _script(ch)
        if kind and script and kind != script:
            yield _font(script, bold, size), line[start:i]
            start = i
        script = kind or script
    if line:
        yield _font(script or "deva", bold, size), line[start:]


def _script(ch: str) -> str:
    if "\u0900" <= ch <= "\u097f" or "\ua8e0" <= ch <= "\ua8ff" or ch in "\u200c\u200d":
        return "deva"
    if ch.isascii() and not ch.isalpha() and ch != "@":
        return ""  # neutral: Noto Sans Devanagari has digits and ASCII punctuation
    return "" if unicodedata.category(ch).startswith("Z") else "latn"


def _lang(font: ImageFont.FreeTypeFont) -> str | None:
    return "hi" if "Devanagari" in str(font.path) else None


@cache
def _font(script: str, bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(
        str(font_path(script, bold)), size, layout_engine=ImageFont.Layout.RAQM
    )


@cache
def font_path(script: str, bold: bool) -> Path:
    """The Noto font file (Debian: fonts-noto-core), looked for in the usual font folders."""
    name = FONT_FILES[(script, bold)]
    for folder in FONT_DIRS:
        if folder.is_dir():
            for found in folder.rglob(name):
                return found
    raise PosterError(f"font {name} not found: install fonts-noto-core")
