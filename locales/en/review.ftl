# Official review and staff roles. Hindi (locales/hi) is the source language.
# Texts for artisans (notify-*, reason-*) are short and plain; texts for officials (rv-*, staff-*) are denser.

## The artisan hears the outcome
notify-approved =
    Good news! Your product <b>{ $product }</b> ({ $ref }) is approved ✅
    The District Industries Centre will now put it on sale online. I'll tell you here when it is.
notify-changes =
    ✏️ Your product <b>{ $product }</b> ({ $ref }) needs a small change.
    Why: { $reason }
    Press "✏️ Make changes" below, fix it and submit again.
notify-rejected =
    ❌ Sorry, your product <b>{ $product }</b> ({ $ref }) was not accepted.
    Why: { $reason }
    You can add another product, or press "🙋 Help" to ask the District Industries Centre.
notify-reopened = 🔄 Your product <b>{ $product }</b> ({ $ref }) is being checked again. I'll tell you here once it is decided.

## One-tap reasons (the artisan reads these in their own language)
reason-blurry-photos = The photos are not clear. Go closer, in good light, and take them again.
reason-too-few-photos = There are too few photos. Send more photos of the product from different sides.
reason-not-from-district = This product does not look like your district's ODOP work.
reason-price-implausible = The price is missing or does not look right. Write the price of one piece.
reason-description-unclear = It is not clear what the product is. Tell us what it is made of and how.
reason-duplicate = This product has already been submitted.
reason-not-handmade = This does not look like a handmade product.
reason-lease-expired = review time ran out, back in the queue
reason-reviewer-removed = reviewer removed, back in the queue

## Reviewers: refusals
rv-not-staff = Sorry, this command is only for district officials (reviewers). If you are one, send your admin your Telegram id: { $id }. For your own products press /start.
rv-not-admin = This command is for admins only.
rv-still-yours = { $ref } is still open with you — decide on it before the next one opens.
rv-not-found = { $ref } was not found.
rv-out-of-scope = { $ref } is not in your districts.
rv-claimed = { $ref } is being reviewed by another reviewer (until { $until }).
rv-not-waiting = { $ref } is not waiting for review — state: { $state }.
rv-not-held = { $ref } is not in your hands (not opened, time ran out, or someone else took it). Open it: /review { $ref }
rv-bad-ref = "{ $text }" is not a reference. Write: /review ODOP-000123 or /review next

## Reviewers: the queue and the card
rv-queue-empty = The queue is empty 🎉 (being reviewed now: { $in_review })
rv-queue-title = <b>Review queue — { $total } waiting</b> (oldest first)
rv-queue-line = • { $district }: { $count } (oldest { $since })
rv-queue-in-review = Being reviewed now: { $count }
rv-nothing-next = Nothing is waiting in your districts 🎉
rv-btn-next = ▶️ Review next
rv-album-caption = { $ref } · { $product }
rv-voice-answer = 🎤 { $ref }: { $field } (voice note)
rv-btn-type = ⌨️ Type { $field }
rv-field-voice_answers = voice answers
tx-ask = { $ref }: listen, then type the <b>{ $field }</b> here:
tx-ask-again = Type what you heard (or /cancel).
tx-invalid = That does not look like the answer — type it as the artisan said it.
tx-saved = ✅ { $ref }: { $field } typed in — { $value }
reason-transcribed-name = 🎤 name typed in from the voice note
reason-transcribed-craft = 🎤 work typed in from the voice note
reason-transcribed-product_name = 🎤 product name typed in from the voice note
reason-transcribed-description = 🎤 description typed in from the voice note
rv-card =
    <b>{ $ref }</b> · { $state } · version { $version }
    👤 { $name } · 📱 { $phone }
    📍 { $district } — ODOP: { $odop }
    🛠 Craft: { $craft }
    🏺 Product: { $product }
    📝 Description: { $description }
    💰 Price: { $price } · 📦 Per month: { $capacity }
    🖼 Photos: { $photos } · GSTIN: { $gstin } · Udyam: { $udyam } · Pehchan card: { $pehchan }
    🕒 Submitted: { $submitted } · 🔒 Yours until { $until }
rv-flag-reused-photo = ⚠️ { $count ->
        [one] { $count } photo also appears
       *[other] { $count } photos also appear
    } in another artisan's submission
rv-flag-craft-not-odop = ⚠️ The craft is not among this district's ODOP products
rv-flag-same-product = ⚠️ The same artisan has a product with this name in { $ref }
rv-changed-title = ✏️ <b>Changed since the last version:</b>
rv-changed-nothing = ✏️ Submitted again, but nothing changed.
rv-changed-field = • { $field }: { $old } → { $new }
rv-photos-new = { $count } ({ $new } new)
rv-money = ₹{ $amount }
rv-field-name = Name
rv-field-phone = Mobile
rv-field-district = District
rv-field-craft = Craft
rv-field-product_name = Product
rv-field-description = Description
rv-field-voice_file_id = Spoken description
rv-field-price = Price
rv-field-capacity = Made per month
rv-field-price_unit = Priced per
rv-field-gstin = GSTIN
rv-field-udyam = Udyam
rv-field-pehchan = Pehchan card
rv-field-photos = Photos
rv-state-draft = draft
rv-state-pending = in the queue
rv-state-in_review = in review
rv-state-approved = approved
rv-state-changes_requested = changes requested
rv-state-rejected = rejected
rv-state-listed = listed

## Reviewers: deciding
rv-btn-approve = ✅ Approve
rv-btn-changes = ✏️ Needs changes
rv-btn-reject = ❌ Reject
rv-ask-reason-changes = { $ref }: choose why it needs changes, or write your own reason:
rv-ask-reason-reject = { $ref }: choose why it is rejected, or write your own reason:
rv-btn-reason-blurry = 📷 Blurry photos
rv-btn-reason-few = 🖼 Too few photos
rv-btn-reason-district = 📍 Other district
rv-btn-reason-price = 💰 Price wrong
rv-btn-reason-desc = 📝 Unclear details
rv-btn-reason-dup = ♻️ Already sent
rv-btn-reason-made = ✋ Not handmade
rv-btn-reason-own = ✏️ Write a reason
rv-type-reason = { $ref }: type the reason and send it — the artisan will read exactly this. /cancel to stop.
rv-reason-check = { $ref }: send this reason to the artisan? “{ $reason }” — press below to send it, or type it again.
rv-btn-reason-send = ✅ Send this reason
rv-reason-older = That is an earlier reason; it was not sent. Press the button under the latest message, or type the reason again.
rv-reason-cancelled = OK, no reason sent. The card is still yours — choose a reason above, or approve it.
rv-reason-length = Please write a reason of { $min } to { $max } characters — this one has { $count }.
rv-done-approved = ✅ { $ref } approved. The artisan has been told.
rv-done-changes = ✏️ { $ref } sent back for changes. Reason: { $reason }
rv-done-rejected = ❌ { $ref } rejected. Reason: { $reason }
rv-lease-lapsed = ⏰ Your time on { $ref } ran out; it went back to the queue.

## Reviewers: history and reopening
rv-history-usage = Write: /history ODOP-000123
rv-history-title = <b>History of { $ref }</b> (now: { $state })
rv-history-line = { $at } · { $before } → { $after } · { $actor } { $id } { $reason }
rv-role-system = system
rv-role-artisan = artisan
rv-role-reviewer = reviewer
rv-role-admin = admin
rv-reopen-usage = Write: /reopen ODOP-000123
rv-reopen-refused = { $ref } is not rejected (state: { $state }), so it cannot be reopened.
rv-reopen-not-yours = { $ref } was rejected by another reviewer — only an admin can reopen it.
rv-needs-product-name = { $ref }: the product's name is only spoken so far — type it in with the ⌨️ button first, then approve.
rv-reopened = 🔄 { $ref } is back in the queue. The artisan has been told.

## Staff roles
staff-all-districts = all districts
staff-usage-addreviewer = Write: /addreviewer id [districts] — e.g. /addreviewer 123456789 Gorakhpur, Varanasi (no districts: all districts) — Telegram id: that person sends /queue to the bot, and the bot tells them their id.
staff-usage-removereviewer = Write: /removereviewer id
staff-usage-addadmin = Write: /addadmin id — Telegram id: that person sends /queue to the bot, and the bot tells them their id.
staff-unknown-district = District "{ $text }" not found. Write the district's full name; separate several with commas.
staff-reviewer-added = ✅ <code>{ $id }</code>{ $name } is now a reviewer — districts: { $districts }
staff-not-reached = ⚠️ The message to <code>{ $id }</code> did not arrive: the id is wrong, or they have not opened the bot yet. The role is granted — check the id, and ask them to open the bot and send /start.
staff-reviewer-districts = ✅ <code>{ $id }</code>{ $name } was already a reviewer: their districts changed — before: { $before }; now: { $districts }. To add a district, list all of them at once.
staff-reviewer-same = <code>{ $id }</code>{ $name } already reviews these districts: { $districts }. Nothing changed.
staff-reviewer-removed = ✅ <code>{ $id }</code>{ $name } is no longer a reviewer. { $count ->
        [0] They had no open submissions.
        [one] Their open submission went back to the queue.
       *[other] Their { $count } open submissions went back to the queue.
    }
staff-not-reviewer = <code>{ $id }</code>{ $name } is not a reviewer.
staff-from-settings-only = <code>{ $id }</code>{ $name } is a reviewer through the REVIEWER_IDS setting — remove them there.
staff-admin-added = ✅ <code>{ $id }</code>{ $name } is now an admin.
staff-list-title = <b>Staff</b>
staff-line = • <code>{ $id }</code>{ $name } — { $role }: { $districts } { $settings }
staff-role-admin = admin
staff-role-reviewer = reviewer
staff-from-settings = (from settings)
staff-you-are-reviewer = 🙏 You are now a reviewer of ODOP submissions. See the queue with /queue; /help lists every command.
staff-your-districts-changed = The districts you review have changed. See your queue with /queue.
staff-you-are-admin = 🙏 You are now an admin of the ODOP bot. /help lists every command.
staff-you-were-removed = You are no longer a reviewer. Thank you!
staff-released-you = { $count ->
        [one] 1 submission you had open is no longer yours and went
       *[other] { $count } submissions you had open are no longer yours and went
    } back to the queue: { $refs }
staff-district-maybe = Did you mean: { $names }? Send it again with the right name.
