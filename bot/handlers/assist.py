"""Where the registration flow meets field helpers: whose draft an update fills in, and what
changes when a helper fills it in for an artisan without Telegram.

Kept apart from `bot.handlers.field_helpers` (the helpers' commands) so the registration
modules can ask these questions without importing the feature that uses them.
"""

from __future__ import annotations

from functools import partial

from bot.handlers import keyboards as kb
from bot.handlers.base import Turn
from bot.services import field_helpers as svc
from bot.services import flow
from bot.services import validation as v
from bot.services.roles import staff_view
from bot.storage.models import Artisan, State, Submission

PHONE_PROMPT = "fh-ask-phone"
# The questions that say "you" of the artisan, asked of the helper who types for them.
BEHALF_PROMPTS = {"name": "fh-ask-name", "phone": PHONE_PROMPT, "district": "fh-ask-district",
                  "craft": "fh-ask-craft", "product_name": "fh-ask-product-name",
                  "capacity": "fh-ask-capacity"}  # fmt: skip
OWN_ONLY = {"yes", "no", "del", "pn"}  # `reg:` verbs never pressed for someone else


async def acting_for(turn: Turn) -> Artisan | None:
    """The artisan this update's answers and `reg:` buttons fill in: the user's own record,
    or, while a helper's assist session is open, the artisan they are registering."""
    dialogue = turn.dialogue
    if dialogue is None or dialogue.kind != svc.ASSIST:
        return turn.artisan
    artisan = await svc.assisted(turn.session, turn.user_id, dialogue)
    if artisan is None:  # no longer a helper, or the artisan linked their own Telegram
        await turn.session.delete(dialogue)
        turn.dialogue = None
        turn.note("fh-assist-over")
        return turn.artisan
    return artisan


def for_other(turn: Turn, artisan: Artisan | None) -> bool:
    """True when the artisan being asked is not the person writing (a helper's session)."""
    return artisan is not None and artisan.telegram_id != turn.user_id


async def refusal(turn: Turn, artisan: Artisan, verb: str) -> str | None:
    """Why a helper may not press this `reg:` button for the artisan, or None."""
    if verb in OWN_ONLY:
        return "button-stale"  # consent, deletion and the profile name are the artisan's own
    districts = (await turn.staff()).helper_districts
    if verb == "submit" and districts and artisan.district not in districts:
        return "fh-out-of-scope"  # a helper of some districts sends only those artisans
    return None


async def warn_twin(turn: Turn, artisan: Artisan, out: flow.Outcome) -> None:
    """The number a helper typed is already someone's of the same name: said under its echo,
    before the next question (the same artisan registered twice waited twice for review)."""
    found = await svc.twin(turn.session, artisan)
    if found is not None:
        out.ack("fh-twin", name=found.name or "")


def header(turn: Turn, artisan: Artisan) -> str:
    """The "helper: for <name>" line above each prompt a helper sees for someone else."""
    if not for_other(turn, artisan):
        return ""
    return turn.t("fh-header", name=artisan.name or turn.t("fh-new-artisan")) + "\n"


async def submitted(turn: Turn, artisan: Artisan, sub: Submission) -> None:
    """The helper sent the artisan's product: mark it assisted, give the reference, end."""
    svc.mark_submitted(sub)
    await svc.end_session(turn.session, turn.user_id)
    turn.dialogue = None
    turn.say("fh-submitted", name=artisan.name or "", ref=sub.reference)


async def notify_helper(turn: Turn, sub: Submission, artisan: Artisan, key: str) -> bool:
    """A decision on the product of an artisan without Telegram goes to the helper who
    registered them, with the artisan's name and the reference. False when nobody to tell:
    a helper whose role was removed is told nothing more of their artisans."""
    if artisan.telegram_id is not None or artisan.assisted_by is None:
        return False
    if not (await staff_view(turn.session, turn.services.settings, artisan.assisted_by)).is_helper:
        return False
    t = partial(turn.services.t, turn.services.t.resolve_locale(artisan.locale))
    text = t(
        key,
        name=artisan.name or t("value-missing"),
        ref=sub.reference,
        product=sub.product_name or t("value-missing"),
        reason=sub.decision_reason or t("value-missing"),
    )
    markup = None
    if sub.state == State.CHANGES_REQUESTED:  # the helper opens it again for the artisan
        markup = kb.inline([kb.button(t("btn-fix"), f"fh:fix:{sub.id}")])
    turn.send_text(text, markup, chat_id=artisan.assisted_by)
    return True


async def offer_link(turn: Turn, artisan: Artisan, shared: str) -> None:
    """After the artisan shared their own number as a contact (Telegram verified it is
    theirs): if a helper registered that number, ask "is this you?" (one tap); if several
    people of one family were registered on it, "which of them are you?"."""
    try:
        phone = v.parse_phone(shared)
    except v.Invalid:
        return
    if artisan.phone != phone:
        return
    targets = await svc.link_candidates(turn.session, artisan, phone)
    if not targets:
        return
    await svc.offer_link(turn.session, turn.user_id, targets)
    no = [kb.button(turn.t("fh-btn-link-no"), "fh:link:no")]
    if len(targets) == 1:
        markup = kb.inline([kb.button(turn.t("fh-btn-link-yes"), "fh:link:yes")], no)
        turn.say("fh-link-offer", markup, name=targets[0].name or "")
        return
    names = [t.name or turn.t("value-missing") for t in targets]
    made: dict[int, str] = {}
    if len({n.lower() for n in names}) < len(names):  # one name twice: told apart by products
        made = await svc.products_of(turn.session, [t.id for t in targets])
    labels = []
    for i, target in enumerate(targets):
        product = made.get(target.id)
        if product is None:
            labels.append(turn.t("fh-btn-link-me", name=kb.fit(names[i], 12)))
            continue
        labels.append(turn.t("fh-btn-link-made", product=kb.fit(product, 14)))  # one name
        names[i] = turn.t("fh-name-made", name=names[i], product=product)
    mine = [kb.button(label, f"fh:link:{i}") for i, label in enumerate(labels)]
    turn.say("fh-link-which", kb.inline(*kb.rows(mine, 1), no), names=", ".join(names))
