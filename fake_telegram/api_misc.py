"""Handlers for bot identity, updates/webhooks, commands, menu buttons and chats."""

from __future__ import annotations

import json
import re
from typing import Any

from .api_common import Handler, RawJSON
from .core import FakeCore
from .errors import bad_request
from .models import Call, JSONDict, WebhookState

_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")


async def get_me(core: FakeCore, call: Call) -> JSONDict:
    return {
        **core.bot_user(),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


async def get_updates(core: FakeCore, call: Call) -> RawJSON:
    p = call.params
    offset = p.get("offset")
    limit = p.get("limit")
    timeout = p.get("timeout")
    return RawJSON(
        await core.hub.get_updates(
            offset if isinstance(offset, int) else None,
            limit if isinstance(limit, int) else None,
            float(timeout) if isinstance(timeout, int | float) else 0.0,
        )
    )


async def set_webhook(core: FakeCore, call: Call) -> bool:
    p = call.params
    url = p.get("url") or ""
    if not isinstance(url, str):
        raise bad_request("bad webhook: URL must be a string")
    if url and not url.startswith(("http://", "https://")):
        raise bad_request("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
    secret = p.get("secret_token")
    if secret is not None and not _SECRET_RE.fullmatch(str(secret)):
        raise bad_request("secret token contains unallowed characters")
    allowed = p.get("allowed_updates")
    state = WebhookState(
        url=url,
        secret=str(secret) if secret else None,
        max_connections=int(p.get("max_connections") or 40),
        allowed_updates=allowed if isinstance(allowed, list) else None,
        ip_address=p.get("ip_address"),
    )
    core.hub.set_webhook(state, bool(p.get("drop_pending_updates")))
    return True


async def delete_webhook(core: FakeCore, call: Call) -> bool:
    core.hub.delete_webhook(bool(call.params.get("drop_pending_updates")))
    return True


async def get_webhook_info(core: FakeCore, call: Call) -> JSONDict:
    return core.hub.webhook_info()


async def always_true(core: FakeCore, call: Call) -> bool:
    return True


def _commands_key(params: JSONDict) -> tuple[str, str]:
    scope = params.get("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")


async def set_my_commands(core: FakeCore, call: Call) -> bool:
    commands = call.params.get("commands")
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    for item in commands:
        if not isinstance(item, dict) or not _COMMAND_RE.fullmatch(str(item.get("command"))):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(str(item.get("description") or "")) <= 256:
            raise bad_request("command description must be non-empty")
    if len(commands) > 100:
        raise bad_request("too much commands")
    core.commands[_commands_key(call.params)] = commands
    return True


async def get_my_commands(core: FakeCore, call: Call) -> list[JSONDict]:
    return core.commands.get(_commands_key(call.params), [])


async def delete_my_commands(core: FakeCore, call: Call) -> bool:
    core.commands.pop(_commands_key(call.params), None)
    return True


async def set_chat_menu_button(core: FakeCore, call: Call) -> bool:
    chat_id = call.params.get("chat_id")
    if chat_id is not None:
        core.require_chat(call.params)
    button = call.params.get("menu_button") or {"type": "default"}
    core.menu_buttons[chat_id if isinstance(chat_id, int) else None] = button
    return True


async def get_chat_menu_button(core: FakeCore, call: Call) -> JSONDict:
    chat_id = call.params.get("chat_id")
    key = chat_id if isinstance(chat_id, int) else None
    return core.menu_buttons.get(key) or core.menu_buttons.get(None) or {"type": "commands"}


async def get_chat(core: FakeCore, call: Call) -> JSONDict:
    chat = core.require_chat(call.params)
    info: dict[str, Any] = {
        **chat.to_dict(),
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": {
            "unlimited_gifts": False,
            "limited_gifts": False,
            "unique_gifts": False,
            "premium_subscription": False,
            "gifts_from_channels": False,
        },
    }
    return info


async def leave_chat(core: FakeCore, call: Call) -> bool:
    chat = core.require_chat(call.params)
    if chat.type == "private":
        raise bad_request("chat member status can't be changed in private chats")
    chat.left = True
    return True


MISC_METHODS: dict[str, Handler] = {
    "getMe": get_me,
    "getUpdates": get_updates,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
    "logOut": always_true,
    "close": always_true,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
    "setChatMenuButton": set_chat_menu_button,
    "getChatMenuButton": get_chat_menu_button,
    "setMyDescription": always_true,
    "setMyShortDescription": always_true,
    "setMyName": always_true,
    "getChat": get_chat,
    "leaveChat": leave_chat,
}
