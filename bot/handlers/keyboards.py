"""Keyboards for the artisan's journey. Callback data: `reg:<verb>[:<arg>]`, short ASCII."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.services.districts import DistrictIndex

DIVISIONS_PER_PAGE = 9
T = Callable[..., str]


def button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data)


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


def divisions(t: T, locale: str, index: DistrictIndex, page: int = 0) -> InlineKeyboardMarkup:
    names = index.divisions
    pages = max(1, -(-len(names) // DIVISIONS_PER_PAGE))
    page = page % pages
    shown = names[page * DIVISIONS_PER_PAGE : (page + 1) * DIVISIONS_PER_PAGE]
    buttons = [button(index.division_name(d, locale), f"reg:dv:{d}") for d in shown]
    nav = [button(t("btn-more"), f"reg:dp:{page + 1}")] if pages > 1 else []
    return inline(*rows(buttons), nav, back(t, "district"))


def districts_of(t: T, locale: str, index: DistrictIndex, division: str) -> InlineKeyboardMarkup:
    buttons = [button(d.name(locale), f"reg:d:{d.key}") for d in index.in_division(division)]
    return inline(*rows(buttons), [button(t("btn-other-division"), "reg:dp:0")])


def suggestions(t: T, locale: str, found: Sequence[object]) -> InlineKeyboardMarkup:
    buttons = [button(d.name(locale), f"reg:d:{d.key}") for d in found]  # type: ignore[attr-defined]
    return inline(*rows(buttons, 1), [button(t("btn-pick-from-list"), "reg:dp:0")])


def crafts(t: T, products: Sequence[str]) -> InlineKeyboardMarkup:
    buttons = [button(p, f"reg:c:{i}") for i, p in enumerate(products)]
    return inline(*rows(buttons, 1), [button(t("btn-craft-other"), "reg:c:x")], back(t, "craft"))


def skip(t: T, step: str) -> InlineKeyboardMarkup:
    return inline([button(t("btn-skip"), f"reg:skip:{step}")], back(t, step))


def photos(t: T, count: int) -> InlineKeyboardMarkup:
    done = [button(t("btn-photos-done"), "reg:done")] if count else []
    return inline(done, back(t, "photos"))


SUMMARY_EDITS = {
    "name": "btn-edit-name",
    "phone": "btn-edit-phone",
    "district": "btn-edit-district",
    "craft": "btn-edit-craft",
    "product_name": "btn-edit-product_name",
    "description": "btn-edit-description",
    "price": "btn-edit-price",
    "capacity": "btn-edit-capacity",
    "photos": "btn-edit-photos",
    "gstin": "btn-edit-gstin",
    "udyam": "btn-edit-udyam",
    "pehchan": "btn-edit-pehchan",
}


def summary(t: T) -> InlineKeyboardMarkup:
    edits = [button(t(key), f"reg:e:{field}") for field, key in SUMMARY_EDITS.items()]
    return inline(*rows(edits), [button(t("btn-submit"), "reg:submit")])


def menu(t: T, has_unfinished: bool) -> InlineKeyboardMarkup:
    first = [button(t("btn-continue"), "reg:go")] if has_unfinished else []
    return inline(
        first, [button(t("btn-new-product"), "reg:new")], [button(t("btn-status"), "reg:status")]
    )


def fix(t: T, submission_id: int) -> InlineKeyboardMarkup:
    return inline([button(t("btn-fix"), f"reg:fix:{submission_id}")])


def confirm_delete(t: T) -> InlineKeyboardMarkup:
    return inline(
        [button(t("btn-delete-yes"), "reg:del:yes"), button(t("btn-delete-no"), "reg:del:no")]
    )
