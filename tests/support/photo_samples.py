"""Photos the tests make: a textured "product" photo and its blurred, dark, resized copies."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter


def product_photo(seed: int = 1, size: tuple[int, int] = (1280, 960)) -> Image.Image:
    """Shapes with outlines and a fine grain on a beige cloth, as a phone photo of a stall."""
    rnd = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size, (200, 190, 175))
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y, r = rnd.randrange(width), rnd.randrange(height), rnd.randrange(10, 160)
        colour = (rnd.randrange(40, 230), rnd.randrange(40, 230), rnd.randrange(40, 230))
        if rnd.random() < 0.5:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour, outline=(30, 30, 30), width=3)
        else:
            draw.rectangle((x, y, x + r, y + r // 2), fill=colour)
    for x in range(0, width, 24):
        draw.line((x, 0, x + height // 3, height), fill=(120, 80, 60), width=1)
    grain = Image.effect_noise(size, 12).convert("RGB")
    return Image.blend(image, grain, 0.08)


def blurred(image: Image.Image, radius: float) -> Image.Image:
    return image.filter(ImageFilter.GaussianBlur(radius))


def darkened(image: Image.Image, light: float) -> Image.Image:
    """`light` of the original light: 0.1 is a dark room."""
    return ImageEnhance.Brightness(image).enhance(light)


def resized(image: Image.Image, factor: float) -> Image.Image:
    return image.resize((round(image.width * factor), round(image.height * factor)))


def jpeg(image: Image.Image, quality: int = 85) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()
