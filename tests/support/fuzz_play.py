"""One fuzz round: plans drawn for every person are pushed interleaved, then everything is checked.

A plan is plain data drawn by hypothesis in the test's thread; `play` turns it into updates on the
bot's loop, waits until the bot is idle and returns every broken expectation as a sentence.
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field
from itertools import zip_longest
from typing import Any

from bot.i18n import Translator
from bot.services.validation import clean_text
from fake_telegram import BotMessage, FakeChat, FakeUser
from fake_telegram.models import keyboard_rows
from tests.support.fuzz_inputs import JSONDict, Updates
from tests.support.fuzz_world import BotThread
from tests.support.invariants import (
    ANSWER_FIELDS,
    Rows,
    invariant_problems,
    orphan_photos,
    queue_counter_drift,
    read_rows,
)

DEVANAGARI = re.compile(r"[\u0900-\u097f]+")
LEAK = re.compile(r"Traceback|Exception|Error\b|File \"|sqlalchemy|telegram\.error|NoneType")
SENDS = {"sendMessage", "sendPhoto", "sendDocument", "sendMediaGroup", "sendVoice"}
TEXTS = {*SENDS, "editMessageText", "editMessageCaption"}
MAX_UPDATES_PER_PERSON = 29  # the flood guard allows 30 updates per user in 10 s


@dataclass
class Plan:
    kind: str
    text: str = ""
    data: str = ""
    message_id: int | None = None
    n: int = 0
    junk: bool = False  # cannot be an answer: the person's saved rows must not change
    replies: bool = True  # a private message: the bot must answer it


@dataclass
class Person:
    user: FakeUser
    make: Updates
    reviewer: bool = False
    sent: int = 0
    echo: set[str] = field(default_factory=set)
    group: FakeChat | None = None
    seeded: list[int] = field(default_factory=list)  # artisans whose submissions wait for review


@dataclass
class View:
    """What a person sees and has stored before a round (read on the bot's loop)."""

    buttons: list[tuple[int, JSONDict, bool]]  # (message id, button, inline), newest first
    seen_data: list[str]
    step: str | None
    locale: str
    rows: tuple[Any, ...]


@dataclass
class Stats:
    updates: int = 0
    rounds: int = 0
    examples: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


def buttons_of(messages: list[BotMessage]) -> list[tuple[int, JSONDict, bool]]:
    found = []
    for message in reversed(messages[-12:]):
        for row in keyboard_rows(message.reply_markup):
            found.extend((message.message_id, b, message.is_inline_keyboard) for b in row)
    return found


def watched(people: list[Person]) -> list[int]:
    return [i for p in people for i in (p.user.id, *p.seeded)]


async def look(world: BotThread, people: list[Person], rows: Rows | None) -> dict[int, View]:
    """Each person's view before a round; `rows` as the last round left them, if it was read."""
    t = world.services.t
    if rows is None:
        async with world.sessions() as session:
            rows = await read_rows(session, watched(people))
    views = {}
    for person in people:
        user = person.user
        artisan = rows.artisans.get(user.id)
        sub = rows.subs.get(artisan.active_submission_id or 0) if artisan else None
        seen = [
            str(b["callback_data"])
            for m in user.messages[-40:]
            for row in keyboard_rows(m.reply_markup)
            for b in row
            if "callback_data" in b
        ]
        locale = expected_locale(t, person, artisan.locale if artisan else None)
        views[user.id] = View(
            buttons_of(user.messages), seen, sub.step if sub else None, locale, rows.of(user.id)
        )
    return views


def changed_by_others(person: Person, before: tuple[Any, ...], after: tuple[Any, ...]) -> bool:
    """Changes a junk update did not make: an approval in the same round opening the listing
    questions, or a staff member's first update storing their app's language."""
    if before[:-1] == after[:-1] and after[-1] is not None and after[-1][0] == "ls:ask":
        return True
    if not person.reviewer or before[0] is not None or after[0] is None:
        return False
    told = dict(zip(ANSWER_FIELDS, after[0], strict=True))
    others = [v for k, v in told.items() if k not in ("locale", "notices_opt_in") and v]
    return not others and after[1:] == ((), (), before[1])


def expected_locale(t: Translator, person: Person, stored: str | None) -> str:
    """An artisan's chosen language, else Hindi; staff who never chose read their app's."""
    if stored is None and person.reviewer:
        return t.shipped(person.user.language_code) or t.resolve_locale(None)
    return t.resolve_locale(stored)


def build(world: BotThread, person: Person, plan: Plan) -> list[JSONDict]:
    """The updates Telegram would send for this plan."""
    make, user, kind = person.make, person.user, plan.kind
    for text in (plan.text, plan.data):
        if text:
            person.echo.update({text, unicodedata.normalize("NFC", text), clean_text(text)})
    target = user.chat.find_message(plan.message_id) if plan.message_id else None
    if kind == "pause":
        return []
    if kind in ("text", "command", "long", "answer"):
        return [make.text(plan.text)]
    if kind == "forwarded":
        origin = {"type": "hidden_user", "sender_user_name": "Mohan", "date": int(time.time())}
        return [make.text(plan.text, forward_origin=origin)]
    if kind in ("callback", "old", "truncated"):
        return [make.callback(target, plan.data, old=kind == "old")]
    if kind == "double":
        return [make.callback(target, plan.data), make.callback(target, plan.data)]
    if kind == "photo":
        return [make.photo(plan.n, caption=plan.text or None)]
    if kind == "album":
        album = str(14_000_000_000_000_000 + world.fake.next_serial())
        photos = [make.photo(1280 if i % 3 else 200 + plan.n * 40, album) for i in range(plan.n)]
        return [*photos, make.text(plan.text or "ok")]
    if kind in ("sticker", "video", "voice", "video_note", "animation"):
        return [make.media(kind)]
    if kind == "document":
        return [make.document(plan.data, plan.text or "file")]
    if kind == "location":
        return [{"message": make.message(location={"latitude": 26.8, "longitude": 80.9})}]
    if kind == "dice":
        return [{"message": make.message(dice={"emoji": "🎲", "value": 3})}]
    if kind.startswith("contact"):
        contact: JSONDict = {"phone_number": plan.text or "+919876543210", "first_name": "S"}
        if kind != "contact_nouser":
            contact["user_id"] = user.id if kind == "contact_own" else user.id + 777_000
        return [{"message": make.message(contact=contact)}]
    if kind == "edited":
        return [make.edited(plan.message_id or 0, plan.text)]
    if kind in ("group", "channel"):
        if person.group is None:
            person.group = world.fake.group() if kind == "group" else world.fake.channel()
        return [make.text(plan.text, person.group.chat)]
    raise AssertionError(f"unknown plan {kind}")


async def play(
    world: BotThread,
    people: list[Person],
    plans: list[Plan],
    views: dict[int, View],
    stats: Stats,
) -> tuple[list[str], Rows]:
    """Push every person's updates interleaved, wait for quiet, return what went wrong."""
    fake, t = world.fake, world.services.t
    call_mark, log_mark = len(fake.calls), len(world.errors.records)
    marks = {p.user.id: len(p.user.chat.actions) for p in people}
    call_marks = {p.user.id: len(p.user.chat.calls) for p in people}
    query_marks = {p.user.id: len(p.make.queries) for p in people}
    batches = [build(world, p, plan) for p, plan in zip(people, plans, strict=True)]
    for p, batch in zip(people, batches, strict=True):
        p.sent += len(batch)
    for update in (u for row in zip_longest(*batches) for u in row if u is not None):
        fake.push_update(update)
    stats.updates += sum(map(len, batches))
    await world.idle()

    problems: list[str] = []
    async with world.sessions() as session:
        rows = await read_rows(session, watched(people))
        if stats.rounds % 25 == 0:
            problems += await orphan_photos(session)
            problems += await queue_counter_drift(session)
    apologies = [t(locale, "error-generic") for locale in ("hi", "en")]
    sources = "\x00".join(rows.texts().union(*(p.echo | {p.user.first_name} for p in people)))
    for p, plan in zip(people, plans, strict=True):
        who = f"user {p.user.id} ({plan.kind} {plan.text[:40]!r}{plan.data!r})"
        before, after = views[p.user.id].rows, rows.of(p.user.id)
        if plan.junk and after != before and not changed_by_others(p, before, after):
            problems.append(f"{who}: rows changed\n  {before}\n  {after}")
        artisan = rows.artisans.get(p.user.id)
        stored = artisan.locale if artisan else None
        locales = {views[p.user.id].locale, expected_locale(t, p, stored)}
        if p.reviewer and before[0] is None:
            locales.add(t.resolve_locale(None))  # sent unasked before they ever wrote: Hindi
        new = p.user.chat.actions[marks[p.user.id] :]
        if plan.replies and not any(c.method in SENDS for c in new):
            problems.append(f"{who}: no answer")
        for call in new:
            if call.method in TEXTS:
                own_words = call.method in ("sendMessage", "editMessageText")
                problems += text_problems(who, call.text, locales, sources, apologies, own_words)
        for call in p.user.chat.calls[call_marks[p.user.id] :]:  # the notices on button presses
            notice = call.params.get("text") if call.method == "answerCallbackQuery" else None
            if notice:
                problems += text_problems(who, notice, locales, sources, apologies, True)
        for query_id in p.make.queries[query_marks[p.user.id] :]:
            if not fake.callback_queries[query_id].answered:
                problems.append(f"{who}: button press {query_id} never answered")
        if p.group is not None and p.group.actions:
            problems.append(f"{who}: the bot spoke in a group: {p.group.actions}")
    problems += invariant_problems(rows)
    problems += [f"refused: {c.describe()}" for c in world.failed_calls(call_mark)]
    problems += [f"logged: {line}" for line in world.errors.describe(log_mark)]
    stats.rounds += 1
    return problems, rows


def text_problems(
    who: str, text: str, locales: set[str], sources: str, apologies: list[str], own_words: bool
) -> list[str]:
    """The reply is in the person's language (echoed content aside) and leaks no internals.

    Devanagari found in what the users sent or what is stored about them is an echo; any other
    Devanagari is the bot's own words. English replies have none; Hindi texts need some (photo
    captions may be a product name alone).
    """
    own = [run for run in DEVANAGARI.findall(text) if run not in sources]
    problems = []
    if locales == {"en"} and own:
        problems.append(f"{who}: Devanagari {own} in an English reply: {text[:200]!r}")
    if locales == {"hi"} and own_words and not own:
        problems.append(f"{who}: a Hindi user got no Hindi: {text[:200]!r}")
    bare = text
    if LEAK.search(text):  # echoed content may contain anything: look again without it
        for source in sorted(sources.split("\x00"), key=len, reverse=True):
            bare = bare.replace(source, "") if len(source) >= 2 else bare
    if LEAK.search(bare) or any(apology in text for apology in apologies):
        problems.append(f"{who}: internals or an error in a reply: {text[:300]!r}")
    return problems


_DYNAMIC = re.compile(
    r"^(?:reg:(?:fix|dp|c|amt):\d+|reg:c:\d+\.\d+|reg:c:x|lang:(?:hi|en)|rv:next|hp:re:\d{1,9}"
    r"|rv:(?:ok|chg|rej):\d{1,9}|rv:txt:\d{1,9}:[cx]|rv:r:\d{1,9}:[cx]:[a-z]{1,12})$"
)
_STATIC = {f"reg:{verb}" for verb in ("yes", "no", "go", "new", "status", "done", "submit")}
_STATIC |= {"reg:del:yes", "reg:del:no"}
_STATIC |= {"reg:pn", "reg:rp:ask", "reg:rp:yes", "hp:ask"}
_STATIC |= {f"reg:ed:{screen}" for screen in ("edits", "photo_edits", "extras", "summary")}


def meaningful(data: str, districts: Any) -> bool:
    """Could this callback data be a button the bot offers (to someone, at some step)?"""
    from bot.handlers.keyboards import EDIT_FIELDS, EXTRA_FIELDS
    from bot.services.registration import OPTIONAL_STEPS, ORDER

    verb, _, arg = data.removeprefix("reg:").partition(":")
    return (
        data in _STATIC
        or bool(_DYNAMIC.match(data))
        or (
            data.startswith("reg:")
            and verb in ("back", "skip")
            and arg in (*ORDER, *OPTIONAL_STEPS)
        )
        or (
            data.startswith("reg:")
            and verb == "e"
            and arg in (*EDIT_FIELDS, *EXTRA_FIELDS, "photos")
        )
        or (data.startswith("reg:dv:") and arg in districts.divisions)
        or (data.startswith("reg:d:") and districts.get(arg) is not None)
    )
