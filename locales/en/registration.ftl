# The artisan's registration: short, one question a message, an example where typing is asked.
welcome-consent =
    🙏 Namaste! I help you register for Uttar Pradesh's <b>One District One Product (ODOP)</b> scheme.

    I will ask your name, mobile number, district, your work and photos of your product. The District Industries Centre checks it, and then your product can be sold online.

    Shall we start?
consent-declined = No problem. Nothing about you was kept. Press /start whenever you want to come back.
consent-thanks = Thank you! Let's begin.
welcome-back = 🙏 Namaste { $name }! What would you like to do?
welcome-back-unnamed = 🙏 Namaste! What would you like to do?
menu-hint = Choose what to do with the buttons below — to ask something, press 🙋 Help.
menu-photo = This photo was not kept with any product. For a new product, press "➕ New product". To change a photo of a product already sent, press 🙋 Help and tell us.
summary-already-sent = This product has already been sent for review ✅ To change something in it now, press 🙋 Help and tell us.
new-product = Let's add a new product.
new-product-craft = Let's add a new product — work: { $craft }. For another kind of work, press "⬅️ Back".
drafts-limit = You have { $max } unfinished products. Finish one of them first — press "Continue".
step-label = <b>Step { $n }/{ $total }</b>
ask-name =
    What is your full name?
    Type it, e.g.: Ramu Prajapati — or send a 🎤 voice note.
ask-phone =
    Your mobile number?
    Press "📱 Send my number" below, or type it, e.g.: 98765 43210
ask-district =
    Which district do you live in?
    Type the district or your PIN code, e.g.: Gorakhpur or 273001
ask-division = Choose your division:
ask-district-in = Districts of { $division } division:
ask-craft =
    What work do you do?
    Your district's ODOP work: <b>{ $odop }</b>. Press a button, or "Something else" to tell us.
ask-craft-other = Type your work, e.g.: clay pottery — or send a 🎤 voice note.
ask-product-name =
    Which product do you want to sell?
    Type its name, e.g.: terracotta elephant — or send a 🎤 voice note.
ask-description =
    Tell us 2–3 things about it: what it is made of, how big it is.
    Type, or send a 🎤 voice note.
ask-price =
    The price of { $measure ->
        [piece] one piece
       *[other] one { $unit }
    }, in rupees?
    Type it, e.g.: 1200 or 5 thousand
ask-capacity =
    How many { $unit } can you make in a month?
    Type it, e.g.: 50 — not sure? Press "Skip".
ask-photos =
    Send 1 to { $max } clear photos of the product — in good light, from close by.
    So far: { $count }/{ $max }
ask-gstin = Type your GSTIN, e.g.: 09ABCDE1234F1Z5 — none? Press "Skip".
ask-udyam = Type your Udyam number, e.g.: UDYAM-UP-00-0000000 — none? Press "Skip".
ask-pehchan = Type your artisan Pehchan card number — none? Press "Skip".
hint-dont-know = That's all right — a rough answer will do, or send a 🎤 voice note. To ask someone, press 🙋 Help.
hint-dont-know-price = That's all right — type a rough price, e.g.: 500. To ask someone, press 🙋 Help.
err-price-at-product_name = That looks like a price — this question asks for the product's name.
err-price-at-description = That looks like a price — this question asks about the product.
err-price-at-capacity = That looks like a price. To change the price, press "✏️ Change something" once everything is filled in.
err-price-at-photos = To change the price, press "✏️ Change something" after the photos.
hint-name = Type your name, or send a 🎤 voice note.
hint-someone-types = All right — hand the phone to whoever will type. The question is:
hint-phone = Press "📱 Send my number" below, or type the number.
hint-district = Type your district's name or PIN code.
hint-craft = Press a button, or type your work.
hint-product-name = Type the product's name, or send a 🎤 voice note.
hint-description = Type something about the product, or send a 🎤 voice note.
hint-price = Type the price, e.g.: 1200 or 5 thousand
hint-capacity = Type a number, e.g.: 50 — or press "Skip".
hint-summary = Check your details above. If all is right, press "✅ All right, submit"; to change something, "✏️ Change something".
err-name-chars = Use only letters in your name, no digits or signs.
err-name-length = That doesn't look like a full name.
err-name-sentence = Type only the name, e.g.: Ramu Prajapati
err-name-phone = That looks like a mobile number — I'll ask for it next. First the name, e.g.: Ramu Prajapati
err-name-is-district = That looks like a district — I'll ask for it next. First type your full name, e.g.: Ramu Prajapati
err-phone = That number looks incomplete — a 10-digit mobile number is needed.
err-phone-not-mobile = That does not look like a mobile number — mobile numbers start with 6, 7, 8 or 9. Type your mobile number.
err-phone-digits = Type the mobile number in digits, e.g.: 98765 43210 — or press "📱 Send my number" below.
err-phone-many = That is two numbers — type your one mobile number.
err-phone-not-own = That is someone else's number. Press "📱 Send my number" to send your own.
err-number = I didn't understand that. Type one number, e.g.: 1200 or 5 thousand
err-amount-small = That is less than 1. Type a whole number, e.g.: 1200
err-amount-negative = Leave out the minus sign (-). Type just the number, e.g.: 1200
err-amount-large = That number is very large. Please check and type it again, e.g.: 1200
amount-which = Which one do you mean? Tap it, or type it again.
amount-confirm = So, this much? Tap it if right, or type it again.
amount-per-month = That makes about this many { $unit } in a month. Tap it if right, or type the month's count.
err-measure-other = I can't take that measure yet — write it per piece, dozen or kilo, e.g.: 500 a piece
err-measure-mixed = Write it one way only — per piece, per dozen or per kilo, e.g.: 900 a dozen
err-price-period = That looks like the month's count — first the price: press the button above, or type the price.
price-worked-out = “{ $typed }” = { price-amount }
price-saved = Price: { price-amount } ✅
capacity-saved = Per month: { $value } { $unit } ✅
err-capacity-measure = The price is for one { $unit }, so count in { $unit } too — or press "⬅️ Back" and give the price per { $said ->
        [kilogram] kilo
        [dozen] dozen
       *[piece] piece
    }.
# An amount's price ("₹1,200", "₹50 / kg") and what a count is of (bot/services/amounts.py MEASURES).
price-amount = ₹{ $value }{ $measure ->
        [piece] {""}
       *[other] {" "}/ { $unit }
    }
unit-piece = pieces
unit-kilogram = kg
unit-dozen = dozen
err-craft = Tell us your work a little more clearly, e.g.: clay pottery — or send a 🎤 voice note.
err-craft-is-district = That is a district's name. To change your district, press "⬅️ Back" — otherwise type your work, e.g.: clay pottery
err-product-name = Type the product's name, e.g.: terracotta elephant — or send a 🎤 voice note.
err-description = Tell us a little more — at least one full line, or send a 🎤 voice note.
caption-taken-product_name = Took the name written under the photo: { $value } ✅
caption-taken-description = Took what was written under the photo as its description ✅
err-too-long = That is too long — shorten it to the main points, or send a 🎤 voice note.
err-gstin = That GSTIN looks incomplete. Copy it from your certificate, e.g.: 09ABCDE1234F1Z5 — or press "Skip".
err-udyam = That Udyam number looks incomplete. Write it like: UDYAM-UP-00-0000000 — or press "Skip".
err-pehchan = That card number looks incomplete. Copy it from the card — or press "Skip".
err-district-unknown = I couldn't find that district. Type the name again, or press "📋 Choose from list".
err-district-outside = { $place } is not in Uttar Pradesh. This service is only for Uttar Pradesh's artisans — if your home is in UP, type its district.
err-pin-unknown = That PIN code is not one of Uttar Pradesh's. Type your district's name, or press "📋 Choose from list".
district-did-you-mean = Is your district one of these?
district-is-it = Is this your district?
district-which-of-pin = Which district is yours for this PIN code?
name-saved = Name: <b>{ $name }</b> ✅
district-saved = District: <b>{ $district }</b> ✅
district-town = { $place } is in <b>{ $district }</b> district.
craft-saved = Work: <b>{ $craft }</b> ✅
phone-saved = Got your number: { $phone } ✅
voice-saved = 🎤 Got your voice note ✅ The office will listen and write it down.
going-back = Going back.
err-photo-video = A video won't do — please send a photo of the product.
err-photo-type = That is not a photo. Press 📎 and send a photo of the product from your gallery or camera.
err-photo-text = A photo of the product is needed here: press 📎 and send one from the gallery or the camera.
err-photo-first = First send at least one photo, then press "✅ Done".
err-photo-small = This photo is too small. Go closer, in good light, and take it again.
err-photo-limit = I kept the first { $max } photos, not the ones after — { $max } is the most I can keep. To replace them all, press "✏️ Change something" at the end, then the photos.
err-photo-full = That is { $max } photos already. To send new ones, press "🔄 Replace all photos".
err-photo-storage = You have many photos stored with us. Please talk to the District Industries Centre about older products.
photos-ahead = 📷 { $many ->
        [yes] Got your photos ✅ They are kept with your product.
       *[no] Got your photo ✅ It is kept with your product.
    }
photos-ahead-full = I already have { $max } photos, the most I can keep.
photos-received = Got { $count }/{ $max } photos ✅ Send more, or press "✅ Done".
photos-full = Got { $max }/{ $max } photos ✅ Now press "✅ Done".
photos-cleared = Removed the old photos.
photos-replace-sure = Remove all photos and send new ones? Sure?
edit-choose = What do you want to change?
edit-photos = What about the photos?
edit-extras = These are not required — add them if you have them:
summary-body =
    <b>Please check: is everything right?</b>
    👤 Name: { $name }
    📱 Mobile: { $phone }
    📍 District: { $district }
    🛠 Work: { $craft }
    🏺 Product: { $product }
    📝 About it: { $description }
    💰 Price: { $price }
    📦 Per month: { $capacity }
    📷 Photos: { $photos }
summary-gstin = GSTIN: { $value }
summary-udyam = Udyam number: { $value }
summary-pehchan = Pehchan card: { $value }
summary-no-extras = (GSTIN, Udyam, Pehchan card — if you have them, add them with "✏️ Change something")
fix-reason = ✏️ <b>Needs a change:</b> { $reason }
fix-field = 👉 Fix this: <b>{ $field }</b> — press "✏️ Change something".
fix-field-done = ✅ <b>{ $field }</b> changed. If all is right, press "✅ All right, submit".
fix-photos-added = ✅ The new photos are added, but the old ones are still there. To remove the old ones, press "✏️ Change something" → "📷 Photos".
fix-unchanged-sure = You haven't changed anything yet. Send it as it is anyway?
value-voice = 🎤 (voice note)
submit-incomplete = Something is still missing — please fill this in first.
submitted =
    ✅ Submitted! Your application number: <b>{ $ref }</b> (please note it down)
    The District Industries Centre will check it. I'll tell you here as soon as they decide — until then, press /status to see where it is.
submitted-again =
    ✅ Submitted again with your changes. Application number: <b>{ $ref }</b>
    I'll tell you here once it has been checked.
submitted-as-is =
    ✅ Submitted again. Application number: <b>{ $ref }</b>
    I'll tell you here once it has been checked.
status-none = You have no products registered yet.
status-title = <b>Your products:</b>
status-line = { $ref } · { $product } · <b>{ $state }</b>
status-product-new = a new product, no name yet
status-reason = Reason: { $reason }
state-draft = unfinished
state-pending = being checked
state-changes_requested = changes needed
state-approved = approved ✅
state-rejected = not accepted ❌
state-listed = on sale online ✅
mydata =
    <b>What I hold about you:</b>
    Name: { $name }
    Mobile: { $phone }
    District: { $district }
    Work: { $craft }
    Language: { $language }
    Notices: { $notices }
    Consent given: { $consent }
mydata-none = I hold no data about you.
delete-confirm = Do you really want to delete all your data, products and photos? This cannot be undone.
delete-kept = OK, nothing was deleted.
delete-done = All your data has been deleted. Press /start to join again.
reminder = 🙏 Your registration is unfinished. Press "Continue" to go on from where you stopped.
consent-hint = To begin, press "✅ Yes, let's start" below.
btn-consent-yes = ✅ Yes, let's start
btn-consent-no = ❌ No
btn-back = ⬅️ Back
btn-share-phone = 📱 Send my number
btn-other-division = ⬅️ Another division
btn-pick-from-list = 📋 Choose from list
btn-craft-other = ✏️ Something else
btn-keep-answer = ✅ Keep this
keep-now = Given before: { $value }
btn-skip = ⏭ Skip
btn-photos-done = ✅ Done
btn-profile-name = 👤 { $name }
btn-amount-price = { price-amount }
btn-amount-capacity = { $value } { $unit }
btn-submit = ✅ All right, submit
btn-submit-anyway = ✅ Send anyway
btn-change = ✏️ Change something
btn-edit-name = Name
btn-edit-phone = Mobile
btn-edit-district = District
btn-edit-craft = Work
btn-edit-product_name = Product name
btn-edit-description = About the product
btn-edit-price = Price
btn-edit-capacity = Made a month
btn-edit-photos = 📷 Photos
btn-extras = ➕ GST, Udyam…
btn-edit-gstin = GSTIN
btn-edit-udyam = Udyam number
btn-edit-pehchan = Pehchan card
btn-photos-add = ➕ More photos
btn-photos-replace = 🔄 Replace all photos
btn-photos-replace-yes = ✅ Yes, replace
btn-keep = Keep them
btn-continue = ▶️ Continue
btn-new-product = ➕ New product
btn-status = 📋 My products
btn-fix = ✏️ Make changes
btn-delete-yes = 🗑 Yes, delete
btn-delete-no = Keep it
