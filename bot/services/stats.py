"""Numbers for admins: artisans, submissions by state and district, reviewers, drop-off, chart."""

from __future__ import annotations

import html
import io
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import media
from bot.services.campaigns import CampaignStats, per_campaign
from bot.services.districts import DistrictIndex
from bot.services.listing import STATE_LABELS
from bot.services.registration import OPTIONAL_STEPS, ORDER
from bot.storage.models import Artisan, Event, Photo, State, Submission

DECISIONS = (State.APPROVED, State.CHANGES_REQUESTED, State.REJECTED)
SHOWN = (State.APPROVED, State.LISTED)  # "approved or listed" in the district numbers
STEP_LABELS = {
    "name": "cat-step-name",
    "phone": "cat-step-phone",
    "district": "cat-step-district",
    "craft": "cat-step-craft",
    "product_name": "cat-step-product_name",
    "description": "cat-step-description",
    "price": "cat-step-price",
    "capacity": "cat-step-capacity",
    "photos": "cat-step-photos",
    "summary": "cat-step-summary",
    "gstin": "cat-step-gstin",
    "udyam": "cat-step-udyam",
    "pehchan": "cat-step-pehchan",
}
OTHER_STEP = "cat-step-none"
CHART_DISTRICTS = 30
Translate = Callable[..., str]


@dataclass
class ReviewerStats:
    actor_id: int
    approvals: int = 0
    decisions: int = 0
    hours: list[float] = field(default_factory=list)  # submission -> decision, per decision

    @property
    def median_hours(self) -> float | None:
        return statistics.median(self.hours) if self.hours else None


@dataclass
class Stats:
    artisans: int = 0
    by_state: dict[str, int] = field(default_factory=dict)
    by_district: dict[str, tuple[int, int]] = field(default_factory=dict)  # (sent, approved)
    reviewers: list[ReviewerStats] = field(default_factory=list)
    dropoff: dict[str, int] = field(default_factory=dict)  # draft step -> drafts stopped there
    photos: tuple[int, int, int] = (0, 0, 0)  # kept, waiting, given up
    campaigns: list[CampaignStats] = field(default_factory=list)  # posters, newest first


async def collect(session: AsyncSession) -> Stats:
    """Read every number from the database now."""
    stats = Stats()
    stats.artisans = int(
        await session.scalar(select(func.count()).where(Artisan.consent_at.is_not(None))) or 0
    )
    by_state = await session.execute(
        select(Submission.state, func.count()).group_by(Submission.state)
    )
    counts = {str(state): int(n) for state, n in by_state}
    stats.by_state = {s: counts[s] for s in STATE_LABELS if s in counts}
    by_district = await session.execute(
        select(Submission.district, Submission.state, func.count())
        .where(Submission.state != State.DRAFT)
        .group_by(Submission.district, Submission.state)
    )
    districts: dict[str, list[int]] = {}
    for district, state, n in by_district:
        entry = districts.setdefault(district or "?", [0, 0])
        entry[0] += n
        entry[1] += n if state in SHOWN else 0
    ordered = sorted(districts.items(), key=lambda item: (-item[1][0], item[0]))
    stats.by_district = {name: (sent, shown) for name, (sent, shown) in ordered}
    stats.reviewers = await _reviewers(session)
    steps = await session.execute(
        select(Submission.step, func.count())
        .where(Submission.state == State.DRAFT)
        .group_by(Submission.step)
    )
    found = {step or "": int(n) for step, n in steps}
    order = [*ORDER, *OPTIONAL_STEPS]
    stats.dropoff = {s: found[s] for s in sorted(found, key=lambda s: _rank(order, s))}
    stats.photos = await _photos(session)
    stats.campaigns = await per_campaign(session)
    return stats


def _rank(order: list[str], step: str) -> int:
    return order.index(step) if step in order else len(order)


async def _reviewers(session: AsyncSession) -> list[ReviewerStats]:
    """Per decision: the time since the artisan (re)submitted, from the audit log."""
    events = await session.stream(
        select(Event.submission_id, Event.actor_id, Event.from_state, Event.to_state, Event.at)
        .order_by(Event.submission_id, Event.at, Event.id)
        .execution_options(yield_per=1000)
    )
    reviewers: dict[int, ReviewerStats] = {}
    current: int | None = None
    waiting_since: datetime | None = None
    async for submission_id, actor_id, src, dst, at in events:
        if submission_id != current:
            current, waiting_since = submission_id, None
        if dst == State.PENDING and src != State.IN_REVIEW:  # a released claim keeps its place
            waiting_since = at
        elif dst in DECISIONS and actor_id is not None:
            reviewer = reviewers.setdefault(actor_id, ReviewerStats(actor_id))
            reviewer.decisions += 1
            reviewer.approvals += dst == State.APPROVED
            if waiting_since is not None:
                reviewer.hours.append((at - waiting_since).total_seconds() / 3600)
            waiting_since = None
    return sorted(reviewers.values(), key=lambda r: (-r.approvals, -r.decisions, r.actor_id))


async def _photos(session: AsyncSession) -> tuple[int, int, int]:
    rows = await session.execute(
        select(
            func.count(Photo.local_path),
            func.count().filter(
                Photo.local_path.is_(None), Photo.download_attempts < media.MAX_ATTEMPTS
            ),
            func.count().filter(
                Photo.local_path.is_(None), Photo.download_attempts >= media.MAX_ATTEMPTS
            ),
        )
    )
    kept, waiting, failed = rows.one()
    return int(kept), int(waiting), int(failed)


def render(stats: Stats, t: Translate, districts: DistrictIndex, locale: str) -> str:
    """The statistics as one message (HTML); `t(key, **args)` formats in the reader's locale."""
    nothing = t("stats-none")
    lines = [t("stats-title"), t("stats-artisans", count=stats.artisans), ""]
    lines.append(t("stats-states-title"))
    lines += [
        t("stats-state-line", state=t(STATE_LABELS[State(s)]), count=n)
        for s, n in stats.by_state.items()
    ] or [nothing]
    lines += ["", t("stats-districts-title")]
    for key, (sent, shown) in stats.by_district.items():
        district = districts.get(key)
        name = district.name(locale) if district else key
        lines.append(t("stats-district-line", district=name, submitted=sent, approved=shown))
    lines += [] if stats.by_district else [nothing]
    lines += _campaign_lines(stats.campaigns, t, districts, locale)
    lines += ["", t("stats-reviewers-title")]
    for r in stats.reviewers:
        median = r.median_hours
        hours = f"{median:.1f}" if median is not None else t("value-missing")
        lines.append(
            t(
                "stats-reviewer-line",
                reviewer=str(r.actor_id),
                approvals=r.approvals,
                decisions=r.decisions,
                hours=hours,
            )
        )
    lines += [] if stats.reviewers else [nothing]
    lines += ["", t("stats-dropoff-title")]
    lines += [
        t("stats-dropoff-line", step=t(STEP_LABELS.get(step, OTHER_STEP)), count=n)
        for step, n in stats.dropoff.items()
    ] or [nothing]
    kept, waiting, failed = stats.photos
    lines += ["", t("stats-photos", kept=kept, waiting=waiting, failed=failed)]
    return "\n".join(lines)


def _campaign_lines(
    found: list[CampaignStats], t: Translate, districts: DistrictIndex, locale: str
) -> list[str]:
    """Registrations and approvals per poster; nothing at all before the first poster."""
    lines = ["", t("stats-campaigns-title")] if found else []
    for c in found:
        district = districts.get(c.district)
        lines.append(
            t(
                "stats-campaign-line",
                campaign=c.label,
                district=district.name(locale) if district else c.district,
                registered=c.registrations,
                approved=c.approvals,
            )
        )
    return lines


def plain(text: str) -> str:
    """A message as terminal text: tags dropped, entities unescaped."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def chunks(text: str, limit: int = 4000) -> list[str]:
    """Split at line ends into messages Telegram accepts (4096 characters at most)."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        if current and len(current) + 1 + len(line) > limit:
            parts.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line[:limit]
    return [*parts, current] if current.strip() else parts


def chart_png(by_district: dict[str, tuple[int, int]], labels: dict[str, str]) -> bytes:
    """Horizontal bars per district (English keys: Devanagari fonts may be missing)."""
    from matplotlib.figure import Figure  # imported here: slow, and only charts need it
    from matplotlib.ticker import MaxNLocator

    shown = list(by_district.items())[:CHART_DISTRICTS]
    names = [name for name, _ in shown][::-1]
    sent = [n for _, (n, _) in shown][::-1]
    approved = [n for _, (_, n) in shown][::-1]
    fig = Figure(figsize=(8, 1.5 + 0.35 * max(len(names), 1)), dpi=100)
    ax = fig.subplots()
    positions = list(range(len(names)))
    ax.barh([p + 0.2 for p in positions], sent, height=0.4, label=labels["submitted"])
    ax.barh([p - 0.2 for p in positions], approved, height=0.4, label=labels["approved"])
    ax.set_yticks(positions, names)
    ax.set_title(labels["title"])
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if names:
        ax.legend(loc="lower right")
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()


def chart_labels(t: Callable[[str, str], str]) -> dict[str, str]:
    """Chart texts, always in English (see `chart_png`)."""
    keys = {
        "title": "stats-chart-title",
        "submitted": "stats-chart-submitted",
        "approved": "stats-chart-approved",
    }
    return {name: html.unescape(t("en", key)) for name, key in keys.items()}
