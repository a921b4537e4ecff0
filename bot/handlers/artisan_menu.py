"""The artisan's menu and where they are: the menu's buttons (continue, new product, status,
"fix it" under a sent-back notice), the screen shown again after a switch of language or help,
and the one reminder for a draft left idle.
"""

from __future__ import annotations

from datetime import timedelta

from bot.context import BotContext
from bot.handlers import account, assist, listing_questions, steps, summary
from bot.handlers import keyboards as kb
from bot.handlers.base import Turn
from bot.handlers.callback_data import number
from bot.jobs import RepeatingJob
from bot.outbox import unit_of_work
from bot.services import flow
from bot.services import registration as reg
from bot.services import validation as v
from bot.storage.models import Artisan, utcnow


async def show_menu(turn: Turn, artisan: Artisan, key: str = "welcome-back") -> None:
    """The menu, then the question an approved product still waits on (after help, /cancel
    or a restart its typed answers would have reached the menu, and the questions stalled)."""
    await _menu(turn, artisan, key)
    await listing_questions.ask_open(turn, artisan, "ls-resume")


async def _menu(turn: Turn, artisan: Artisan, key: str) -> None:
    draft = await reg.unfinished(turn.session, artisan)
    name = v.bare_name(artisan.name or "")  # older rows may end in "ji": the greeting adds its own
    if key == "welcome-back" and not name:  # a name told by voice, not yet typed in
        key = "welcome-back-unnamed"
    turn.say(key, kb.menu(turn.t, draft is not None), name=name)


async def show_where(turn: Turn) -> None:
    """Show again the screen the artisan is at (after a switch of language or help): the
    registration's question, else a listing question owed, else the menu; or the screen of
    the artisan a field helper is registering."""
    artisan = await assist.acting_for(turn)
    if artisan is None or not artisan.registered:
        steps.consent_prompt(turn)
        return
    sub = await flow.active(turn.session, artisan)
    if sub is not None and sub.step is not None:
        await steps.ask(turn, artisan, sub)
    elif not await listing_questions.ask_open(turn, artisan, "ls-resume"):
        await _menu(turn, artisan, "menu-hint")


async def _continue(turn: Turn, artisan: Artisan, _arg: str) -> None:
    sub = await flow.resume(turn.session, artisan)
    if sub is None:
        await show_menu(turn, artisan, "menu-hint")
        return
    await steps.ask(turn, artisan, sub)


async def _new_product(turn: Turn, artisan: Artisan, _arg: str) -> None:
    await start_product(turn, artisan, "new-product")


async def start_product(turn: Turn, artisan: Artisan, note: str) -> None:
    """A new draft, at its first question, with `note` above it (or the drafts limit)."""
    sub = await flow.start_new(turn.session, artisan)
    if sub is None:
        turn.say("drafts-limit", kb.menu(turn.t, True), max=reg.MAX_OPEN_DRAFTS)
        return
    if sub.step == "product_name" and sub.craft:  # the work of the last product, said
        turn.note("new-product-craft", craft=summary.craft_label(turn, sub.craft))
    else:
        turn.note(note)
    await steps.ask(turn, artisan, sub)


async def _status(turn: Turn, artisan: Artisan, _arg: str) -> None:
    await account.status_of(turn, artisan)


async def _fix(turn: Turn, artisan: Artisan, arg: str) -> None:
    """ "✏️ Fix it" under a sent-back notice: straight to the answer the reason names (with the
    reason above the question), else the summary with the reason on top."""
    submission_id = number(arg)
    sub = None
    if submission_id is not None:
        sub = await flow.open_for_fix(turn.session, artisan, submission_id)
    if sub is None:
        turn.say("button-stale")
        return
    await steps.ask_fix(turn, artisan, sub)


# The menu's buttons: reg:go, reg:new, reg:status, reg:fix:<id>.
MENU_ACTIONS = {"go": _continue, "new": _new_product, "status": _status, "fix": _fix}


async def remind_idle_drafts(context: BotContext) -> None:
    """One gentle reminder for a draft untouched for REMINDER_AFTER_HOURS; never a second."""
    services = context.services
    cutoff = utcnow() - timedelta(hours=services.settings.reminder_after_hours)
    async with unit_of_work(context.bot, services) as work:
        for sub, artisan in await reg.idle_drafts(work.session, cutoff):
            sub.reminded_at = utcnow()
            if artisan.telegram_id is None:  # a field helper's artisan (never reachable)
                continue
            locale = services.t.resolve_locale(artisan.locale)

            def t(key: str, loc: str = locale, **args: object) -> str:
                return services.t(loc, key, **args)

            work.outbox.text(artisan.telegram_id, t("reminder"), kb.menu(t, True))


JOBS = [RepeatingJob(remind_idle_drafts, timedelta(minutes=10), first=timedelta(seconds=30))]
