"""The registration flow as data: (artisan, draft, input) -> outcome, no Telegram here.

This package is the one writer of a draft's `step` and of `artisan.active_submission_id`.
Handlers translate a Telegram message or button into one of the inputs (`terms`), call
`answer` or a button's function, and render the `Outcome`: what to say, and which screen to
show next. `drafts` starts and resumes drafts, `steps` moves between steps, `answers` takes
each step's answer (`prices` a price and the month's count, `reading` what else a message
says), `photos` the photos wherever they are sent, and `summary` changes, replaces and submits.
"""

from bot.services.flow.answers import (
    ANSWERS,
    EDITABLE,
    SUMMARY_HINT,
    answer,
    craft_pressed_late,
    set_craft,
    set_district,
    set_name,
)
from bot.services.flow.drafts import active, fix_field, leave, open_for_fix, resume, start_new
from bot.services.flow.photos import photos_done
from bot.services.flow.prices import choose_amount
from bot.services.flow.steps import KEEPABLE, advance, back, keep
from bot.services.flow.summary import EDIT_SCREENS, edit, open_edits, replace_photos, skip, submit
from bot.services.flow.terms import (
    PROMPT,
    Contact,
    Draft,
    Image,
    Input,
    Other,
    Outcome,
    Say,
    Screen,
    Text,
    Voice,
)

__all__ = [
    "ANSWERS",
    "EDITABLE",
    "EDIT_SCREENS",
    "KEEPABLE",
    "PROMPT",
    "SUMMARY_HINT",
    "Contact",
    "Draft",
    "Image",
    "Input",
    "Other",
    "Outcome",
    "Say",
    "Screen",
    "Text",
    "Voice",
    "active",
    "advance",
    "answer",
    "back",
    "choose_amount",
    "craft_pressed_late",
    "edit",
    "fix_field",
    "keep",
    "leave",
    "open_edits",
    "open_for_fix",
    "photos_done",
    "replace_photos",
    "resume",
    "set_craft",
    "set_district",
    "set_name",
    "skip",
    "start_new",
    "submit",
]
