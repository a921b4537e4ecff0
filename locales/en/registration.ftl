welcome-consent =
    🙏 Namaste! This is the registration bot of Uttar Pradesh's <b>One District One Product (ODOP)</b> scheme.

    We will ask for your name, mobile number, district, craft, product details and photos.
    The district ODOP cell checks them, then your product is listed on online marketplaces.

    Do you agree?
consent-declined = No problem. Nothing about you was kept. Press /start whenever you want to come back.
consent-thanks = Thank you! Let's begin.
welcome-back = 🙏 Namaste { $name }! What would you like to do?
menu-hint = Choose what to do with the buttons below.
new-product = Let's add a new product.
step-label = <b>Step { $n }/{ $total }</b>
ask-name = What is your full name?
ask-phone = Your mobile number? Press "📱 Send my number" below or type the 10 digits.
ask-district = Choose your district — first the division, or type the district's name.
ask-district-in = Districts of { $division } division:
ask-craft = Your district's ODOP product: <b>{ $odop }</b>. Choose your craft, or press "Something else" and type it.
ask-craft-other = Type your craft (for example: pottery, chikankari).
ask-product-name = Type the product's name (for example: terracotta horse).
ask-description = Describe the product in 2–3 lines, or send a 🎤 voice note.
ask-price = Price of one piece in rupees? (for example: 1200)
ask-capacity = How many pieces can you make in a month? (for example: 50) — press "Skip" if you don't know.
ask-photos = Send 1 to { $max } clear photos of the product. So far: { $count }/{ $max }
ask-gstin = Type your GSTIN (15 characters), or press "Skip".
ask-udyam = Type your Udyam registration number (UDYAM-UP-00-0000000), or press "Skip".
ask-pehchan = Type your Handicraft Pehchan card number, or press "Skip".
hint-name = Please type your name in letters.
hint-phone = Please press "📱 Send my number" or type the number.
hint-district = Please choose the district with the buttons or type its name.
hint-craft = Please choose your craft with the buttons or type its name.
hint-product-name = Please type the product's name.
hint-description = Please type a description or send a voice note.
hint-price = Please type the price in digits, for example 1200.
hint-capacity = Please type a number, for example 50 — or press "Skip".
hint-summary = Check the details above: press a button to change something, or "✅ Submit" when all is right.
err-name-chars = A name has only letters — no digits or symbols.
err-name-length = A name has { $min } to { $max } letters.
err-phone = That does not look like a mobile number. Type the 10 digits starting with 6, 7, 8 or 9.
err-phone-not-own = That is someone else's number. Please use the "📱 Send my number" button to send your own.
err-number = I could not read that number. Type one amount in digits, for example 1200.
err-price-range = The price must be between 1 and { $max } rupees.
err-capacity = Please type a whole number between 1 and { $max }.
err-craft = Please type a craft name of { $min } to { $max } characters.
err-product-name = Please type a product name of { $min } to { $max } characters.
err-description = Please write { $min } to { $max } characters — or send a voice note.
err-gstin = That GSTIN does not look right (15 characters, like 09ABCDE1234F1Z5).
err-udyam = That Udyam number does not look right (like UDYAM-UP-00-0000000).
err-pehchan = That Pehchan card number does not look right (6 to 30 letters or digits).
err-district-unknown = I could not find that district. Please choose it with the buttons.
district-did-you-mean = Is your district one of these?
district-saved = District: <b>{ $district }</b> ✅
phone-saved = Number received ✅
voice-saved = Voice description received ✅
going-back = Going back.
err-photo-video = Videos can't be used — please send a photo.
err-photo-type = That is not a photo. Please send a photo of the product (📎 gallery or camera).
err-photo-small = That photo is too small (at least { $min } pixels). Please take a clear photo, close up and in good light.
err-photo-limit = You already sent { $max } photos, I can't take more. Press "Done".
photos-received = { $count }/{ $max } photos received ✅ Send more, or press "Done".
summary-body =
    <b>Please check your details:</b>
    👤 Name: { $name }
    📱 Mobile: { $phone }
    📍 District: { $district }
    🛠 Craft: { $craft }
    🏺 Product: { $product }
    📝 Description: { $description }
    💰 Price: ₹{ $price }
    📦 Per month: { $capacity } pieces
    🖼 Photos: { $photos }
    GSTIN: { $gstin } · Udyam: { $udyam } · Pehchan card: { $pehchan }
value-voice = 🎤 (voice note)
submit-incomplete = Some details are missing — please fill this in first.
submitted =
    ✅ Submitted! Your reference: <b>{ $ref }</b>
    The district ODOP cell will review it. You will get a message here as soon as it is decided.
submitted-again =
    ✅ Submitted again with your changes: <b>{ $ref }</b>
    You will get a message here after the review.
status-none = You have no products registered yet.
status-title = <b>Your products:</b>
status-line = { $ref } · { $product } · <b>{ $state }</b>
status-reason = Reason: { $reason }
state-draft = unfinished
state-pending = under review
state-changes_requested = changes needed
state-approved = approved
state-rejected = rejected
state-listed = listed
mydata =
    <b>What we hold about you:</b>
    Name: { $name }
    Mobile: { $phone }
    District: { $district }
    Craft: { $craft }
    Language: { $language }
    Notices: { $notices }
    Consent given: { $consent }
mydata-none = We hold no data about you.
delete-confirm = Do you really want to delete all your data, products and photos? This cannot be undone.
delete-kept = OK, nothing was deleted.
delete-done = All your data has been deleted. Press /start to join again.
reminder = 🙏 Your registration is unfinished. Press "Continue" to go on from where you stopped.
btn-consent-yes = ✅ I agree
btn-consent-no = ❌ No
btn-back = ⬅️ Back
btn-share-phone = 📱 Send my number
btn-more = More divisions ▶
btn-other-division = ⬅️ Another division
btn-pick-from-list = 📋 Choose from the list
btn-craft-other = ✏️ Something else
btn-skip = ⏭ Skip
btn-photos-done = ✅ Done
btn-edit-name = ✏️ Name
btn-edit-phone = ✏️ Mobile
btn-edit-district = ✏️ District
btn-edit-craft = ✏️ Craft
btn-edit-product_name = ✏️ Product
btn-edit-description = ✏️ Description
btn-edit-price = ✏️ Price
btn-edit-capacity = ✏️ Quantity
btn-edit-photos = 🖼 New photos
btn-edit-gstin = ➕ GSTIN
btn-edit-udyam = ➕ Udyam number
btn-edit-pehchan = ➕ Pehchan card
btn-submit = ✅ Submit
btn-continue = ▶️ Continue
btn-new-product = ➕ New product
btn-status = 📋 My status
btn-fix = ✏️ Make changes
btn-delete-yes = 🗑 Yes, delete
btn-delete-no = Keep it
