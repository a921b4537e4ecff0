"""The `reg:` buttons that act on the draft's current step: (draft, argument) -> outcome.

Each checks the press against the draft's state (the step it belongs to, an index in range):
callback data is never trusted. `bot.handlers.registration` renders the outcome.
"""

from __future__ import annotations

from bot.handlers import keyboards as kb
from bot.handlers.callback_data import number
from bot.services import flow


async def _back(d: flow.Draft, step: str) -> flow.Outcome:
    return flow.back(d, step)


async def _division_page(d: flow.Draft, arg: str) -> flow.Outcome:
    if d.sub.step != "district":
        return d.reprompt()
    return flow.Outcome().show("divisions", number(arg) or 0)


async def _division(d: flow.Draft, arg: str) -> flow.Outcome:
    if d.sub.step != "district" or arg not in d.districts.divisions:
        return d.reprompt()
    return flow.Outcome().show("division", arg)


async def _district(d: flow.Draft, arg: str) -> flow.Outcome:
    return flow.set_district(d, arg)


async def _craft(d: flow.Draft, arg: str) -> flow.Outcome:
    if arg == "x":
        return flow.Outcome().show("craft_other") if d.sub.step == "craft" else d.reprompt()
    made_for, dot, pick = arg.rpartition(".")  # "12.0": the district's tag, the craft
    district = d.districts.get(d.artisan.district)
    if district is None or (dot and number(made_for) != d.districts.number(district.key)):
        return d.reprompt()  # made for the district chosen before: its craft is not theirs
    products = district.products(d.locale)
    index = number(pick)
    if index is None or index >= len(products):
        return d.reprompt()
    if d.sub.step != "craft":  # pressed after a voice note answered it: taken, if it was
        return flow.craft_pressed_late(d, products[index])
    return flow.set_craft(d, products[index])


async def _keep(d: flow.Draft, step: str) -> flow.Outcome:
    return flow.keep(d, step)


async def _skip(d: flow.Draft, step: str) -> flow.Outcome:
    return flow.skip(d, step)


async def _photos_done(d: flow.Draft, _arg: str) -> flow.Outcome:
    return await flow.photos_done(d)


async def _edit(d: flow.Draft, field: str) -> flow.Outcome:
    return await flow.edit(d, field)


async def _submit(d: flow.Draft, _arg: str) -> flow.Outcome:
    return await flow.submit(d)


async def _submit_anyway(d: flow.Draft, _arg: str) -> flow.Outcome:
    """ "Send anyway": a sent-back product sent again with nothing changed."""
    return await flow.submit(d, anyway=True)


async def _edits(d: flow.Draft, screen: str) -> flow.Outcome:
    if screen == "summary":
        return d.reprompt()
    return flow.open_edits(d, screen)


async def _replace(d: flow.Draft, arg: str) -> flow.Outcome:
    return await flow.replace_photos(d, sure=arg == "yes")


async def _amount(d: flow.Draft, arg: str) -> flow.Outcome:
    code, _, value = arg.partition(":")
    steps = {code: step for step, code in kb.AMOUNT_CODES.items()}
    return flow.choose_amount(d, steps.get(code, ""), number(value))


async def _profile_name(d: flow.Draft, _arg: str) -> flow.Outcome:
    """Their Telegram profile's name, read from this very press (never from callback data)."""
    return flow.set_name(d, d.profile_name or "")


STEP_BUTTONS = {
    "back": _back,
    "dp": _division_page,
    "dv": _division,
    "d": _district,
    "c": _craft,
    "skip": _skip,
    "keep": _keep,
    "done": _photos_done,
    "e": _edit,
    "submit": _submit,
    "sa": _submit_anyway,
    "ed": _edits,
    "rp": _replace,
    "amt": _amount,
    "pn": _profile_name,
}
