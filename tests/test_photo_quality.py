"""Photo quality and perceptual hash, calibrated on photos the tests make.

The numbers each sample gives (sharpness = Laplacian variance, brightness = mean luminance):
sharp 609 / 152; blur radius 2 px 75; 4 px 9; 6 px 4; 8 px 2; light at 40 % 60; at 20 % 30;
at 10 % 15. matplotlib's sample portrait (a real photograph): sharp 506 / 77; blurred by 4 px
(on its 600 px) 4; at 40 % of its light 30. A resize or a JPEG re-encode leaves the hash
unchanged (0 bits), a 2 % crop 3-7 bits; another photo differs in ~32.
"""

from __future__ import annotations

import io

import pytest
from matplotlib import cbook
from PIL import Image

from bot.services import photo_quality as pq
from tests.support.photo_samples import blurred, darkened, jpeg, product_photo, resized

SHARP = product_photo()


def verdict(image: Image.Image) -> pq.Verdict:
    return pq.judge(jpeg(image))


def portrait() -> Image.Image:
    with cbook.get_sample_data("grace_hopper.jpg") as f:
        return Image.open(io.BytesIO(f.read())).convert("RGB")


def test_sharp_photo_gets_no_hint() -> None:
    result = verdict(SHARP)
    assert result.problem is None and result.measures is not None
    assert result.measures.sharpness > 50 * pq.BLURRY_BELOW


@pytest.mark.parametrize("radius", [6, 8, 12])
def test_very_blurred_photo_is_blurry(radius: int) -> None:
    assert verdict(blurred(SHARP, radius)).problem == pq.Problem.BLURRY


@pytest.mark.parametrize("radius", [1, 2])
def test_slightly_soft_photo_gets_no_hint(radius: int) -> None:
    assert verdict(blurred(SHARP, radius)).problem is None


@pytest.mark.parametrize("light", [0.1, 0.2])
def test_very_dark_photo_is_dark(light: float) -> None:
    assert verdict(darkened(SHARP, light)).problem == pq.Problem.DARK


@pytest.mark.parametrize("light", [0.4, 0.6])
def test_dim_but_usable_photo_gets_no_hint(light: float) -> None:
    assert verdict(darkened(SHARP, light)).problem is None


def test_real_photograph_sharp_blurred_and_dark() -> None:
    photo = portrait()
    assert verdict(photo).problem is None
    assert verdict(blurred(photo, 4)).problem == pq.Problem.BLURRY
    assert verdict(darkened(photo, 0.2)).problem == pq.Problem.DARK


def test_small_photo_of_the_same_scene_measures_alike() -> None:
    """Measured on a 512-px copy: Telegram's 1280-px and a 640-px version agree."""
    big, small = verdict(SHARP).measures, verdict(resized(SHARP, 0.5)).measures
    assert big is not None and small is not None
    assert small.sharpness > 20 * pq.BLURRY_BELOW
    assert abs(big.brightness - small.brightness) < 2


def test_even_picture_gets_neither_verdict_nor_hash() -> None:
    for colour in ((0, 0, 0), (20, 10, 5), (200, 190, 175)):
        result = verdict(Image.new("RGB", (640, 480), colour))
        assert (result.problem, result.phash) == (None, None)


def test_transparent_png_is_judged_on_white() -> None:
    image = Image.new("RGBA", (640, 480), (0, 0, 0, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    assert pq.judge(out.getvalue()).problem is None


@pytest.mark.parametrize("data", [b"", b"not an image", jpeg(SHARP)[:200]])
def test_unreadable_file_gets_no_verdict(data: bytes) -> None:
    assert pq.judge(data) == pq.Verdict(None, None, None)


def test_resized_and_reencoded_copy_has_a_similar_hash() -> None:
    original = verdict(SHARP).phash
    assert original is not None and len(original) == pq.HASH_HEX
    copies = [
        pq.judge(jpeg(resized(SHARP, 0.5), quality=60)).phash,
        pq.judge(jpeg(resized(SHARP, 0.75), quality=40)).phash,
        verdict(darkened(SHARP, 1.3)).phash,
        verdict(SHARP.crop((13, 10, 1280, 960))).phash,
    ]
    for copy in copies:
        assert copy is not None and pq.similar(original, copy), pq.distance(original, copy)


def test_the_hash_has_imagehash_dhash_digits() -> None:
    """Hashes already stored were made by imagehash: a new photo must be comparable."""
    import imagehash

    samples = [SHARP, portrait(), blurred(SHARP, 2), darkened(SHARP, 0.4), resized(SHARP, 0.3)]
    samples += [product_photo(seed, (600 + 97 * seed, 900 - 53 * seed)) for seed in range(2, 9)]
    for image in samples:
        small = pq.grey(image)
        assert pq.phash(small, pq.measure(small)) == str(imagehash.dhash(small))


def test_different_photos_have_distant_hashes() -> None:
    hashes = [verdict(product_photo(seed)).phash for seed in range(1, 6)]
    hashes.append(verdict(portrait()).phash)
    for i, a in enumerate(hashes):
        for b in hashes[i + 1 :]:
            assert a is not None and b is not None
            assert pq.distance(a, b) > 2 * pq.SIMILAR_BITS


def test_hashes_within_the_limit_always_share_a_band() -> None:
    """The database pre-selects by an equal band: no similar pair may be missed."""
    assert pq.SIMILAR_BITS < pq.HASH_HEX * 4 // (pq.BAND_HEX * 4)
    base = 0x0123456789ABCDEF
    for start in range(0, 64 - pq.SIMILAR_BITS + 1, 3):
        flipped = base
        for step in range(pq.SIMILAR_BITS):
            flipped ^= 1 << ((start + step * 9) % 64)  # spread over as many bands as possible
        a, b = f"{base:016x}", f"{flipped:016x}"
        assert pq.similar(a, b)
        equal = sum(x == y for x, y in zip(pq.bands(a), pq.bands(b), strict=True))
        assert equal >= pq.EQUAL_BANDS >= 1
