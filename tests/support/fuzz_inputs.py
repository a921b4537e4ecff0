"""What fuzzed users send: hypothesis strategies, and Bot API updates built from them.

Texts cover Devanagari with combining marks, right-to-left scripts, emoji sequences with zero-width
joiners, control characters, markup look-alikes and 4,096-character messages; plausible answers
(names, numbers, districts, prices) let users get deep into registration so the odd inputs land on
every step.
"""

from __future__ import annotations

import time
from typing import Any

from hypothesis import strategies as st

from fake_telegram import BotMessage, ChatState, FakeTelegram, FakeUser, make_png
from fake_telegram.models import CallbackQueryState

JSONDict = dict[str, Any]

_devanagari = st.characters(min_codepoint=0x0900, max_codepoint=0x097F)
_marks = st.sampled_from("\u093c\u094d\u0902\u0901\u0903\u0940\u200c\u200d\u0300\u20e3\ufe0f")
_rtl = st.characters(min_codepoint=0x0590, max_codepoint=0x06FF) | st.sampled_from(
    "\u202e\u202b\u200f\u061c\u2067"
)
_controls = st.characters(categories=["Cc", "Cf", "Zl", "Zp"])
_markup = st.sampled_from(["<b>", "</i>", "&amp;", "&", "<", ">", '"', "\n", "  ", "/", "{ $x }"])
_emoji = st.sampled_from(
    ["🙏", "👍🏽", "👨\u200d👩\u200d👧\u200d👦", "🏳️\u200d🌈", "🇮🇳", "❤️", "🤷\u200d♀️", "1️⃣", "🪔"]
)
_chunk = st.one_of(
    st.text(_devanagari | _marks, max_size=8),
    st.text(_rtl, max_size=6),
    st.text(st.characters(codec="utf-8"), max_size=8),
    st.text(_controls, max_size=3),
    _markup,
    _emoji,
)
TEXT = st.lists(_chunk, max_size=4).map("".join)
LONG_TEXT = TEXT.map(lambda s: ((s.strip() or "क") * 4096)[:4096])

# Plausible answers for each step, right and wrong, so fuzzed users get far into registration.
ANSWERS = {
    "name": ["सुनीता देवी", "Ram Kumar", "मो. इरफ़ान", "R2-D2", "अ", "ज़ाकिर हुसैन"],
    "phone": ["9876543210", "+91 98765 43210", "०९८७६५४३२१०", "12345", "+1 202 555 0100"],
    "district": ["Gorakhpur", "गोरखपुर", "Lucknow", "लखनऊ", "Banaras", "Gorakpur", "xyz"],
    "craft": ["टेराकोटा", "chikankari", "x", "मूंज"],
    "product_name": ["टेराकोटा हाथी", "Chikan kurta", "?", "<b>हाथी", "Tom & Jerry <3"],
    "description": [
        "हाथ से बना मिट्टी का हाथी, भट्टी में पका हुआ।",
        "short",
        "<i>Hand-made</i> & fired",
    ],
    "price": ["1200", "₹ 1,200", "Rs 1200/-", "१२००", "0", "-5", "10000000", "12.50", "1 2"],
    "capacity": ["50", "५०", "0", "1.5", "lots"],
    "gstin": ["09ABCDE1234F1Z5", "09abcde1234f1z5", "123"],
    "udyam": ["UDYAM-UP-00-0000000", "UDYAM"],
    "pehchan": ["UP/123456", "!"],
    "summary": ["ok", "जमा करें"],
}
ALL_ANSWERS = sorted({a for answers in ANSWERS.values() for a in answers})
ARGS = st.one_of(
    st.just(""),
    TEXT,
    st.sampled_from(["next", "ODOP-000001", "odop-1", "0", "-1", "99999999999999999999"]),
    st.integers(0, 10**12).map(str),
    st.sampled_from(["12345 Gorakhpur Lucknow", "@someone", "ODOP-", "1 2 3 4 5 6 7 8 9"]),
)
UNKNOWN_COMMANDS = ["foo", "START", "start_", "setup", "admin", "delete", "reg", "ᚠ"]
PREFIXES = ["reg:", "lang:", "rv:", "bc:", "st:", "cat:", "reg:e:", "reg:d:", "rv:ok:", "bc:go"]
VERBS = ["yes", "no", "go", "new", "del", "back", "dp", "dv", "d", "c", "skip", "done", "e"]
VERBS += ["submit", "fix", "status", "next", "ok", "chg", "rej", "r", "txt", "x", "all", "p"]
VERBS += ["pn", "ed", "rp", "amt", "keep"]  # the artisan-first flow's buttons
_ascii = st.characters(min_codepoint=32, max_codepoint=126)
CALLBACK_DATA = st.one_of(
    st.text(_ascii, min_size=1, max_size=64),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=16),
    st.tuples(st.sampled_from(PREFIXES), st.text(_ascii, max_size=12)).map("".join),
    st.tuples(
        st.sampled_from(["reg:", "rv:", "bc:", "lang:"]),
        st.sampled_from(VERBS),
        st.sampled_from(["", ":", ":0", ":1", ":-1", ":x", ":yes", ":99999999999", ":1:c:bad"]),
    ).map("".join),
)
MIME_TYPES = st.one_of(
    st.sampled_from(
        ["image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf", "text/plain"]
    ),
    st.sampled_from(["video/mp4", "application/x-msdownload", "image/svg+xml", ""]),
    st.from_regex(r"[a-z]{1,8}/[a-z0-9.+-]{1,12}", fullmatch=True),
)


class Updates:
    """Builds raw updates as Telegram would send them for one fake user."""

    def __init__(self, fake: FakeTelegram, user: FakeUser) -> None:
        self.fake = fake
        self.user = user
        self.queries: list[str] = []  # callback query ids this user sent
        self.sent_ids: list[int] = []  # ids of the user's own private messages, for edits

    def message(self, chat: ChatState | None = None, **fields: Any) -> JSONDict:
        chat = chat or self.user.chat
        message: JSONDict = {"message_id": chat.next_message_id(), "date": int(time.time())}
        if chat.type == "channel":
            message["sender_chat"] = chat.to_dict()
        else:
            message["from"] = self.user.to_dict()
        message["chat"] = chat.to_dict()
        message.update(fields)
        chat.incoming[message["message_id"]] = message
        if chat is self.user.chat:
            self.sent_ids.append(message["message_id"])
        return message

    def text(self, text: str, chat: ChatState | None = None, **extra: Any) -> JSONDict:
        fields: JSONDict = {"text": text, **extra}
        if text.startswith("/"):
            length = len(text.split(maxsplit=1)[0].encode("utf-16-le")) // 2
            fields["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        kind = "channel_post" if chat is not None and chat.type == "channel" else "message"
        return {kind: self.message(chat, **fields)}

    def file(self, kind: str, content: bytes, **extra: Any) -> JSONDict:
        stored = self.fake.add_file(content, kind=kind, **extra)
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": stored.size,
        }

    def photo(self, side: int, album: str | None = None, caption: str | None = None) -> JSONDict:
        seed = self.fake.next_serial()
        # The bot reads the declared sizes; tiny real contents keep the fake fast.
        content = make_png(4, 3, seed)
        sizes = [
            self.file("photo", content, width=w, height=h) | {"width": w, "height": h}
            for w, h in (
                (90, 68),
                (min(side, 320), min(side, 320) * 3 // 4),
                (side, side * 3 // 4),
            )
        ]
        fields: JSONDict = {"photo": sizes}
        if album:
            fields["media_group_id"] = album
        if caption is not None:
            fields["caption"] = caption
        return {"message": self.message(**fields)}

    def media(self, kind: str, **info: Any) -> JSONDict:
        samples = {
            "sticker": (b"RIFF\x00\x00\x00\x00WEBP", {"type": "regular", "width": 512,
                        "height": 512, "is_animated": False, "is_video": False, "emoji": "👍"}),
            "video": (b"\x00\x00\x00\x18ftypmp42", {"duration": 3, "width": 640, "height": 480}),
            "voice": (b"OggS" + bytes(20), {"duration": 4, "mime_type": "audio/ogg"}),
            "video_note": (b"\x00\x00\x00\x18ftypmp42", {"duration": 3, "length": 240}),
            "animation": (b"GIF89a", {"duration": 1, "width": 64, "height": 64}),
        }  # fmt: skip
        content, fields = samples[kind]
        return {"message": self.message(**{kind: self.file(kind, content) | fields | info})}

    def document(self, mime: str, name: str) -> JSONDict:
        stored = self.file("document", b"%PDF-1.4 fuzz", mime_type=mime or None, file_name=name)
        doc = stored | {"file_name": name} | ({"mime_type": mime} if mime else {})
        return {"message": self.message(document=doc)}

    def callback(self, target: BotMessage | None, data: str, *, old: bool = False) -> JSONDict:
        """A button press; `old` makes the message inaccessible, as after 48 hours."""
        chat = self.user.chat if target is None else self.fake.chats[target.chat_id]
        query_id = str(5_000_000_000_000_000_000 + self.fake.next_serial())
        self.fake.callback_queries[query_id] = CallbackQueryState(
            query_id, chat.id, self.user.id, data
        )
        self.queries.append(query_id)
        if target is None or old:
            message_id = target.message_id if target else 1
            message: JSONDict = {"chat": chat.to_dict(), "message_id": message_id, "date": 0}
        else:
            message = target.result
        query = {
            "id": query_id,
            "from": self.user.to_dict(),
            "message": message,
            "chat_instance": str(8_000_000_000_000_000_000 + abs(chat.id)),
            "data": data,
        }
        return {"callback_query": query}

    def edited(self, message_id: int, text: str) -> JSONDict:
        original = self.user.chat.incoming[message_id]
        edited = {**original, "text": text, "edit_date": int(time.time())}
        edited.pop("entities", None)
        if text.startswith("/"):  # Telegram marks commands in edited messages too
            length = len(text.split(maxsplit=1)[0].encode("utf-16-le")) // 2
            edited["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        for key in ("photo", "sticker", "document", "contact", "location", "voice", "video"):
            edited.pop(key, None)
        return {"edited_message": edited}
