"""Media messages a FakeUser can send: photos, albums, documents, voice, video, stickers."""

from __future__ import annotations

from typing import Any

from .media import make_png
from .models import Call, JSONDict
from .user_base import UserBase

DEFAULT_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class MediaUser(UserBase):
    """Send-style helpers for media; each waits like :meth:`FakeUser.send`."""

    async def send_photo(
        self,
        *,
        width: int = 1280,
        height: int = 960,
        caption: str | None = None,
        media_group_id: str | None = None,
        content: bytes | None = None,
        **wait: Any,
    ) -> list[Call]:
        """Send a photo (three PhotoSizes; the files are downloadable via getFile)."""
        return await self._send(
            self._photo_fields(width, height, caption, media_group_id, content), **wait
        )

    async def send_album(
        self,
        n: int = 3,
        *,
        width: int = 1280,
        height: int = 960,
        caption: str | None = None,
        contents: list[bytes] | None = None,
        expect: int = 1,
        timeout: float = 10.0,
        settle: float | None = None,
    ) -> list[Call]:
        """Send ``n`` photos sharing one media_group_id back to back, then wait once;
        ``contents`` are the full-size files (plain generated PNGs without)."""
        group_id = str(14_000_000_000_000_000 + self.core.next_serial())
        updates = [
            {
                "message": self._message(
                    **self._photo_fields(
                        width,
                        height,
                        caption if i == 0 else None,
                        group_id,
                        contents[i % len(contents)] if contents else None,
                    )
                )
            }
            for i in range(n)
        ]
        return await self._deliver(updates, expect=expect, timeout=timeout, settle=settle)

    async def send_document(
        self,
        *,
        mime_type: str = "application/pdf",
        file_name: str = "doc.pdf",
        content: bytes = DEFAULT_PDF,
        caption: str | None = None,
        file_size: int | None = None,
        thumb: tuple[int, int] | None = None,
        **wait: Any,
    ) -> list[Call]:
        """Send a file; ``file_size`` can fake a huge size (e.g. > 20 MB for getFile)."""
        stored = self.core.add_file(
            content, kind="document", mime_type=mime_type, file_name=file_name, size=file_size
        )
        document = self._file_dict(stored) | {"file_name": file_name, "mime_type": mime_type}
        if thumb is not None:
            small = self.core.add_file(make_png(*thumb), kind="photo")
            document["thumbnail"] = self._file_dict(small) | {
                "width": thumb[0],
                "height": thumb[1],
            }
        fields: JSONDict = {"document": document}
        if caption is not None:
            fields["caption"] = caption
        return await self._send(fields, **wait)

    async def send_voice(
        self, *, duration: int = 5, content: bytes | None = None, **wait: Any
    ) -> list[Call]:
        data = content if content is not None else b"OggS" + bytes(60)
        stored = self.core.add_file(data, kind="voice", mime_type="audio/ogg", duration=duration)
        voice = self._file_dict(stored) | {"duration": duration, "mime_type": "audio/ogg"}
        return await self._send({"voice": voice}, **wait)

    async def send_video(
        self,
        *,
        duration: int = 10,
        width: int = 1280,
        height: int = 720,
        caption: str | None = None,
        content: bytes | None = None,
        **wait: Any,
    ) -> list[Call]:
        data = content if content is not None else b"\x00\x00\x00\x18ftypmp42" + bytes(40)
        stored = self.core.add_file(
            data,
            kind="video",
            mime_type="video/mp4",
            width=width,
            height=height,
            duration=duration,
        )
        video = self._file_dict(stored) | {
            "duration": duration,
            "width": width,
            "height": height,
            "mime_type": "video/mp4",
        }
        fields: JSONDict = {"video": video}
        if caption is not None:
            fields["caption"] = caption
        return await self._send(fields, **wait)

    async def send_sticker(self, *, emoji: str = "👍", **wait: Any) -> list[Call]:
        stored = self.core.add_file(b"RIFF\x00\x00\x00\x00WEBP", kind="sticker")
        sticker = self._file_dict(stored) | {
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return await self._send({"sticker": sticker}, **wait)
