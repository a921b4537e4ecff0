"""Keyboards for the artisan's journey. Callback data: `reg:<verb>[:<arg>]`, short ASCII."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.services.amount_words import PIECE
from bot.services.districts import District, DistrictIndex

T = Callable[..., str]


def button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data)


def fit(name: str, room: int = 16) -> str:
    """A name that fits a button on a small phone (the button says whose record it is): its
    first words that fit ("Ramu…"), not a word cut in two."""
    if len(name) <= room:
        return name
    words = name.split()
    kept = words[0]
    for word in words[1:]:
        if len(kept) + 1 + len(word) > room - 1:
            break
        kept += " " + word
    return (kept if len(kept) < room else kept[: room - 1]) + "…"


def rows(
    buttons: Sequence[InlineKeyboardButton], width: int = 2
) -> list[list[InlineKeyboardButton]]:
    return [list(buttons[i : i + width]) for i in range(0, len(buttons), width)]


def inline(*button_rows: list[InlineKeyboardButton]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([r for r in button_rows if r])


def consent(t: T, locale: str, names: dict[str, str]) -> InlineKeyboardMarkup:
    other = "en" if locale == "hi" else "hi"
    return inline(
        [button(t("btn-consent-yes"), "reg:yes"), button(t("btn-consent-no"), "reg:no")],
        [button(names[other], f"lang:{other}")],
    )


def languages(names: dict[str, str]) -> InlineKeyboardMarkup:
    return inline(*rows([button(name, f"lang:{code}") for code, name in names.items()]))


def back(t: T, step: str) -> list[InlineKeyboardButton]:
    return [button(t("btn-back"), f"reg:back:{step}")]


def phone(t: T) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        [
            [KeyboardButton(t("btn-share-phone"), request_contact=True)],
            [KeyboardButton(t("btn-back"))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def name(t: T, profile_name: str | None, editing: bool = False) -> InlineKeyboardMarkup:
    """The name on their Telegram profile as a one-tap answer (read again on the press); back
    to the summary when the name is being changed from it."""
    mine = [button(t("btn-profile-name", name=profile_name), "reg:pn")] if profile_name else []
    return inline(mine, back(t, "name") if editing else [])


def district(t: T, locale: str, presets: Sequence[District]) -> InlineKeyboardMarkup:
    """Typing the name (or PIN) comes first; a district from a poster (a field helper's
    own districts) is one tap; the divisions are the way for those who would rather pick."""
    first = [button(f"✅ {d.name(locale)}", f"reg:d:{d.key}") for d in presets]
    return inline(*rows(first), [button(t("btn-pick-from-list"), "reg:dp:0")], back(t, "district"))


def divisions(t: T, locale: str, index: DistrictIndex) -> InlineKeyboardMarkup:
    """All 18 divisions on one page, in the order of their names in the artisan's language."""
    names = sorted(index.divisions, key=lambda d: index.division_name(d, locale))
    buttons = [button(index.division_name(d, locale), f"reg:dv:{d}") for d in names]
    return inline(*rows(buttons, 3), back(t, "district"))


def districts_of(t: T, locale: str, index: DistrictIndex, division: str) -> InlineKeyboardMarkup:
    buttons = [button(d.name(locale), f"reg:d:{d.key}") for d in index.in_division(division)]
    return inline(*rows(buttons), [button(t("btn-other-division"), "reg:dp:0")])


def suggestions(t: T, locale: str, found: Sequence[object]) -> InlineKeyboardMarkup:
    buttons = [button(d.name(locale), f"reg:d:{d.key}") for d in found]  # type: ignore[attr-defined]
    return inline(*rows(buttons, 1), [button(t("btn-pick-from-list"), "reg:dp:0")])


def crafts(t: T, labels: Sequence[str], district: int | None) -> InlineKeyboardMarkup:
    """The district's crafts; each button names the district it was made for (`reg:c:12.0`):
    pressed after the district changed, it would pick the other district's craft there."""
    buttons = [button(label, f"reg:c:{district}.{i}") for i, label in enumerate(labels)]
    return inline(*rows(buttons, 1), [button(t("btn-craft-other"), "reg:c:x")], back(t, "craft"))


def amounts(
    t: T, step: str, choices: Sequence[int], unit: str | None = None
) -> InlineKeyboardMarkup:
    """ "Which did you mean?" for an amount that could be read more than one way (`unit`:
    what it is of, amount_words.MEASURES; None for pieces)."""
    key = "btn-amount-price" if step == "price" else "btn-amount-capacity"
    args, code = measure(t, unit), AMOUNT_CODES[step]  # the question it answers, checked on press
    return inline(*rows([button(t(key, value=v, **args), f"reg:amt:{code}:{v}") for v in choices]))


AMOUNT_CODES = {"price": "p", "capacity": "c"}


def measure(t: T, unit: str | None) -> dict[str, str]:
    """The arguments of texts that say what an amount is of: `measure` selects the wording,
    `unit` is its word in the locale (unit-* keys)."""
    name = unit or PIECE
    return {"measure": name, "unit": t(f"unit-{name}")}


def keep(t: T, step: str, markup: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup:
    """The keep button ("yahi rehne dein") above a question answered before (the artisan came
    back to it)."""
    rows_below = [list(r) for r in markup.inline_keyboard] if markup is not None else []
    return inline([button(t("btn-keep-answer"), f"reg:keep:{step}")], *rows_below)


def skip(t: T, step: str) -> InlineKeyboardMarkup:
    return inline([button(t("btn-skip"), f"reg:skip:{step}")], back(t, step))


def photos(t: T, count: int) -> InlineKeyboardMarkup:
    done = [button(t("btn-photos-done"), "reg:done")] if count else []
    return inline(done, back(t, "photos"))


EDIT_FIELDS = {
    "name": "btn-edit-name",
    "phone": "btn-edit-phone",
    "district": "btn-edit-district",
    "craft": "btn-edit-craft",
    "product_name": "btn-edit-product_name",
    "description": "btn-edit-description",
    "price": "btn-edit-price",
    "capacity": "btn-edit-capacity",
}
EXTRA_FIELDS = {
    "gstin": "btn-edit-gstin",
    "udyam": "btn-edit-udyam",
    "pehchan": "btn-edit-pehchan",
}


def summary(t: T) -> InlineKeyboardMarkup:
    """The main action first; changing something is one level down."""
    return inline(
        [button(t("btn-submit"), "reg:submit")], [button(t("btn-change"), "reg:ed:edits")]
    )


def edits(t: T) -> InlineKeyboardMarkup:
    fields = [button(t(key), f"reg:e:{field}") for field, key in EDIT_FIELDS.items()]
    more = [
        button(t("btn-edit-photos"), "reg:ed:photo_edits"),
        button(t("btn-extras"), "reg:ed:extras"),
    ]
    return inline(*rows(fields), more, [button(t("btn-back"), "reg:ed:summary")])


def photo_edits(t: T) -> InlineKeyboardMarkup:
    return inline(
        [button(t("btn-photos-add"), "reg:e:photos")],
        [button(t("btn-photos-replace"), "reg:rp:ask")],
        [button(t("btn-back"), "reg:ed:edits")],
    )


def extras(t: T) -> InlineKeyboardMarkup:
    fields = [button(t(key), f"reg:e:{field}") for field, key in EXTRA_FIELDS.items()]
    return inline(*rows(fields, 1), [button(t("btn-back"), "reg:ed:edits")])


def replace_photos(t: T) -> InlineKeyboardMarkup:
    return inline(
        [button(t("btn-photos-replace-yes"), "reg:rp:yes")],
        [button(t("btn-keep"), "reg:ed:summary")],
    )


def unchanged(t: T) -> InlineKeyboardMarkup:
    return inline(
        [button(t("btn-change"), "reg:ed:edits")],
        [button(t("btn-submit-anyway"), "reg:sa")],
    )


def menu(t: T, has_unfinished: bool) -> InlineKeyboardMarkup:
    """What an artisan can do; help too (a sent-back or rejected product's notice points to it)."""
    first = [button(t("btn-continue"), "reg:go")] if has_unfinished else []
    return inline(
        first,
        [button(t("btn-new-product"), "reg:new")],
        [button(t("btn-status"), "reg:status")],
        help_row(t),
    )


def fix(t: T, submission_id: int) -> InlineKeyboardMarkup:
    return inline([button(t("btn-fix"), f"reg:fix:{submission_id}")])


def confirm_delete(t: T) -> InlineKeyboardMarkup:
    return inline(
        [button(t("btn-delete-yes"), "reg:del:yes"), button(t("btn-delete-no"), "reg:del:no")]
    )


def help_row(t: T) -> list[InlineKeyboardButton]:
    """ "🙋 Help" under a prompt: a question to a person at the district office."""
    return [button(t("btn-help"), "hp:ask")]


def with_help(t: T, markup: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup:
    rows_ = list(markup.inline_keyboard) if markup is not None else []
    return InlineKeyboardMarkup([*rows_, help_row(t)])
