"""Moving between steps, and asking the current one again."""

from __future__ import annotations

from bot.services import registration as reg
from bot.services import validation as v
from bot.services.flow.terms import Draft, Outcome, Say

# The line said above a question asked again when the answer was of the wrong kind (a voice
# note for a price) or no answer at all ("samajh nahin aaya").
HINTS = {
    "name": "hint-name",
    "phone": "hint-phone",
    "district": "hint-district",
    "craft": "hint-craft",
    "product_name": "hint-product-name",
    "description": "hint-description",
    "price": "hint-price",
    "capacity": "hint-capacity",
}


def goto(d: Draft, step: str, out: Outcome | None = None) -> Outcome:
    """Straight to `step` (an answer chosen on the summary, or one to give again)."""
    d.sub.step = step
    reg.touch(d.sub)
    return d.reprompt(out)


# Answers that going back past would otherwise make the artisan type again.
KEEPABLE = ("product_name", "description", "price")


def advance(d: Draft, done_step: str, out: Outcome | None = None) -> Outcome:
    """Save progress: the next step (or back to the summary when editing from it)."""
    sub = d.sub
    sub.step = reg.next_step(d.artisan, sub, done_step)
    sub.editing = False if sub.step == "summary" else sub.editing
    reg.touch(sub)
    return d.reprompt(out)


def keep(d: Draft, step: str) -> Outcome:
    """The keep button ("yahi rehne dein"): the answer given before stays (the artisan went
    back past it)."""
    given = step in KEEPABLE and (getattr(d.sub, step) is not None or reg.spoken(d.sub, step))
    if step != d.sub.step or not given:
        return d.reprompt()
    return advance(d, step)


def back(d: Draft, step: str) -> Outcome:
    """Back one step (from an optional detail: back to the summary); nothing is erased."""
    if step != d.sub.step:
        return d.reprompt()
    previous = "summary" if d.sub.editing else reg.previous_step(step)
    if step == "craft" and d.sub.editing and not reg.craft_given(d.sub):
        previous = "district"  # the district just changed took the craft: back to the change
    if previous is None:
        return d.reprompt()
    out = Outcome()
    if step == "phone":
        out.says.append(Say("going-back", drop_keyboard=True))
    d.sub.editing = d.sub.editing and previous != "summary"
    d.sub.step = previous
    reg.touch(d.sub)
    return d.reprompt(out)


def with_error(d: Draft, exc: v.Invalid) -> Outcome:
    """What was wrong with the answer, and the same question again, in one message (two for
    each wrong answer flooded the chat, and Telegram allows a chat one message a second)."""
    return d.reprompt(Outcome().ack(exc.key, **exc.args_))


def with_hint(d: Draft, key: str) -> Outcome:
    """A hint (`key`) for an answer of the wrong kind, and the same question again."""
    return d.reprompt(Outcome().ack(key))
