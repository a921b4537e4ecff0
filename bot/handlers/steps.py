"""How each registration step looks: its prompt and keyboard. Nothing here writes state."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup

from bot.handlers import assist
from bot.handlers import keyboards as kb
from bot.handlers.base import Markup, Turn
from bot.handlers.summary import show_summary
from bot.services import flow
from bot.services import registration as reg
from bot.services import review_queries as views
from bot.services import validation as v
from bot.services.districts import District
from bot.storage.models import Artisan, Submission

PROMPT_KEYS = {
    "name": "ask-name",
    "phone": "ask-phone",
    "district": "ask-district",
    "craft": "ask-craft",
    "product_name": "ask-product-name",
    "description": "ask-description",
    "price": "ask-price",
    "capacity": "ask-capacity",
    "photos": "ask-photos",
    "gstin": "ask-gstin",
    "udyam": "ask-udyam",
    "pehchan": "ask-pehchan",
}

SHOWN = 120  # characters of an earlier answer shown above its question again
# A field helper's own districts as buttons at the district step, when at most this many.
HELPER_BUTTONS = 4

# Prompts with room for the help button (the lists of districts and crafts are long enough).
HELP_UNDER = (
    "name", "district", "craft", "product_name", "description", "price", "capacity", "photos",
)  # fmt: skip


async def staff_outside(turn: Turn, artisan: Artisan | None) -> bool:
    """A district official or an admin who is not registering a product: their /start and stray
    messages get their own commands, not an artisan's sign-up (a reviewer's "theek hai" was
    taken as an artisan's consent, a reason typed too late got the artisan welcome)."""
    if artisan is not None and artisan.registered:
        return False
    return (await turn.staff()).is_staff


def consent_prompt(turn: Turn) -> None:
    """What we collect and why, with Agree / Decline and the language choice."""
    names = turn.services.t.native_names()
    turn.say("welcome-consent", kb.consent(turn.t, turn.locale, names))


def header(t: kb.T, sub: Submission, step: str) -> str:
    """ "Step 3/9": the prompts this draft shows, counted in order; the summary has none, nor
    has an answer changed from it ("step 7/9" would read as starting over)."""
    number = None if sub.editing else reg.step_number(sub, step)
    return t("step-label", n=number[0], total=number[1]) + "\n" if number else ""


def profile_name(turn: Turn) -> str | None:
    """The name on the artisan's Telegram profile, if it reads as a name."""
    user = turn.update.effective_user
    try:
        return v.parse_name(user.full_name) if user is not None else None
    except v.Invalid:
        return None


async def _district_buttons(turn: Turn, artisan: Artisan) -> list[District]:
    """The district already known (from a poster's link), else a field helper's own districts
    when they are few (a helper of more types or picks, as artisans do)."""
    districts = turn.services.districts
    known = districts.get(artisan.district)
    if known is not None:
        return [known]
    if not assist.for_other(turn, artisan):
        return []
    own = sorted((await turn.staff()).helper_districts)
    return [d for key in own if (d := districts.get(key))] if len(own) <= HELPER_BUTTONS else []


async def ask(turn: Turn, artisan: Artisan, sub: Submission, photo: bool = True) -> None:
    """Show the prompt for the submission's current step (the summary with its photo, unless
    `photo` is False)."""
    step = sub.step or "summary"
    if step == "summary":
        await show_summary(turn, artisan, sub, photo)
        return
    markup: Markup = kb.inline(kb.back(turn.t, step)) if reg.previous_step(step) else None
    args: dict[str, Any] = {}
    behalf = assist.for_other(turn, artisan)  # a field helper fills it in for the artisan
    key = assist.BEHALF_PROMPTS.get(step, PROMPT_KEYS[step]) if behalf else PROMPT_KEYS[step]
    if step == "name":
        markup = kb.name(turn.t, None if behalf else profile_name(turn), sub.editing)
    elif step == "phone" and not behalf:  # a helper types it: shared only from the artisan's phone
        markup = kb.phone(turn.t)
    elif step == "district":
        markup = kb.district(turn.t, turn.locale, await _district_buttons(turn, artisan))
    elif step == "craft":
        district = turn.services.districts.get(artisan.district)
        products = district.products(turn.locale) if district else ()
        # Short spoken names on the buttons (label_hi of data/crafts.csv), not the official ones.
        labels = [turn.services.crafts.label(p, turn.locale, district) for p in products]
        markup = kb.crafts(turn.t, labels, turn.services.districts.number(artisan.district))
        args["odop"] = labels[0] if labels else turn.t("value-missing")
    elif step in reg.SKIPPABLE:
        markup = kb.skip(turn.t, step)
        args.update(kb.measure(turn.t, sub.price_unit))
    elif step == "price":  # "the price of one kilo" for jaggery, of one piece for a pot
        args.update(kb.measure(turn.t, sold_by(turn, artisan, sub)))
    elif step == "photos":
        count = await reg.photo_count(turn.session, sub.id)
        markup = kb.photos(turn.t, count)
        args.update(count=count, max=reg.MAX_PHOTOS)
    now = _given_before(turn, sub, step)
    if now and (markup is None or isinstance(markup, InlineKeyboardMarkup)):
        markup = kb.keep(turn.t, step, markup)
    if step in HELP_UNDER and (markup is None or isinstance(markup, InlineKeyboardMarkup)):
        markup = kb.with_help(turn.t, markup)
    top = assist.header(turn, artisan) + header(turn.t, sub, step)
    top += turn.t("keep-now", value=now) + "\n" if now else ""
    turn.send_text(top + turn.t(key, **args), markup)


def _given_before(turn: Turn, sub: Submission, step: str) -> str:
    """The answer a question already has, as shown above it when the artisan came back to it
    (not when changing it from the summary, which shows them all)."""
    if step not in flow.KEEPABLE or sub.editing:
        return ""
    value = getattr(sub, step)
    if value is None:  # a spoken answer is kept as the voice note
        return turn.t("value-voice") if reg.spoken(sub, step) else ""
    if step == "price":
        return turn.t("price-amount", value=value, **kb.measure(turn.t, sub.price_unit))
    text = str(value)  # escaped by the translator, as every argument
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


async def ask_fix(turn: Turn, artisan: Artisan, sub: Submission) -> None:
    """A sent-back product just opened (flow.open_for_fix): the question its reason names, with
    the reason above it, or the summary (which shows the reason on top)."""
    if sub.step != "summary":
        turn.say("fix-reason", reason=sub.decision_reason or "")
    elif flow.fix_field(await views.sent_back_for(turn.session, sub.id)) == "photos":
        # Blurry photos: new ones sent at the summary were added beside them (and the summary
        # said "changed"). Replace or add, asked at once.
        turn.note("fix-reason", reason=sub.decision_reason or "")
        turn.say("edit-photos", kb.photo_edits(turn.t))
        return
    await ask(turn, artisan, sub)


def sold_by(turn: Turn, artisan: Artisan, sub: Submission) -> str | None:
    """How the draft's kind of work is priced, if not by the piece (data/crafts.csv sold_by)."""
    district = turn.services.districts.get(sub.district or artisan.district)
    craft = turn.services.crafts.get(sub.craft, district) if sub.craft else None
    return craft.sold_by if craft else None


def photo_count_text(t: kb.T, sub: Submission, count: int) -> str:
    """How many photos are kept, and what to do next ("✅ Done" is there from the first)."""
    key = "photos-full" if count >= reg.MAX_PHOTOS else "photos-received"  # none "more" at 5
    key = "ask-photos" if not count else key  # a refused photo, none kept: no "0 received ✅"
    return header(t, sub, "photos") + t(key, count=count, max=reg.MAX_PHOTOS)
