"""The registration flow without Telegram: (draft state, input) -> outcome, on an in-memory
SQLite database and bot.services.flow directly (the package bot/services/flow/)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.pool import StaticPool

from bot.services import flow
from bot.services import registration as reg
from bot.services.districts import DistrictIndex
from bot.services.pincodes import PinIndex
from bot.storage.db import make_engine, make_sessionmaker
from bot.storage.models import Artisan, Base, Photo, State, Submission, utcnow

DATA = Path(__file__).resolve().parent.parent / "data"
DISTRICTS = DistrictIndex.load(DATA / "odop_districts.csv")
PINS = PinIndex.load(DATA / "up_pincodes.csv", known=DISTRICTS.by_key)
USER_ID = 555_001

# What an artisan has told us before each step (artisan fields, then submission fields).
BEFORE = {
    "phone": {"name": "सुनीता देवी"},
    "district": {"phone": "+919876543210"},
    "craft": {"district": "Gorakhpur"},
    "product_name": {"craft": "टेराकोटा"},
    "description": {"product_name": "टेराकोटा हाथी"},
    "price": {"description": "हाथ से बना मिट्टी का हाथी, भट्टी में पका हुआ।"},
    "capacity": {"price": 1200},
    "photos": {"capacity": 50},
}
ARTISAN_FIELDS = {"name", "phone", "district", "pin"}


@pytest.fixture
async def session() -> AsyncIterator[AsyncSession]:
    engine = make_engine("sqlite+aiosqlite://", poolclass=StaticPool)
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with make_sessionmaker(engine)() as s:
        yield s
    await engine.dispose()


async def draft_at(
    session: AsyncSession, step: str, *, editing: bool = False, photos: int = 0, **given: Any
) -> flow.Draft:
    """A registered artisan whose first draft stands at `step`, every earlier answer given."""
    artisan = Artisan(telegram_id=USER_ID, consent_at=utcnow(), locale="hi")
    sub = Submission(state=State.DRAFT, first_step="name", step=step, editing=editing)
    order = [*reg.ORDER, *reg.OPTIONAL_STEPS]
    for later, answers in BEFORE.items():
        if step in ("summary", *reg.OPTIONAL_STEPS) or order.index(later) <= order.index(step):
            for name, value in answers.items():
                setattr(artisan if name in ARTISAN_FIELDS else sub, name, value)
    for name, value in given.items():
        setattr(artisan if name in ARTISAN_FIELDS else sub, name, value)
    sub.district = artisan.district
    session.add(artisan)
    await session.flush()
    sub.artisan_id = artisan.id
    session.add(sub)
    await session.flush()
    artisan.active_submission_id = sub.id
    for i in range(photos):
        session.add(photo(sub.id, i))
    await session.flush()
    return flow.Draft(
        session, artisan, sub, DISTRICTS, USER_ID, "hi", Path("/nonexistent"), pins=PINS
    )


def photo(submission_id: int, i: int, local_path: str | None = None) -> Photo:
    return Photo(
        submission_id=submission_id,
        position=i + 1,
        file_id=f"f{submission_id}-{i}",
        file_unique_id=f"u{submission_id}-{i}",
        width=1280,
        height=960,
        local_path=local_path,
    )


def image(unique: str = "new", width: int = 1280, height: int = 960) -> flow.Image:
    return flow.Image(f"file-{unique}", unique, width, height, "image/jpeg")


@dataclass
class Case:
    """At `step`, the artisan sends `given`: then the draft is at `then`, the bot says `says`
    (locale keys, in order), shows `screen` and has stored `stored` (field -> value)."""

    step: str
    given: flow.Input
    then: str
    says: list[str] = field(default_factory=list)
    screen: tuple[str, Any] = (flow.PROMPT, None)
    stored: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.step}:{self.given}"


T, V = flow.Text, flow.Voice
CASES = [
    # name: typed, spoken, or something else
    Case("name", T("  सुनीता  देवी "), "phone", ["name-saved"], stored={"name": "सुनीता देवी"}),
    Case(
        "name",
        T("मेरा नाम रामू प्रजापति है।"),
        "phone",
        ["name-saved"],
        stored={"name": "रामू प्रजापति"},
    ),
    Case("name", T("श्रीमती सुनीता देवी जी"), "phone", ["name-saved"], stored={"name": "सुनीता देवी"}),
    Case("name", T("मैं रामू हूँ"), "phone", ["name-saved"], stored={"name": "रामू"}),
    Case(
        "name",
        T("my name is Ramu Prajapati"),
        "phone",
        ["name-saved"],
        stored={"name": "Ramu Prajapati"},
    ),
    Case(
        "name", T("श्रीराम जी"), "phone", ["name-saved"], stored={"name": "श्रीराम"}
    ),  # one word: a name
    Case(
        "name", T("श्री"), "phone", ["name-saved"], stored={"name": "श्री"}
    ),  # nothing else said: kept
    Case("name", T("मेरा नाम है"), "name", ["err-name-length"], stored={"name": None}),
    Case(
        "name",
        T("श्रीमती रामकली देवी प्रजापति पत्नी स्वर्गीय श्री रामप्रसाद प्रजापति ग्राम औरंगाबाद"),
        "name",
        ["err-name-sentence"],  # too long: more than the name, not "not a full name"
        stored={"name": None},
    ),
    Case("description", T("हाथ से बना। " * 100), "description", ["err-too-long"]),
    Case("name", T("my name is"), "name", ["err-name-length"], stored={"name": None}),
    # not a name: a district ("gorakhpur" was saved as the name), "I don't know"
    Case("name", T("gorakhpur"), "name", ["err-name-is-district"], stored={"name": None}),
    Case("name", T("गोरखपुर"), "name", ["err-name-is-district"], stored={"name": None}),
    Case("name", T("nahi pata"), "name", ["err-name-length"], stored={"name": None}),
    Case("name", T("Mathura Prasad"), "phone", ["name-saved"], stored={"name": "Mathura Prasad"}),
    Case("name", T("Kashi"), "phone", ["name-saved"], stored={"name": "Kashi"}),  # a name too
    Case("name", T("Banaras"), "name", ["err-name-is-district"], stored={"name": None}),
    Case("name", T("मैं हूँ"), "name", ["err-name-length"], stored={"name": None}),
    Case("name", T("हाँ"), "name", ["err-name-length"], stored={"name": None}),  # to the consent
    Case("name", T("ok"), "name", ["err-name-length"], stored={"name": None}),
    Case("name", T("समझ नहीं आया"), "name", ["hint-name"], stored={"name": None}),
    Case("name", T("मेरा बेटा लिखेगा"), "name", ["hint-someone-types"], stored={"name": None}),
    Case("price", T("beta likhega"), "price", ["hint-someone-types"], stored={"price": None}),
    Case(
        "name", T("मेरा नाम सुनीता बानो हे"), "phone", ["name-saved"], stored={"name": "सुनीता बानो"}
    ),
    Case("name", T("main ramesh hun"), "phone", ["name-saved"], stored={"name": "ramesh"}),
    # found walking the bot as a son registering his father, and others
    Case(
        "name",
        T("papa ka naam Shyam Lal hai"),
        "phone",
        ["name-saved"],
        stored={"name": "Shyam Lal"},
    ),
    Case("name", T("मेरे पिता जी का नाम राम है"), "phone", ["name-saved"], stored={"name": "राम"}),
    Case(
        "name",
        T("मेरा नाम रामू प्रजापति है जी"),
        "phone",
        ["name-saved"],
        stored={"name": "रामू प्रजापति"},
    ),
    Case("name", T("mera name pooja h"), "phone", ["name-saved"], stored={"name": "pooja"}),
    Case("name", T("सुनीता देवी, गोरखपुर से"), "phone", ["name-saved"], stored={"name": "सुनीता देवी"}),
    Case("name", T("मो० इरफ़ान"), "phone", ["name-saved"], stored={"name": "मो. इरफ़ान"}),
    Case("name", T("मैं अपने पिताजी का रजिस्ट्रेशन कर रहा हूँ"), "name", ["err-name-sentence"]),
    Case("name", T("नमस्ते"), "name", ["err-name-length"], stored={"name": None}),
    Case("name", T("hello sir"), "name", ["err-name-length"], stored={"name": None}),
    Case("name", T("hlo"), "name", ["err-name-length"], stored={"name": None}),
    Case("name", T("9876543210"), "name", ["err-name-phone"], stored={"name": None}),
    # ... while one such word may be a name's own, or an initial
    Case(
        "name", T("Rahi Masoom Raza"), "phone", ["name-saved"], stored={"name": "Rahi Masoom Raza"}
    ),
    Case("name", T("Sujit Kar"), "phone", ["name-saved"], stored={"name": "Sujit Kar"}),
    Case("name", T("H Khan"), "phone", ["name-saved"], stored={"name": "H Khan"}),
    Case("name", T("mera naam H Ram"), "phone", ["name-saved"], stored={"name": "H Ram"}),
    Case("product_name", T("क्या लिखना है?"), "product_name", ["hint-product-name"]),
    Case("description", T("samajh nahi aaya"), "description", ["hint-description"]),
    Case("price", T("?"), "price", ["hint-price"], stored={"price": None}),
    Case("name", T("R2D2"), "name", ["err-name-chars"], stored={"name": None}),
    Case("name", T("क"), "name", ["err-name-length"]),
    Case("name", V("voice-name"), "phone", ["voice-saved"], stored={"voice:name": "voice-name"}),
    Case("name", flow.Other(), "name", ["hint-name"]),
    # phone: shared contact (own only) or typed
    Case("phone", flow.Contact("+919876543210", own=True), "district", ["phone-saved"]),
    Case("phone", flow.Contact("+919999999999", own=False), "phone", ["err-phone-not-own"]),
    Case("phone", T("9876543210, 9415012345"), "phone", ["err-phone-many"]),  # which one?
    Case(
        "phone", T("९८७६५ ४३२१०"), "district", ["phone-saved"], stored={"phone": "+919876543210"}
    ),
    Case("phone", T("12345"), "phone", ["err-phone"], stored={"phone": None}),
    # ten digits, but no mobile: told so, not "the number is incomplete"
    Case("phone", T("1234567890"), "phone", ["err-phone-not-mobile"], stored={"phone": None}),
    Case("phone", T("0522 2345678"), "phone", ["err-phone-not-mobile"], stored={"phone": None}),
    Case(  # the one number in a sentence
        "phone",
        T("मेरा नंबर 98765 43210 है"),
        "district",
        ["phone-saved"],
        stored={"phone": "+919876543210"},
    ),
    Case("phone", V("voice-phone"), "phone", ["hint-phone"]),
    # district: a PIN (any script), a name in any script, a misspelling, nothing known
    Case(
        "district",
        T("273001"),
        "craft",
        ["district-saved"],
        stored={"district": "Gorakhpur", "pin": "273001"},
    ),
    Case(
        "district",
        T("२७३ ००१"),
        "craft",
        ["district-saved"],
        stored={"district": "Gorakhpur", "pin": "273001"},
    ),
    Case(
        "district",
        T("247771"),
        "district",
        [],
        ("pins", ["Muzaffarnagar", "Shamli"]),
        stored={"district": None, "pin": "247771"},
    ),
    Case(
        "district",
        T("पिन 273001"),
        "craft",
        ["district-saved"],
        stored={"district": "Gorakhpur", "pin": "273001"},
    ),
    Case("district", T("110001"), "district", ["err-pin-unknown"], stored={"pin": None}),
    Case(
        "district", T("allahabad"), "craft", ["district-saved"], stored={"district": "Prayagraj"}
    ),
    Case("district", T("गोरखपुर"), "craft", ["district-saved"], stored={"district": "Gorakhpur"}),
    Case(
        "district", T("गोरखपुर ज़िला"), "craft", ["district-saved"], stored={"district": "Gorakhpur"}
    ),
    Case("district", T("zzzz qqq"), "district", ["err-district-unknown"]),
    Case("district", T("पटना"), "district", ["err-district-outside"], stored={"district": None}),
    Case("district", T("patna district"), "district", ["err-district-outside"]),
    Case("district", T("पटना बिहार"), "district", ["err-district-outside"]),
    # a town or tehsil: its district, offered to confirm (it was fuzzily matched: कुंडा, गोंडा)
    Case("district", T("कुंडा"), "district", ["district-town"], ("suggest", ["Pratapgarh"])),
    Case("district", T("malihabad"), "district", ["district-town"], ("suggest", ["Lucknow"])),
    # long and short vowels alike (the vowel signs themselves now count: no "बांदा" for
    # "मलिहाबाद")
    Case("district", T("लखनउ"), "craft", ["district-saved"], stored={"district": "Lucknow"}),
    Case("district", T("अलिगढ़"), "craft", ["district-saved"], stored={"district": "Aligarh"}),
    Case("district", T("बहराईच"), "craft", ["district-saved"], stored={"district": "Bahraich"}),
    Case(
        "district", T("Pratapgarh"), "craft", ["district-saved"], stored={"district": "Pratapgarh"}
    ),
    Case("district", V("voice-district"), "district", ["hint-district"]),
    # craft, product name, description: typed or spoken
    Case(
        "craft",
        T("मिट्टी के बर्तन"),
        "product_name",
        ["craft-saved"],
        stored={"craft": "मिट्टी के बर्तन"},
    ),
    Case(
        "craft",
        V("voice-craft"),
        "product_name",
        ["voice-saved"],
        stored={"voice:craft": "voice-craft"},
    ),
    Case("craft", T("!"), "craft", ["err-craft"]),
    Case("craft", T("226001"), "craft", ["err-craft"], stored={"craft": None}),  # a number
    Case("craft", T("हाँ"), "craft", ["err-craft"], stored={"craft": None}),  # a yes
    Case("product_name", T("ठीक है"), "product_name", ["err-product-name"]),
    Case(
        "product_name", T("टेराकोटा हाथी"), "description", stored={"product_name": "टेराकोटा हाथी"}
    ),
    Case(
        "product_name",
        V("voice-pn"),
        "description",
        ["voice-saved"],
        stored={"voice:product_name": "voice-pn"},
    ),
    Case("product_name", image(), "product_name", ["photos-ahead"]),  # kept for the photo step
    Case("description", T("अच्छा"), "description", ["err-description"]),
    Case(
        "description",
        V("voice-desc"),
        "price",
        ["voice-saved"],
        stored={"voice_file_id": "voice-desc"},
    ),
    # price and capacity: read as meant, echoed, asked when unclear
    Case("price", T("5 हजार"), "capacity", ["price-saved"], stored={"price": 5000}),
    Case("price", T("Rs. 1,200/-"), "capacity", ["price-saved"], stored={"price": 1200}),
    Case("price", T("डेढ़ हज़ार"), "capacity", ["price-saved"], stored={"price": 1500}),
    Case("price", T("1200-1500"), "price", [], ("amount", (1200, 1500)), stored={"price": None}),
    Case("price", T("0"), "price", ["err-amount-small"], stored={"price": None}),
    Case("price", T("-5"), "price", ["err-amount-negative"], stored={"price": None}),
    Case("price", T("१०००००००००"), "price", ["err-amount-large"], stored={"price": None}),
    Case("price", T("सस्ता"), "price", ["err-number"], stored={"price": None}),
    Case("price", V("voice-price"), "price", ["hint-price"], stored={"price": None}),
    Case("capacity", T("50 नग"), "photos", ["capacity-saved"], stored={"capacity": 50}),
    Case("capacity", T("30-40"), "capacity", [], ("amount", (30, 40)), stored={"capacity": None}),
    Case("capacity", T("पता नहीं"), "photos", stored={"capacity": None}),  # the skip, typed
    # other measures: a pair is a piece; a quintal's price is offered per kilo; others asked
    Case("price", T("100 रुपये जोड़ी"), "capacity", ["price-saved"], stored={"price_unit": None}),
    Case(
        "price",
        T("4000 रुपये क्विंटल"),
        "price",
        ["price-worked-out"],
        ("amount", (40,)),
        stored={"price": None},
    ),
    Case(
        "price",
        T("500 रुपये 10 किलो"),  # the price of ten kilos: a kilo's offered
        "price",
        ["price-worked-out"],
        ("amount", (50,)),
        stored={"price": None, "price_unit": "kilogram"},
    ),
    Case(
        "price",
        T("2 पीस 300 रुपये"),
        "price",
        ["price-worked-out"],
        ("amount", (150,)),
        stored={"price": None},
    ),
    Case("price", T("1 किलो 500 रुपये"), "capacity", ["price-saved"], stored={"price": 500}),
    Case("price", T("500 रुपये मीटर"), "price", ["err-measure-other"], stored={"price": None}),
    Case("price", T("1200 per sq ft"), "price", ["err-measure-other"], stored={"price": None}),
    Case(
        "price",
        T("दो सौ का पाव"),
        "price",
        ["price-worked-out"],
        ("amount", (800,)),
        stored={"price_unit": "kilogram"},
    ),
    Case("price", T("500 ग्राम 150 रुपये"), "price", ["price-worked-out"], ("amount", (300,))),
    Case("price", T("आधा किलो 100 रुपये"), "price", ["price-worked-out"], ("amount", (200,))),
    Case("price", T("एक का 1200"), "capacity", ["price-saved"], stored={"price": 1200}),
    Case("price", T("ek kurta 1000"), "capacity", ["price-saved"], stored={"price": 1000}),
    Case("price", T("एक या दो हज़ार"), "price", [], ("amount", (1000, 2000))),
    # found walking the bot as a toy maker and an amla maker
    Case("price", T("das khilone 500 rupaye"), "price", ["price-worked-out"], ("amount", (50,))),
    Case(
        "price", T("1200 kar do"), "capacity", ["price-saved"], stored={"price": 1200}
    ),  # do: give
    Case("price", T("mahine me 50 kilo"), "price", ["err-price-period"], stored={"price": None}),
    Case("capacity", T("aap likh do"), "capacity", ["err-number"], stored={"capacity": None}),
    Case("capacity", T("jitna order ho"), "photos", stored={"capacity": None}),  # skipped
    Case("phone", T("ok sir"), "phone", ["err-phone-digits"]),
    Case(
        "district",
        T("Kanpur city"),
        "craft",
        ["district-saved"],
        stored={"district": "Kanpur Nagar"},
    ),
    Case("craft", T("Allahabad"), "craft", ["err-craft-is-district"], stored={"craft": None}),
    Case(  # the kilo named without a number: the price is a kilo's, the 50 something else
        "price", T("40 rupaye kilo, 50 kilo minimum"), "price", [], ("amount", (40, 50))
    ),
    Case("price", T("50 kilo ka 40"), "price", [], ("amount", (50, 40))),  # not ₹0.80 a kilo
    Case("price", T("एक पीस 800 रुपए, दर्जन 9000"), "price", ["err-measure-mixed"]),
    Case("gstin", T("नहीं है।"), "summary", stored={"gstin": None}),
    # what a price is of, and a month's count in the same ("300 दर्जन" of pieces: 3,600)
    Case(
        "price",
        T("50 रु किलो"),
        "capacity",
        ["price-saved"],
        stored={"price": 50, "price_unit": "kilogram"},
    ),
    Case(
        "price",
        T("₹600 दर्जन"),
        "capacity",
        ["price-saved"],
        stored={"price": 600, "price_unit": "dozen"},
    ),
    Case(
        "price",
        T("1 किलो का 80"),
        "capacity",
        ["price-saved"],
        stored={"price": 80, "price_unit": "kilogram"},
    ),
    Case("capacity", T("300 दर्जन"), "photos", ["capacity-saved"], stored={"capacity": 3600}),
    Case(
        "capacity", T("50 किलो"), "capacity", ["err-capacity-measure"], stored={"capacity": None}
    ),
    Case("capacity", T("रोज 2 दर्जन"), "capacity", [], ("amount_month", (720,))),
    # photos: images only, big enough
    Case("photos", image(), "photos", [], ("photo_count", 1)),
    Case(
        "photos", image(width=200, height=150), "photos", ["err-photo-small"], ("photo_count", 0)
    ),
    Case("photos", T("फ़ोटो"), "photos", ["err-photo-text"]),
    Case("photos", flow.Other(video=True), "photos", ["err-photo-video"]),
    Case("photos", V("voice-photo"), "photos", ["err-photo-type"]),
    # the summary: typing there only explains
    Case("summary", T("ठीक है"), "summary", [], (flow.SUMMARY_HINT, None)),  # buttons, not it all
    Case("summary", T("900"), "summary", [], (flow.SUMMARY_HINT, None)),  # which answer? not said
    # ... unless it names one answer: changed (echoed), or that answer's question asked
    Case("summary", T("दाम 900 कर दो"), "summary", ["price-saved"], stored={"price": 900}),
    Case("summary", T("दाम दो सौ कर दो"), "summary", ["price-saved"], stored={"price": 200}),
    Case("summary", T("मोबाइल नंबर 9876543210 है"), "summary", ["phone-saved"]),
    Case("summary", T("नाम गलत है"), "name", [], stored={"editing": True}),
    # Hinglish asks, never stores its words as the name ("naam badlo" was the name "badlo")
    Case("summary", T("GST number hai"), "gstin", [], stored={"editing": True}),
    Case(
        "summary",
        T("mobile number galat hai aur GST bhi"),
        "summary",
        [],
        (flow.SUMMARY_HINT, None),
    ),  # two answers named: which? nothing changed
    # the price and the GST both named: which one? the two buttons, nothing changed
    Case("summary", T("daam 900 hai GST alag"), "summary", [], (flow.SUMMARY_HINT, None)),
    Case(  # "badal" is a name too: a change word, never cut from a name as a request word
        "summary",
        T("mera naam Ramesh Badal hai"),
        "summary",
        ["name-saved"],
        stored={"name": "Ramesh Badal"},
    ),
    Case("summary", T("naam badlo"), "name", [], stored={"editing": True, "name": "सुनीता देवी"}),
    Case("summary", T("naam change karna hai"), "name", [], stored={"editing": True}),
    Case("summary", T("naam me galti hai"), "name", [], stored={"editing": True}),
    Case("summary", T("naam badalna hai"), "name", [], stored={"editing": True}),
    Case("summary", T("नाम और मोबाइल गलत"), "summary", [], (flow.SUMMARY_HINT, None)),
    Case("summary", T("दाम 12"), "summary", ["price-saved"], stored={"price": 12}),
    Case(
        "summary",
        T("naam Abdul Rashid kar do"),
        "summary",
        ["name-saved"],
        stored={"name": "Abdul Rashid"},
    ),
    Case(
        "summary",
        T("papa ka naam Abdul Rasheed hai"),
        "summary",
        ["name-saved"],
        stored={"name": "Abdul Rasheed"},
    ),
    Case("summary", T("नाम सही है"), "summary", [], (flow.SUMMARY_HINT, None)),
    Case(
        "summary", T("सामान का नाम मिट्टी का घड़ा कर दो"), "summary", [], (flow.SUMMARY_HINT, None)
    ),
    Case("summary", T("number 2 photo hata do"), "summary", [], (flow.SUMMARY_HINT, None)),
    Case("summary", T("photo badalni hai"), "summary", [], ("photo_edits", None)),
    Case("summary", T("kaam galat hai"), "craft", [], stored={"editing": True}),
    Case("summary", T("sara kaam ho gaya"), "summary", [], (flow.SUMMARY_HINT, None)),
    Case(
        "summary",
        T("naam Ramesh Kumar karna hai"),
        "summary",
        ["name-saved"],
        stored={"name": "Ramesh Kumar"},
    ),
    # extras, reached from the summary
    Case("gstin", T("09abcde1234f1z5"), "summary", stored={"gstin": "09ABCDE1234F1Z5"}),
    Case("gstin", T("123"), "gstin", ["err-gstin"], stored={"gstin": None}),
    Case("udyam", T("UDYAM-UP-00-0000000"), "summary", stored={"udyam": "UDYAM-UP-00-0000000"}),
]


def stored(d: flow.Draft, name: str) -> Any:
    if name.startswith("voice:"):
        return (d.sub.voice_answers or {}).get(name.removeprefix("voice:"))
    return getattr(d.artisan if name in ARTISAN_FIELDS else d.sub, name)


def screen_of(out: flow.Outcome) -> tuple[str, Any] | None:
    return (out.screen.kind, out.screen.arg) if out.screen else None


@pytest.mark.parametrize(
    ("reason", "field"),
    [("फ़ोटो में काम साफ़ नहीं दिख रहा", None), ("अपने काम के बारे में थोड़ा और लिखें", None),
     ("daam ek khilone ka likhiye", "price"), ("GST number galat hai", "gstin")],
)  # fmt: skip
def test_a_reviewer_s_typed_reason_opens_the_answer_it_names(
    reason: str, field: str | None
) -> None:
    """ "kaam" in a reason is the product's making, not the artisan's craft to pick again."""
    assert flow.fix_field(reason) == field


@pytest.mark.parametrize("typed", ["namaste", "?"])
async def test_text_at_the_photo_question_with_photos_kept_shows_them_and_done(
    session: AsyncSession, typed: str
) -> None:
    """With 5 of 5 kept, "?" was told "this is not a photo, send 1 to 5"."""
    d = await draft_at(session, "photos", photos=5)
    out = await flow.answer(d, T(typed))
    assert out.says == [] and screen_of(out) == ("photo_count", 5)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_artisan_answers_a_step_and_the_flow_moves_as_the_table_says(
    session: AsyncSession, case: Case
) -> None:
    d = await draft_at(session, case.step, editing=case.step in reg.OPTIONAL_STEPS)
    out = await flow.answer(d, case.given)
    assert [s.key for s in out.says] == case.says
    assert screen_of(out) == case.screen
    assert d.sub.step == case.then
    for name, value in case.stored.items():
        assert stored(d, name) == value, name


# --- step numbers ---


@pytest.mark.parametrize(
    ("first", "step", "label"),
    [
        ("name", "name", (1, 9)),
        ("name", "phone", (2, 9)),
        ("name", "district", (3, 9)),
        ("name", "craft", (4, 9)),
        ("name", "description", (6, 9)),
        ("name", "capacity", (8, 9)),
        ("name", "photos", (9, 9)),
        ("name", "summary", None),
        ("name", "gstin", None),
        ("craft", "craft", (1, 6)),
        ("craft", "price", (4, 6)),
        ("craft", "photos", (6, 6)),
        ("craft", "summary", None),
    ],
)
def test_step_label_counts_the_prompts_this_draft_shows(
    first: str, step: str, label: tuple[int, int] | None
) -> None:
    assert reg.step_number(Submission(first_step=first), step) == label


# --- starting drafts ---


async def test_first_product_starts_at_the_name_and_a_second_at_the_craft(
    session: AsyncSession,
) -> None:
    artisan = Artisan(telegram_id=USER_ID, consent_at=utcnow())
    session.add(artisan)
    await session.flush()
    first = await flow.start_new(session, artisan)
    assert first is not None and (first.step, first.first_step) == ("name", "name")
    artisan.name, artisan.phone, artisan.district = "सुनीता देवी", "+919876543210", "Gorakhpur"
    first.step = "craft"  # the name, phone and district answered in it
    second = await flow.start_new(session, artisan)
    assert second is not None and (second.step, second.first_step) == ("craft", "craft")
    assert second.district == "Gorakhpur" and artisan.active_submission_id == second.id
    assert await flow.start_new(session, artisan) is second  # nothing in it yet: reused
    second.product_name = "Diya"
    artisan.craft = "Terracotta"  # a product sent before: its work is the next one's
    third = await flow.start_new(session, artisan)
    assert third is not None and (third.step, third.craft) == ("product_name", "Terracotta")


async def test_a_sixth_open_draft_is_refused(session: AsyncSession) -> None:
    artisan = Artisan(telegram_id=USER_ID, consent_at=utcnow())
    session.add(artisan)
    await session.flush()
    for i in range(reg.MAX_OPEN_DRAFTS):
        draft = await flow.start_new(session, artisan)
        assert draft is not None
        draft.product_name = f"product {i}"  # begun: a draft with nothing in it is reused
    kept = artisan.active_submission_id
    assert await flow.start_new(session, artisan) is None
    assert artisan.active_submission_id == kept
    drafts = await session.scalars(select(Submission).where(Submission.artisan_id == artisan.id))
    assert len(list(drafts)) == reg.MAX_OPEN_DRAFTS


# --- buttons ---


async def test_a_price_given_again_per_kilo_asks_the_month_again(session: AsyncSession) -> None:
    """300 a month were pieces: counted in kilos now, they would be wrong. Asked again, and
    then back to the summary."""
    d = await draft_at(session, "price", editing=True, capacity=300)
    out = await flow.answer(d, flow.Text("60 रु किलो"))
    assert (d.sub.price, d.sub.price_unit, d.sub.capacity, d.sub.step) == (
        60,
        "kilogram",
        None,
        "capacity",
    )
    assert [s.key for s in out.says] == ["price-saved"]
    await flow.answer(d, flow.Text("200"))
    assert (d.sub.capacity, d.sub.step) == (200, "summary")


@pytest.mark.parametrize("typed", ["1 jar 200", "ek dabba 200 ka", "200 रुपये एक शीशी"])
async def test_a_price_of_a_jar_of_a_product_sold_by_the_kilo_is_a_pieces(
    session: AsyncSession, typed: str
) -> None:
    """Honey is sold by the kilo, but "1 jar 200" is ₹200 for the jar: a piece, not a kilo."""
    d = await draft_at(session, "price")
    d.sold_by = "kilogram"
    await flow.answer(d, flow.Text(typed))
    assert (d.sub.price, d.sub.price_unit, d.sub.step) == (200, None, "capacity")


async def test_a_month_in_quintals_of_a_product_priced_per_kilo_is_counted_in_kilos(
    session: AsyncSession,
) -> None:
    d = await draft_at(session, "capacity", price=40, price_unit="kilogram")
    out = await flow.answer(d, flow.Text("महीने में 20 क्विंटल"))
    assert (d.sub.capacity, d.sub.step) == (2000, "photos")
    assert [(s.key, s.args) for s in out.says] == [
        ("capacity-saved", {"value": 2000, "measure": "kilogram"})
    ]


async def test_a_price_range_in_another_unit_leaves_no_old_price_of_the_new_unit(
    session: AsyncSession,
) -> None:
    d = await draft_at(session, "price", editing=True, price=500)
    await flow.answer(d, flow.Text("60-70 रु किलो"))
    assert (d.sub.price, d.sub.price_unit) == (None, "kilogram")  # not "₹500 / kilo"
    flow.choose_amount(d, "price", 70)
    assert (d.sub.price, d.sub.price_unit) == (70, "kilogram")


async def test_a_photo_sent_while_changing_an_answer_is_kept_and_the_answer_still_waits(
    session: AsyncSession,
) -> None:
    """The price being changed is not dropped for the photo step (the next "₹50" was then
    refused as no photo); at five photos there is no "done" to point to."""
    d = await draft_at(session, "price", editing=True, photos=2)
    out = await flow.answer(d, image())
    assert screen_of(out) == (flow.PROMPT, None) and (d.sub.step, d.sub.editing) == ("price", True)
    assert [s.key for s in out.says] == ["photos-ahead"]


async def test_a_sixth_photo_while_changing_an_answer_says_so_without_a_done_button(
    session: AsyncSession,
) -> None:
    d = await draft_at(session, "price", editing=True, photos=5)
    out = await flow.answer(d, image("sixth"))
    assert [s.key for s in out.says] == ["photos-ahead-full"] and d.sub.step == "price"


async def test_amount_button_stores_the_chosen_amount(session: AsyncSession) -> None:
    d = await draft_at(session, "price")
    out = flow.choose_amount(d, "price", 1500)
    said = [(s.key, s.args, s.ack) for s in out.says]
    assert said == [("price-saved", {"value": 1500, "measure": None}, True)]
    assert (d.sub.price, d.sub.step) == (1500, "capacity")


@pytest.mark.parametrize(("step", "value"), [("price", 0), ("price", None), ("price", 10**9),
                                             ("name", 1500), ("photos", 5)])  # fmt: skip
async def test_amount_button_out_of_place_changes_nothing(
    session: AsyncSession, step: str, value: int | None
) -> None:
    d = await draft_at(session, step)
    before = (d.sub.price, d.sub.capacity)
    out = flow.choose_amount(d, step, value)
    assert screen_of(out) == (flow.PROMPT, None) and not out.says
    assert (d.sub.price, d.sub.capacity, d.sub.step) == (*before, step)


async def test_a_price_button_pressed_at_the_month_question_is_stale(
    session: AsyncSession,
) -> None:
    """The buttons of "1200-1500", pressed after the price was typed instead: no month of
    1,500 pieces."""
    d = await draft_at(session, "capacity", price=2000)
    out = flow.choose_amount(d, "price", 1500)
    assert [s.key for s in out.says] == ["button-stale"]
    assert (d.sub.price, d.sub.capacity, d.sub.step) == (2000, None, "capacity")


async def test_profile_name_button_answers_the_name_step(session: AsyncSession) -> None:
    d = await draft_at(session, "name")
    flow.set_name(d, "Sunita Devi")
    assert (d.artisan.name, d.sub.step) == ("Sunita Devi", "phone")


async def test_profile_name_button_pressed_later_changes_nothing(session: AsyncSession) -> None:
    d = await draft_at(session, "price")
    out = flow.set_name(d, "Someone Else")
    assert screen_of(out) == (flow.PROMPT, None)
    assert (d.artisan.name, d.sub.step) == ("सुनीता देवी", "price")


async def test_a_pin_on_a_border_asks_and_the_press_keeps_the_pin(session: AsyncSession) -> None:
    d = await draft_at(session, "district")
    await flow.answer(d, flow.Text("247771"))
    flow.set_district(d, "Shamli")
    assert (d.artisan.district, d.artisan.pin, d.sub.step) == ("Shamli", "247771", "craft")


async def test_a_district_the_pin_does_not_serve_drops_the_pin(session: AsyncSession) -> None:
    d = await draft_at(session, "district", pin="273001")
    flow.set_district(d, "Lucknow")
    assert (d.artisan.district, d.artisan.pin) == ("Lucknow", None)


async def test_changing_the_district_from_the_summary_asks_the_craft_again(
    session: AsyncSession,
) -> None:
    d = await draft_at(session, "summary")
    await flow.edit(d, "district")
    assert (d.sub.step, d.sub.editing) == ("district", True)
    flow.set_district(d, "Lucknow")
    assert (d.sub.step, d.sub.craft, d.artisan.district) == ("craft", None, "Lucknow")
    flow.set_craft(d, "चिकनकारी")
    assert d.sub.step == "summary"


async def test_back_from_the_craft_a_district_change_took_goes_back_to_the_district(
    session: AsyncSession,
) -> None:
    """Back went to the summary with the work shown as "—" until the submit asked for it."""
    d = await draft_at(session, "summary")
    await flow.edit(d, "district")
    flow.set_district(d, "Lucknow")
    flow.back(d, "craft")
    assert (d.sub.step, d.sub.editing) == ("district", True)
    flow.set_district(d, "Lucknow")  # the same district again: its work is still to choose
    assert (d.sub.step, d.sub.craft) == ("craft", None)
    flow.set_craft(d, "चिकनकारी")
    assert (d.sub.step, d.sub.craft, d.sub.editing) == ("summary", "चिकनकारी", False)


async def test_an_edit_returns_to_the_summary(session: AsyncSession) -> None:
    d = await draft_at(session, "summary")
    await flow.edit(d, "price")
    out = await flow.answer(d, flow.Text("950"))
    assert [s.key for s in out.says] == ["price-saved"]
    assert (d.sub.price, d.sub.step, d.sub.editing) == (950, "summary", False)


async def test_a_typed_answer_replaces_the_spoken_one(session: AsyncSession) -> None:
    d = await draft_at(session, "summary", voice_answers={"name": "v1", "craft": "v2"})
    await flow.edit(d, "name")
    await flow.answer(d, flow.Text("सुनीता कुमारी"))
    assert d.sub.voice_answers == {"craft": "v2"} and d.artisan.name == "सुनीता कुमारी"


async def test_back_from_the_phone_removes_its_keyboard(session: AsyncSession) -> None:
    d = await draft_at(session, "phone")
    out = flow.back(d, "phone")
    assert [(s.key, s.drop_keyboard) for s in out.says] == [("going-back", True)]
    assert d.sub.step == "name" and d.artisan.name == "सुनीता देवी"


async def test_back_from_the_first_step_stays(session: AsyncSession) -> None:
    d = await draft_at(session, "name")
    flow.back(d, "name")
    assert d.sub.step == "name"


async def test_back_pressed_on_an_old_prompt_changes_nothing(session: AsyncSession) -> None:
    d = await draft_at(session, "price")
    flow.back(d, "craft")
    assert d.sub.step == "price"


async def test_skipping_the_capacity_goes_to_the_photos(session: AsyncSession) -> None:
    d = await draft_at(session, "capacity")
    flow.skip(d, "capacity")
    assert (d.sub.capacity, d.sub.step) == (None, "photos")


async def test_skip_cannot_skip_a_required_step(session: AsyncSession) -> None:
    d = await draft_at(session, "price")
    flow.skip(d, "price")
    assert d.sub.step == "price"


# --- photos ---


async def test_done_needs_a_photo(session: AsyncSession) -> None:
    d = await draft_at(session, "photos")
    await flow.photos_done(d)
    assert d.sub.step == "photos"
    await flow.answer(d, image())
    await flow.photos_done(d)
    assert d.sub.step == "summary"


async def test_the_same_photo_twice_is_kept_once(session: AsyncSession) -> None:
    d = await draft_at(session, "photos")
    await flow.answer(d, image("same"))
    out = await flow.answer(d, image("same"))
    assert screen_of(out) == ("photo_count", 1) and not out.photo_saved


async def test_a_sixth_photo_is_refused(session: AsyncSession) -> None:
    d = await draft_at(session, "photos", photos=reg.MAX_PHOTOS)
    out = await flow.answer(d, image())
    assert [s.key for s in out.says] == ["err-photo-limit"]
    assert screen_of(out) == ("photo_count", reg.MAX_PHOTOS)


async def test_photo_storage_is_limited_per_artisan(session: AsyncSession) -> None:
    d = await draft_at(session, "photos")
    for _ in range(reg.MAX_STORED_PHOTOS // reg.MAX_PHOTOS):
        old = Submission(artisan_id=d.artisan.id, state=State.PENDING)
        session.add(old)
        await session.flush()
        session.add_all(photo(old.id, i) for i in range(reg.MAX_PHOTOS))
    await session.flush()
    out = await flow.answer(d, image())
    assert [s.key for s in out.says] == ["err-photo-storage"]
    assert screen_of(out) == ("photo_count", 0)


async def test_an_album_photo_is_answered_once_for_the_album(session: AsyncSession) -> None:
    d = await draft_at(session, "photos")
    out = await flow.answer(d, flow.Image("f", "u", 1280, 960, "image/jpeg", album="g1"))
    assert screen_of(out) == ("album", ("g1", None, 1)) and out.photo_saved


async def test_add_photos_from_the_summary_keeps_the_photos(session: AsyncSession) -> None:
    d = await draft_at(session, "summary", photos=2)
    await flow.edit(d, "photos")
    assert (d.sub.step, d.sub.editing) == ("photos", True)
    out = await flow.answer(d, image())
    assert screen_of(out) == ("photo_count", 3)
    await flow.photos_done(d)
    assert d.sub.step == "summary"


async def test_add_photos_when_full_says_so(session: AsyncSession) -> None:
    d = await draft_at(session, "summary", photos=reg.MAX_PHOTOS)
    out = await flow.edit(d, "photos")
    assert [s.key for s in out.says] == ["err-photo-full"] and d.sub.step == "summary"


async def test_replacing_photos_asks_first_and_keeps_them(session: AsyncSession) -> None:
    d = await draft_at(session, "summary", photos=2)
    out = await flow.replace_photos(d, sure=False)
    assert screen_of(out) == ("replace_photos", None) and d.sub.step == "summary"
    assert await reg.photo_count(session, d.sub.id) == 2


async def test_replacing_photos_removes_them_and_their_files(session: AsyncSession) -> None:
    d = await draft_at(session, "summary")
    d.media_dir = Path("/media")
    session.add_all([photo(d.sub.id, 0, "a.jpg"), photo(d.sub.id, 1, None)])
    await session.flush()
    out = await flow.replace_photos(d, sure=True)
    assert [s.key for s in out.says] == ["photos-cleared"]
    assert out.remove_files == [Path("/media/a.jpg")]
    assert (d.sub.step, d.sub.editing) == ("photos", True)
    assert await reg.photo_count(session, d.sub.id) == 0


# --- the summary and submitting ---


async def test_summary_screens_open_only_from_the_summary(session: AsyncSession) -> None:
    d = await draft_at(session, "summary")
    for screen in ("edits", "photo_edits", "extras"):
        assert screen_of(flow.open_edits(d, screen)) == (screen, None)
    assert screen_of(flow.open_edits(d, "bogus")) == (flow.PROMPT, None)
    d.sub.step = "price"
    assert screen_of(flow.open_edits(d, "edits")) == (flow.PROMPT, None)


async def test_submit_with_something_missing_goes_there(session: AsyncSession) -> None:
    d = await draft_at(session, "summary", photos=0)
    out = await flow.submit(d)
    assert [s.key for s in out.says] == ["submit-incomplete"]
    assert d.sub.step == "photos" and d.sub.state == State.DRAFT


async def test_a_missing_answer_given_at_submit_returns_to_the_summary(
    session: AsyncSession,
) -> None:
    """The craft emptied by a district changed from the summary: once given, every later
    question was asked again (each "keep it" pressed) before the summary came back."""
    d = await draft_at(session, "summary", photos=1, craft=None)
    await flow.submit(d)
    assert d.sub.step == "craft"
    out = await flow.answer(d, T("मिट्टी के बर्तन"))
    assert d.sub.step == "summary" and "craft-saved" in [s.key for s in out.says]


async def test_submit_sends_the_draft_for_review(session: AsyncSession) -> None:
    d = await draft_at(session, "summary", photos=1)
    out = await flow.submit(d)
    assert screen_of(out) == ("submitted", (d.sub.reference, "submitted"))
    assert d.sub.state == State.PENDING and d.sub.step is None
    assert d.artisan.active_submission_id is None
    assert d.sub.last_snapshot is not None
    assert d.sub.last_snapshot["fields"]["name"] == "सुनीता देवी"


async def test_voice_answers_count_as_given_when_submitting(session: AsyncSession) -> None:
    d = await draft_at(session, "summary", photos=1, name=None, craft=None,
                       voice_answers={"name": "v1", "craft": "v2"})  # fmt: skip
    out = await flow.submit(d)
    assert screen_of(out) == ("submitted", (d.sub.reference, "submitted"))


async def test_a_name_change_sends_approved_products_back_to_review(
    session: AsyncSession,
) -> None:
    d = await draft_at(session, "summary", photos=1)
    approved = Submission(artisan_id=d.artisan.id, state=State.APPROVED, product_name="दीया")
    approved.last_snapshot = reg.snapshot(approved, d.artisan, ["u1"])
    listed = Submission(artisan_id=d.artisan.id, state=State.LISTED, product_name="घड़ा")
    listed.last_snapshot = reg.snapshot(listed, d.artisan, [])
    session.add_all([approved, listed])
    await session.flush()
    await flow.edit(d, "name")
    await flow.answer(d, flow.Text("सुनीता कुमारी"))
    await flow.submit(d)
    assert (approved.state, listed.state) == (State.PENDING, State.PENDING)
    assert approved.last_snapshot["changed"] == ["name"]
    assert approved.last_snapshot["fields"]["photos"] == ["u1"]


async def test_an_unchanged_name_leaves_approved_products_alone(session: AsyncSession) -> None:
    d = await draft_at(session, "summary", photos=1)
    approved = Submission(artisan_id=d.artisan.id, state=State.APPROVED)
    approved.last_snapshot = reg.snapshot(approved, d.artisan, [])
    session.add(approved)
    await session.flush()
    await flow.submit(d)
    assert approved.state == State.APPROVED


async def test_a_price_changed_at_the_summary_keeps_what_it_is_of(session: AsyncSession) -> None:
    """ "daam 60 kar do" of a kilo's price became ₹60 a piece and dropped the month's count."""
    d = await draft_at(session, "summary", price=50, price_unit="kilogram", capacity=200)
    out = await flow.answer(d, flow.Text("दाम 60 कर दो"))
    assert [s.key for s in out.says] == ["price-saved"]
    assert (d.sub.price, d.sub.price_unit, d.sub.capacity, d.sub.step) == (
        60,
        "kilogram",
        200,
        "summary",
    )
