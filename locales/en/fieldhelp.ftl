# Field helpers: staff texts, short; what the artisan sees when linking is plain.
cmd-newartisan = Register an artisan without Telegram
cmd-myartisans = Artisans I registered
cmd-addhelper = Add a field helper
cmd-removehelper = Remove a field helper
staff-role-helper = field helper
fh-usage-addhelper = Write: /addhelper id [districts] — e.g. /addhelper 123456789 Gorakhpur (no districts: all districts) — Telegram id: that person sends /queue to the bot, and the bot tells them their id.
fh-usage-removehelper = Write: /removehelper id
fh-helper-added = ✅ <code>{ $id }</code>{ $name } is now a field helper — districts: { $districts }
fh-helper-removed = ✅ <code>{ $id }</code>{ $name } is no longer a field helper.
fh-not-helper-user = <code>{ $id }</code>{ $name } is not a field helper.
fh-you-are-helper = 🙏 You are now an ODOP field helper: register artisans who have no Telegram with /newartisan. /myartisans lists the artisans you registered.
fh-you-were-removed = You are no longer a field helper. Thank you!
fh-not-helper = This command is for field helpers only.
fh-consent =
    Read this to the artisan:
    "We will keep your name, mobile number, district, your craft and photos of your product. The District Industries Centre will look at them, then your product can be sold online."

    Did the artisan say yes? Then press the button below — the consent is recorded with your name and the time now.
fh-btn-consent = ✅ The artisan agreed
fh-started = Good. Now ask the artisan each question and send their answer. To stop, /cancel (the answers stay saved).
fh-new-artisan = new artisan
fh-header = <b>Helper: for { $name }</b>
fh-ask-name =
    What is the artisan's full name?
    Type it, e.g.: Ramu Prajapati — or send a 🎤 voice note in their voice.
fh-ask-district =
    Which district does the artisan live in?
    Type the district's name or PIN code, e.g.: Gorakhpur or 273001
fh-ask-craft =
    What is the artisan's work?
    Their district's ODOP work: <b>{ $odop }</b>. Press a button, or press "Something else".
fh-ask-product-name =
    Which product does the artisan want to sell?
    Type its name, e.g.: Terracotta elephant — or send a 🎤 voice note.
fh-ask-capacity =
    How many { $unit } does the artisan make in a month?
    Type it, e.g.: 50 — if not known, press "Skip".
fh-ask-phone =
    The artisan's mobile number?
    Type it, e.g. 98765 43210
fh-phone-typed = Type the artisan's number — not your own contact.
fh-submitted =
    ✅ { $name }'s product was sent. Reference: <b>{ $ref }</b>
    Write it down for the artisan. I will tell you here when it is decided.
    Next artisan: /newartisan; all your artisans: /myartisans
fh-assist-over = You can no longer continue this registration (the helper role was removed, or the artisan linked their own Telegram).
fh-flag-many = ⚠️ Field helper <code>{ $id }</code>{ $name } registered more than { $count } artisans today. Please take a look (registration was not blocked).
fh-mine-none = You have not registered any artisan yet. Start with /newartisan.
fh-mine-title = <b>Artisans you registered: { $count }</b>
fh-mine-artisan = 👤 <b>{ $name }</b> · { $phone } · { $district } { $linked }
fh-mine-linked = (on Telegram now)
fh-mine-product = • { $ref } { $product }: { $state }
fh-notify-approved = ✅ { $name }'s product <b>{ $product }</b> ({ $ref }) has been approved. Please tell the artisan.
fh-notify-changes =
    ✏️ { $name }'s product <b>{ $product }</b> ({ $ref }) needs changes:
    { $reason }
    Please fix it with the artisan.
fh-notify-rejected =
    ❌ { $name }'s product <b>{ $product }</b> ({ $ref }) was not accepted:
    { $reason }
fh-notify-reopened = 🔄 { $name }'s product <b>{ $product }</b> ({ $ref }) is being reviewed again.
fh-helper-told-linked = 🔗 { $name } linked their own Telegram. Decisions now reach them directly.
fh-link-offer =
    This mobile number is already registered for <b>{ $name }</b> (by a helper of the District Industries Centre).
    Is this you?
fh-btn-link-yes = ✅ Yes, it's me
fh-btn-link-no = No, not me
fh-linked = ✅ Linked! From now on you get every update about your products here.
fh-link-declined = All right. Carry on with your own registration.
fh-out-of-scope = You can register artisans of your own districts only. Change the district.
fh-rv-flag-assisted = 🤝 Registered in person by a field helper (the artisan has no Telegram)
fh-help =
    <b>For field helpers</b>
    /newartisan — register an artisan without Telegram
    /myartisans — the artisans you registered; continue an unfinished one
    /cancel — stop the registration in progress (answers stay saved)
fh-btn-continue = ▶️ { $name }
fh-nothing-to-continue = This artisan has no unfinished product.
# A notice for the artisans a helper registered, under the notice itself.
fh-pass-on = 📣 Please pass the notice above on to these artisans you registered (they have no Telegram):
fh-pass-on-line = • { $name } — { $district }
fh-pass-on-next = 📣 The list goes on (part { $part }):
fh-district-not-yours = { $district } is not one of your districts: you can register artisans of your own districts only. Choose the artisan's district again.
fh-link-which =
    These people are already registered on this mobile number: <b>{ $names }</b> (by a helper of the District Industries Centre).
    Which of them are you?
fh-btn-link-me = ✅ I am { $name }
fh-btn-link-made = ✅ { $product }
fh-name-made = { $name } ({ $product })
fh-help-in-session = The artisan's registration stays open here. For a question, ask the District Industries Centre — or press /cancel, then 🙋 Help to send a question of your own.
fh-still-registering = You are registering an artisan — carry on from here. To stop, press /cancel.
fh-cancelled = Stopped. The artisan's answers are kept — continue from /myartisans.
fh-twin = ⚠️ { $name } is already registered with this number. If it is the same artisan, don't fill this in: press /cancel — their first registration stays. If it is someone else, carry on.
fh-link-first = First answer the question above — is this you or not. Then you can ask for 🙋 Help.
