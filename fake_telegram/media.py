"""Test media without third-party libraries: PNG images and file-id generation."""

from __future__ import annotations

import base64
import functools
import hashlib
import mimetypes
import struct
import zlib

# Telegram file_id prefixes differ by type; mimicking them keeps logs realistic.
_FILE_ID_PREFIX = {
    "photo": "AgACAgUAAxkBAA",
    "document": "BQACAgUAAxkBAA",
    "voice": "AwACAgUAAxkBAA",
    "video": "BAACAgUAAxkBAA",
    "audio": "CQACAgUAAxkBAA",
    "sticker": "CAACAgUAAxkBAA",
    "animation": "CgACAgUAAxkBAA",
    "video_note": "DQACAgUAAxkBAA",
}
_FOLDERS = {
    "photo": ("photos", ".jpg"),
    "document": ("documents", ""),
    "voice": ("voice", ".oga"),
    "video": ("videos", ".mp4"),
    "audio": ("music", ".mp3"),
    "sticker": ("stickers", ".webp"),
    "animation": ("animations", ".mp4"),
    "video_note": ("video_notes", ".mp4"),
}


def _chunk(tag: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(tag + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)


@functools.lru_cache(maxsize=64)
def make_png(width: int = 4, height: int = 3, seed: int = 0) -> bytes:
    """A valid RGB PNG of the given size; ``seed`` varies the colour (and so the bytes)."""
    width, height = max(1, width), max(1, height)
    digest = hashlib.sha256(str(seed).encode()).digest()
    row = b"\x00" + digest[:3] * width
    raw = row * height
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 1))
        + _chunk(b"IEND", b"")
    )


def image_size(content: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG or JPEG, or None if unknown."""
    if content.startswith(b"\x89PNG\r\n\x1a\n") and len(content) >= 24:
        width, height = struct.unpack(">II", content[16:24])
        return int(width), int(height)
    if content.startswith(b"\xff\xd8"):
        pos = 2
        while pos + 9 < len(content):
            if content[pos] != 0xFF:
                pos += 1
                continue
            marker = content[pos + 1]
            length = struct.unpack(">H", content[pos + 2 : pos + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", content[pos + 5 : pos + 9])
                return int(width), int(height)
            pos += 2 + length
    return None


def new_file_ids(kind: str, serial: int) -> tuple[str, str]:
    """A (file_id, file_unique_id) pair that looks like Telegram's."""
    token = base64.urlsafe_b64encode(hashlib.sha256(f"{kind}:{serial}".encode()).digest())
    body = token.decode().rstrip("=")
    prefix = _FILE_ID_PREFIX.get(kind, "BQACAgUAAxkBAA")
    return f"{prefix}{serial:05d}{body[:40]}", f"AQAD{serial:05d}{body[40:48]}"


def file_path_for(kind: str, serial: int, file_name: str | None, content: bytes) -> str:
    folder, ext = _FOLDERS.get(kind, ("documents", ""))
    if kind == "photo":
        ext = ".png" if content.startswith(b"\x89PNG") else ".jpg"
    elif file_name and "." in file_name and mimetypes.guess_type(file_name)[0] is not None:
        ext = "." + file_name.rsplit(".", 1)[1]
    return f"{folder}/file_{serial}{ext}"


def thumbnail_size(width: int, height: int, box: int) -> tuple[int, int]:
    """Scale (width, height) to fit in a ``box`` x ``box`` square, like Telegram's thumbs."""
    scale = min(1.0, box / max(width, height, 1))
    return max(1, round(width * scale)), max(1, round(height * scale))
