"""The listing question an approved product's artisan owes: its text and buttons, and asking
it (again). Typed answers reach `listing_details.on_typed` through a dialogue row of kind
`ls:ask` on the artisan, kept while a question waits.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.context import Services
from bot.handlers import keyboards as kb
from bot.handlers.base import Turn
from bot.services import listing_details as svc
from bot.services.crafts import Craft
from bot.services.dialogues import close_dialogue
from bot.storage.models import Artisan, Dialogue, Listing, Submission, utcnow

DIALOGUE = "ls:ask"
T = Callable[..., str]


def artisan_t(services: Services, artisan: Artisan) -> tuple[T, str]:
    locale = services.t.resolve_locale(artisan.locale)
    return partial(services.t, locale), locale


def craft_of(services: Services, sub: Submission) -> Craft | None:
    district = services.districts.get(sub.district)
    return services.crafts.get(sub.craft, district)


def question(
    t: T, locale: str, listing: Listing, sub: Submission, craft: Craft | None
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The waiting question's text and buttons, in the artisan's language."""
    step, sid, product = listing.step, sub.id, sub.product_name or ""
    b = kb.button
    if step in ("material", "colour"):
        options: tuple[str, ...] = ()
        if craft is not None:
            options = craft.materials(locale) if step == "material" else craft.colours(locale)
        verb = "m" if step == "material" else "c"
        buttons = [b(name, f"ls:{verb}:{sid}:{i}") for i, name in enumerate(options[:6])]
        key = f"ls-ask-{step}" if buttons else f"ls-ask-{step}-typed"  # a craft without options
        return t(key, product=product), kb.inline(*kb.rows(buttons))
    if step in ("stock", svc.RESTOCK):
        verb = "q" if step == "stock" else "k"
        buttons = [b(str(n), f"ls:{verb}:{sid}:{n}") for n in svc.STOCK_BUTTONS]
        extra = [b(t("ls-btn-pause"), f"ls:p:{sid}")] if step == svc.RESTOCK else []
        key = "ls-ask-stock" if step == "stock" else "ls-ask-restock"
        args = kb.measure(t, sub.price_unit)  # a count of what the price is of
        text = t(key, product=product, ref=sub.reference, **args)
        return text, kb.inline(*kb.rows(buttons, 3), extra)
    if step == "ship":
        buttons = [b(t("ls-days", days=n), f"ls:d:{sid}:{n}") for n in svc.SHIP_BUTTONS]
        return t("ls-ask-ship"), kb.inline(*kb.rows(buttons, 4))
    return t("ls-ask-size"), kb.inline([b(t("btn-skip"), f"ls:z:{sid}")])


async def keep_dialogue(session: AsyncSession, user_id: int) -> None:
    """Route the artisan's typed messages here (a staff member's own dialogue stays)."""
    if await session.get(Dialogue, user_id) is None:
        session.add(Dialogue(user_id=user_id, kind=DIALOGUE, payload={}))


async def _drop_dialogue(session: AsyncSession, user_id: int) -> None:
    await close_dialogue(session, user_id, DIALOGUE)


async def ask_open(turn: Turn, artisan: Artisan, intro: str | None = None) -> bool:
    """Send the artisan's waiting question, if any, under `intro` (a text key given the
    product); otherwise stop routing typed text here. True if a question was sent."""
    session, services = turn.session, turn.services
    chat = artisan.telegram_id
    found = await svc.open_listing(session, artisan.id)
    if chat is None:  # registered by a field helper, no Telegram yet: nobody to ask
        return False
    if found is None:
        await _drop_dialogue(session, chat)
        return False
    listing, sub = found
    await keep_dialogue(session, chat)
    listing.updated_at = utcnow()  # asked last: a typed answer is this question's (on_typed)
    t, locale = artisan_t(services, artisan)
    text, markup = question(t, locale, listing, sub, craft_of(services, sub))
    if intro is not None:
        text = f"{t(intro, product=sub.product_name or '')}\n\n{text}"
    turn.send_text(text, markup, chat_id=chat)
    return True
