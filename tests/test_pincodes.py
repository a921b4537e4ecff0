"""The offline UP PIN table (data/up_pincodes.csv) and its lookup (bot/services/pincodes.py)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bot.config import Settings
from bot.services.districts import DistrictIndex
from bot.services.pincodes import PinIndex, normalize_pin

DATA = Path(__file__).resolve().parent.parent / "data"
TABLE = Settings.model_fields["pincodes_csv"].default
# Districts India Post's directory gives no PIN of their own; data/README.md says why.
# Empty today: every one of the 75 districts has at least one PIN.
NO_PIN: set[str] = set()


@pytest.fixture(scope="module")
def districts() -> DistrictIndex:
    return DistrictIndex.load(DATA / "odop_districts.csv")


@pytest.fixture(scope="module")
def pins(districts: DistrictIndex) -> PinIndex:
    return PinIndex.load(TABLE, known=districts.by_key)


def table_rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize(
    ("pin", "district"),
    [
        ("273001", "Gorakhpur"),
        ("221001", "Varanasi"),
        ("226001", "Lucknow"),
        ("282001", "Agra"),
        ("211001", "Prayagraj"),
        ("224001", "Ayodhya"),
        ("201301", "Gautam Buddh Nagar"),
        ("221401", "Bhadohi (Sant Ravidas Nagar)"),
        ("231001", "Mirzapur"),
        ("284001", "Jhansi"),
    ],
)
def test_city_pin_gives_its_district(pins: PinIndex, pin: str, district: str) -> None:
    assert pins.districts(pin) == [district]
    assert not pins.uncertain(pin)


@pytest.mark.parametrize("typed", ["२७३००१", " 273 001 ", "२७३ ००१", "273-001", "２７３００１"])
def test_pin_typed_in_devanagari_or_with_spaces_is_understood(pins: PinIndex, typed: str) -> None:
    assert pins.districts(typed) == ["Gorakhpur"]


@pytest.mark.parametrize(
    "pin",
    [
        "110001",  # New Delhi
        "110025",  # Delhi PIN with one post office labelled Budaun: left out on purpose
        "560001",  # Bengaluru
        "248001",  # Dehradun, Uttarakhand (same 2xxxxx range as UP)
        "800001",  # Patna
        "299999",  # no such PIN
    ],
)
def test_pin_of_another_state_gives_no_district(pins: PinIndex, pin: str) -> None:
    assert pins.districts(pin) == []


@pytest.mark.parametrize("typed", ["", "27300", "2730011", "073001", "abc", "27300१x", "5 हज़ार"])
def test_text_that_is_not_a_pin_gives_no_district(pins: PinIndex, typed: str) -> None:
    assert normalize_pin(typed) is None
    assert pins.districts(typed) == []


def test_pin_on_a_district_border_gives_both_districts(pins: PinIndex) -> None:
    assert pins.districts("206120") == ["Auraiya", "Etawah"]
    assert pins.districts("209121") == ["Kanpur Dehat", "Kanpur Nagar"]


def test_doubtful_pin_is_marked_uncertain(pins: PinIndex) -> None:
    assert pins.districts("246761") == ["Aligarh"]  # a Bijnor-area PIN; India Post says Aligarh
    assert pins.uncertain("246761")


def test_every_district_in_the_table_is_an_odop_district(districts: DistrictIndex) -> None:
    unknown = {r["district_en"] for r in table_rows()} - set(districts.by_key)
    assert not unknown


def test_every_district_has_a_pin(districts: DistrictIndex) -> None:
    covered = {r["district_en"] for r in table_rows()}
    assert set(districts.by_key) - covered == NO_PIN
    assert len(districts.by_key) == 75


def test_table_rows_are_well_formed_and_sourced() -> None:
    rows = table_rows()
    assert rows and list(rows[0]) == ["pin", "district_en", "source", "note"]
    pairs = [(r["pin"], r["district_en"]) for r in rows]
    assert len(pairs) == len(set(pairs)), "a PIN-district pair is listed twice"
    for r in rows:
        assert normalize_pin(r["pin"]) == r["pin"] and "200000" <= r["pin"] < "290000", r
        assert r["source"], r


def test_load_refuses_a_district_that_is_not_ours(tmp_path: Path) -> None:
    bad = tmp_path / "pins.csv"
    bad.write_text("pin,district_en,source,note\n248001,Dehradun,admin,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Dehradun"):
        PinIndex.load(bad, known={"Agra"})


def test_admin_added_row_is_used(tmp_path: Path) -> None:
    table = tmp_path / "pins.csv"
    table.write_text(
        "pin,district_en,source,note\n273001,Gorakhpur,indiapost,\n273001,Deoria,admin,\n",
        encoding="utf-8",
    )
    assert PinIndex.load(table).districts("273001") == ["Deoria", "Gorakhpur"]
