"""🙋 Help: an artisan's question (typed or spoken) reaches their district's reviewers, and a
staff member's answer comes back in the bot. The thread lives in `help_messages`."""

from __future__ import annotations

from functools import partial

from telegram import Bot, Message, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import BotContext
from bot.handlers import artisan_menu, assist, registration, steps
from bot.handlers import keyboards as kb
from bot.handlers.base import Turn, handler
from bot.handlers.callback_data import number
from bot.services import field_helpers, input_words
from bot.services import help_desk as hp
from bot.services.dialogues import close_dialogue, open_dialogue
from bot.services.staff import known_name
from bot.services.validation import readable_phone
from bot.storage.models import Artisan, Dialogue, HelpMessage
from bot.storage.queries import stored_locale

# What the staff card calls the artisan's current step.
STEP_NAMES = {**kb.EDIT_FIELDS, "photos": "btn-edit-photos", "summary": "help-step-summary"}


@handler
async def on_button(turn: Turn) -> None:
    """`hp:ask` (an artisan asks), `hp:no` (never mind: back to where they were) and
    `hp:re:<artisan id>` (staff answer)."""
    query = turn.update.callback_query
    verb, _, arg = ((query.data or "") if query else "").removeprefix("hp:").partition(":")
    if verb == "ask" and not arg:
        turn.answer()
        await open_question(turn)
    elif verb == "no" and not arg:
        turn.answer()
        await close_dialogue(turn.session, turn.user_id, hp.ASK)
        await artisan_menu.show_where(turn)
    elif verb == "re":
        await _open_reply(turn, number(arg))
    else:
        turn.answer("button-stale", alert=True)


HELP_WORDS = 4  # longer, the message is an answer that mentions help ("...ki madad se bana")


def asks_for_help(turn: Turn) -> bool:
    """The message only asks for a person, typed instead of pressing the help button: a word
    of data/input_words.csv (kind help) in a few words ("madad chahiye", "meri madad karo")."""
    msg = turn.update.message
    text = (msg.text or "").replace("🙋", " ").strip(" .!?\u0964") if msg else ""  # the danda
    words = text.split()
    help_words = input_words.words("help")
    return 0 < len(words) <= HELP_WORDS and any(input_words.fold(w) in help_words for w in words)


async def open_question(turn: Turn) -> None:
    """The next message (typed or spoken) goes to the district's staff as a question."""
    if await steps.staff_outside(turn, turn.artisan):  # an official asking themselves
        turn.say("staff-hint")
        return
    if turn.dialogue is not None and turn.dialogue.kind == field_helpers.LINK:
        turn.say("fh-link-first")  # a question would replace the offer: it waits for a tap
        return
    if assist.for_other(turn, await assist.acting_for(turn)):  # a helper mid-registration
        turn.note("fh-help-in-session")  # a question would end their session for the artisan
        await artisan_menu.show_where(turn)
        return
    if turn.artisan is None:
        turn.artisan = Artisan(telegram_id=turn.user_id, locale=turn.locale)
        turn.session.add(turn.artisan)
    # Where the artisan is, to tell later whether they pressed on instead of asking.
    draft = turn.draft
    at = {"draft": draft.id if draft else None, "step": draft.step if draft else None}
    await open_dialogue(turn.session, turn.user_id, hp.ASK, at)
    # A way back: "madad" typed by mistake would make the next answer (a phone number) a question.
    turn.say("help-ask", kb.inline([kb.button(turn.t("btn-help-never-mind"), "hp:no")]))
    phone = turn.services.offices.get(turn.artisan.district or "")
    if phone:
        turn.say("help-office-phone", phone=phone)


async def _open_reply(turn: Turn, artisan_id: int | None) -> None:
    view = await turn.staff()
    artisan = await turn.session.get(Artisan, artisan_id) if artisan_id is not None else None
    if artisan is None or not hp.may_answer(view, artisan):
        turn.answer("help-reply-not-allowed", alert=True)
        return
    turn.answer()
    payload = {"artisan": artisan.id}
    await open_dialogue(turn.session, turn.user_id, hp.REPLY, payload)
    thread = await hp.thread(turn.session, artisan.id)
    last = thread[-1] if thread else None
    if last is not None and last.staff_id is not None:  # another official answered already
        who = await known_name(turn.session, last.staff_id) or str(last.staff_id)
        turn.say("help-answered-already", who=who, text=last.text or turn.t("value-voice"))
    turn.say("help-reply-ask", name=artisan.name or turn.t("value-missing"))


async def on_question(turn: Turn, dialogue: Dialogue) -> None:
    """The artisan's question: saved, sent to the staff, and the artisan goes on. Unless they
    pressed on meanwhile ("madad" typed, then "yes, start"): then it is the answer to the
    question at hand (their name went to the office, and the name was asked again)."""
    msg, artisan = turn.update.message, turn.artisan
    if msg is None or artisan is None:
        return
    draft, at = turn.draft, dialogue.payload or {}
    if (
        draft is not None
        and "draft" in at
        and (at["draft"], at.get("step")) != (draft.id, draft.step)
    ):
        if msg.text or msg.voice or msg.audio:  # an answer: no question awaited any more
            await turn.session.delete(dialogue)
            turn.dialogue = None
        await registration.on_input(turn)
        return
    voice = msg.voice or msg.audio
    text = msg.text if msg.text and not msg.text.startswith("/") else None
    if voice is None and (not text or asks_for_help(turn)):  # "madad chahiye" again: no
        turn.say("help-ask-again")  # question yet, it went to the office as one
        return
    draft = turn.draft if artisan.active_submission_id else None
    step = draft.step if draft is not None else None
    hp.ask(turn.session, artisan, step, text, voice.file_id if voice else None)
    await turn.session.delete(dialogue)
    await _to_staff(turn, artisan)
    turn.note("help-sent")
    await artisan_menu.show_where(turn)


async def _to_staff(turn: Turn, artisan: Artisan) -> None:
    """A card for each reviewer of the district (or admin), in their own language."""
    session, services = turn.session, turn.services
    await session.flush()
    messages = await hp.thread(session, artisan.id)
    refs = ", ".join(await hp.references(session, artisan.id))
    recipients = await hp.helpers_for(session, services.settings, artisan.district)
    district = services.districts.get(artisan.district)
    for staff_id in recipients:
        locale = await _locale_of(turn, staff_id)

        def t(key: str, loc: str = locale, **args: object) -> str:
            return services.t(loc, key, **args)

        step = messages[-1].step if messages else None
        card = t(
            "help-card",
            name=artisan.name or t("value-missing"),
            phone=readable_phone(artisan.phone) if artisan.phone else t("value-missing"),
            district=district.name(locale) if district else t("value-missing"),
            step=t(STEP_NAMES[step]) if step in STEP_NAMES else t("help-step-none"),
            refs=refs or t("value-missing"),
        )
        lines = [_line(t, m) for m in messages]
        markup = kb.inline([kb.button(t("btn-help-reply"), f"hp:re:{artisan.id}")])
        voice = messages[-1].voice_file_id if messages else None
        if voice:
            turn.later(partial(_send_voice, staff_id, voice), staff_id)
        turn.send_text(card + "\n\n" + "\n".join(lines), markup, chat_id=staff_id)


async def _send_voice(chat_id: int, file_id: str, bot: Bot) -> Message:
    return await bot.send_voice(chat_id, file_id)


def _line(t: kb.T, message: HelpMessage) -> str:
    said = message.text or t("value-voice")
    return t("help-line-staff" if message.staff_id else "help-line-artisan", text=said)


async def _locale_of(turn: Turn, user_id: int) -> str:
    if user_id == turn.user_id:
        return turn.locale
    return turn.services.t.resolve_locale(await stored_locale(turn.session, user_id))


async def on_reply(turn: Turn, dialogue: Dialogue) -> None:
    """A staff member's answer: back to the artisan in the bot, in the artisan's language."""
    msg = turn.update.message
    if msg is None:
        return
    if not msg.text or msg.text.startswith("/"):
        turn.say("help-reply-ask-again")
        return
    view = await turn.staff()
    artisan = await turn.session.get(Artisan, int(dialogue.payload.get("artisan", 0)))
    await close_dialogue(turn.session, turn.user_id)
    if artisan is None or not hp.may_answer(view, artisan):
        turn.say("help-reply-not-allowed")
        return
    hp.answer(turn.session, artisan, turn.user_id, msg.text)
    services = turn.services
    locale = services.t.resolve_locale(artisan.locale)
    text = services.t(locale, "help-answer", text=msg.text)
    # "▶️ Go on": back to the question they were at ("ok" typed to the answer met the price
    # question's "write one number", with no word of which question it was).
    go_on = kb.button(services.t(locale, "btn-continue"), "reg:go")
    markup = kb.inline([go_on], [kb.button(services.t(locale, "btn-help"), "hp:ask")])
    turn.send_text(text, markup, chat_id=artisan.telegram_id)
    turn.say("help-reply-sent")


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CallbackQueryHandler(on_button, pattern=r"^hp:"),
]
DIALOGUES = {hp.ASK: on_question, hp.REPLY: on_reply}
