"""Fault injection: scripted failures, random failure ratios and blocked users."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import ApiError

# Startup/infrastructure calls are left alone by fail_ratio unless asked for explicitly.
INFRA_METHODS = frozenset(
    {
        "getUpdates",
        "getMe",
        "setWebhook",
        "deleteWebhook",
        "getWebhookInfo",
        "logOut",
        "close",
        "setMyCommands",
        "getMyCommands",
        "deleteMyCommands",
        "setChatMenuButton",
        "getChatMenuButton",
    }
)


@dataclass
class FaultRule:
    """Fail the next ``times`` calls of ``method`` ("*" = any but getUpdates)."""

    method: str
    error_code: int = 429
    description: str | None = None
    retry_after: int | None = None
    times: int = 1
    chat_id: int | None = None
    hang: float | None = None
    drop: bool = False

    def matches(self, method: str, chat_id: int | None) -> bool:
        if self.times <= 0:
            return False
        if self.method == "*":
            if method == "getUpdates":
                return False
        elif self.method.lower() != method.lower():
            return False
        return self.chat_id is None or self.chat_id == chat_id


@dataclass
class FaultDecision:
    """What to do with one call: answer an error, hang first, or drop the connection."""

    error: ApiError | None = None
    hang: float | None = None
    drop: bool = False


@dataclass
class FaultRatio:
    ratio: float
    kinds: tuple[str, ...]
    rng: random.Random
    methods: frozenset[str] | None
    hang_seconds: float


class FaultInjector:
    """Decides per call whether a fault applies; rules are consumed in order."""

    def __init__(self) -> None:
        self.rules: list[FaultRule] = []
        self.ratio: FaultRatio | None = None
        self.injected: int = 0

    def add(self, rule: FaultRule) -> FaultRule:
        self.rules.append(rule)
        return rule

    def set_ratio(
        self,
        ratio: float,
        kinds: Iterable[str],
        seed: int,
        methods: Iterable[str] | None,
        hang_seconds: float,
    ) -> None:
        if ratio <= 0:
            self.ratio = None
            return
        self.ratio = FaultRatio(
            ratio=min(ratio, 1.0),
            kinds=tuple(kinds),
            rng=random.Random(seed),
            methods=frozenset(methods) if methods is not None else None,
            hang_seconds=hang_seconds,
        )

    def clear(self) -> None:
        self.rules.clear()
        self.ratio = None

    def decide(self, method: str, chat_id: int | None) -> FaultDecision | None:
        for rule in self.rules:
            if rule.matches(method, chat_id):
                rule.times -= 1
                self.injected += 1
                return _from_rule(rule)
        return self._random(method)

    def _random(self, method: str) -> FaultDecision | None:
        spec = self.ratio
        if spec is None or not spec.kinds:
            return None
        if spec.methods is None:
            if method in INFRA_METHODS:
                return None
        elif method not in spec.methods:
            return None
        if spec.rng.random() >= spec.ratio:
            return None
        self.injected += 1
        kind = spec.rng.choice(spec.kinds)
        if kind == "hang":
            return FaultDecision(hang=spec.hang_seconds)
        if kind == "drop":
            return FaultDecision(drop=True)
        code = int(kind)
        return FaultDecision(error=ApiError(code, retry_after=1 if code == 429 else None))


def _from_rule(rule: FaultRule) -> FaultDecision:
    if rule.drop:
        return FaultDecision(drop=True, hang=rule.hang)
    if rule.hang is not None:
        return FaultDecision(hang=rule.hang)
    retry_after = rule.retry_after
    if rule.error_code == 429 and retry_after is None:
        retry_after = 1
    return FaultDecision(
        error=ApiError(rule.error_code, rule.description, retry_after=retry_after)
    )
