"""Rebuild data/up_pincodes.csv (Uttar Pradesh PIN -> our district) from India Post's directory.

Source: the PyPI package `indian-pincode` (MIT code), which embeds the Department of Posts'
"All India Pincode Directory" from data.gov.in (GODL-India licence, attribution required; see
data/README.md). The package is NOT a dependency of the bot: install it into the venv only to run
this script, then remove it again:

    .venv/bin/pip install 'indian-pincode==2.1.0'
    .venv/bin/python data/tools/build_up_pincodes.py      # writes data/up_pincodes.csv
    .venv/bin/pip uninstall -y indian-pincode

or, leaving the venv untouched (pure Python, no dependencies of its own):

    pip install --no-deps --target /tmp/ip 'indian-pincode==2.1.0'
    PYTHONPATH=/tmp/ip python3 data/tools/build_up_pincodes.py

Output columns: pin, district_en (exactly a district_en of data/odop_districts.csv), source,
note. A PIN that serves several districts gets one row per district. Rows whose mapping is
doubtful say so in `note` (starting with "uncertain:"). The script stops with an error when
India Post uses a district name it cannot map, so a new spelling is never dropped silently.
Rows an administrator added (a `source` not starting with "indiapost:") are kept.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
STATE = "UTTAR PRADESH"
# India Post's Uttar Pradesh circle uses PINs 20xxxx-28xxxx. A UP district attached to a PIN
# outside this range (a Delhi PIN labelled Budaun, an Army Postal Service PIN) is left out.
UP_PIN_RANGE = range(200000, 290000)
# A district with at most this many PINs in a 3-digit sorting prefix of at least RARE_OF PINs is
# unusual there: often a source error (e.g. a Jalaun PIN labelled Aligarh), sometimes a border.
RARE_AT_MOST = 2
RARE_OF = 10

# India Post spellings and pre-rename names that differ from ours (checked before aliases).
SPELLINGS = {
    "GAUTAM BUDDHA NAGAR": "Gautam Buddh Nagar",
    "KUSHI NAGAR": "Kushinagar",
    "KHERI": "Lakhimpur Kheri",
    "RAE BARELI": "Raebareli",
    "SANT KABEER NAGAR": "Sant Kabir Nagar",
    "SIDDHARTH NAGAR": "Siddharthnagar",
    "BHADOHI": "Bhadohi (Sant Ravidas Nagar)",
    "MAHRAJGANJ": "Maharajganj",
    "BARABANKI": "Barabanki",
}
OLD_NAMES = {
    "ALLAHABAD": "Prayagraj",
    "FAIZABAD": "Ayodhya",
    "SANT RAVIDAS NAGAR": "Bhadohi (Sant Ravidas Nagar)",
    "SANT RAVIDAS NAGAR BHADOHI": "Bhadohi (Sant Ravidas Nagar)",
    "KANSHIRAM NAGAR": "Kasganj",
    "JYOTIBA PHULE NAGAR": "Amroha",
    "J.P.NAGAR": "Amroha",
    "PANCHSHEEL NAGAR": "Hapur",
    "PRABUDDH NAGAR": "Shamli",
    "CHHATRAPATI SHAHUJI MAHARAJ NAGAR": "Amethi",
    "MAHAMAYA NAGAR": "Hathras",
    "RAMABAI NAGAR": "Kanpur Dehat",
    "BHIM NAGAR": "Sambhal",
}


def our_names() -> tuple[set[str], dict[str, str]]:
    """Our 75 district names, and every accepted upper-case spelling -> our name."""
    with (DATA / "odop_districts.csv").open(encoding="utf-8") as f:
        ours = {row["district_en"].strip() for row in csv.DictReader(f)}
    names = {name.upper(): name for name in ours}
    names.update({name.split(" (")[0].upper(): name for name in ours})
    with (DATA / "district_aliases.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["district_en"] in ours:
                names.setdefault(row["alias"].strip().upper(), row["district_en"])
    names.update(SPELLINGS)
    names.update(OLD_NAMES)
    bad = {v for v in names.values() if v not in ours}
    if bad:
        sys.exit(f"mapping points at districts not in odop_districts.csv: {sorted(bad)}")
    return ours, names


def up_pin_districts(pincode: object) -> dict[str, tuple[list[str], list[str]]]:
    """PIN -> (India Post's UP districts, other states' districts) for every PIN touching UP."""
    up_names = set(pincode.list_districts(STATE))  # type: ignore[attr-defined]
    result = {}
    for pin in pincode.get_pincodes(state=STATE):  # type: ignore[attr-defined]
        details = pincode.get_details(pin)  # type: ignore[attr-defined]
        others = [s for s in details["states"] if s != STATE]
        other_names = {
            d: s
            for s in others
            for d in pincode.list_districts(s)  # type: ignore[attr-defined]
        }
        up, elsewhere = [], []
        for name in details["districts"]:
            if name in up_names and name in other_names:
                sys.exit(f"{pin}: cannot tell which state {name!r} belongs to ({others})")
            if name in up_names:
                up.append(name)
            else:
                elsewhere.append(f"{name.title()} ({other_names[name].title()})")
        result[pin] = (up, elsewhere)
    return result


def build(pincode: object) -> list[dict[str, str]]:
    ours, names = our_names()
    source = f"indiapost:{pincode.DATA_VERSION}"  # type: ignore[attr-defined]
    raw = up_pin_districts(pincode)
    unmapped = sorted({n for up, _ in raw.values() for n in up if n not in names})
    if unmapped:
        sys.exit(
            f"India Post district names with no mapping: {unmapped}\n"
            "Add each to SPELLINGS/OLD_NAMES in this script or to data/district_aliases.csv."
        )
    excluded = {pin: up for pin, (up, _) in raw.items() if int(pin) not in UP_PIN_RANGE}
    for pin, up in sorted(excluded.items()):
        print(f"left out {pin}: outside UP's PIN range, labelled {up}", file=sys.stderr)
    pairs = [
        (pin, names[name], name, elsewhere)
        for pin, (up, elsewhere) in sorted(raw.items())
        if pin not in excluded
        for name in up
    ]
    per_prefix: dict[str, Counter[str]] = defaultdict(Counter)
    for pin, district, _, _ in pairs:
        per_prefix[pin[:3]][district] += 1
    rows = []
    for pin, district, name, elsewhere in pairs:
        notes = []
        counts = per_prefix[pin[:3]]
        total = sum(counts.values())
        if counts[district] <= RARE_AT_MOST and total >= RARE_OF:
            notes.append(
                f"uncertain: {district} has only {counts[district]} of {total} PINs in "
                f"{pin[:3]}xxx (possible source error)"
            )
        if name in OLD_NAMES:
            notes.append(f"uncertain: source uses the old name {name.title()}")
        if elsewhere:
            notes.append("PIN also serves " + ", ".join(elsewhere))
        note = "; ".join(notes)
        rows.append({"pin": pin, "district_en": district, "source": source, "note": note})
    missing = sorted(ours - {r["district_en"] for r in rows})
    if missing:
        print(f"districts with no PIN: {missing}", file=sys.stderr)
    return sorted(rows, key=lambda r: (r["pin"], r["district_en"]))


def hand_made(path: Path) -> list[dict[str, str]]:
    """Rows an administrator added (source not from India Post): kept across rebuilds."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if not r["source"].startswith("indiapost:")]
    for r in rows:
        print(f"kept hand-made row {r['pin']} {r['district_en']} ({r['source']})", file=sys.stderr)
    return rows


def main() -> None:
    try:
        import indian_pincode
    except ImportError:
        sys.exit("first: pip install 'indian-pincode==2.1.0' (see this script's docstring)")
    out = DATA / "up_pincodes.csv"
    rows = build(indian_pincode)
    kept = hand_made(out)
    rows = sorted(rows + kept, key=lambda r: (r["pin"], r["district_en"]))
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["pin", "district_en", "source", "note"])
        writer.writeheader()
        writer.writerows(rows)
    pins = len({r["pin"] for r in rows})
    shared = len(_shared(rows))
    uncertain = sum("uncertain" in r["note"] for r in rows)
    print(f"wrote {out}: {len(rows)} rows, {pins} PINs, {shared} shared, {uncertain} uncertain")


def _shared(rows: list[dict[str, str]]) -> set[str]:
    counts = Counter(r["pin"] for r in rows)
    return {pin for pin, n in counts.items() if n > 1}


if __name__ == "__main__":
    main()
