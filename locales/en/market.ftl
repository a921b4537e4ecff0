# Marketplace details after approval, the monthly stock check, the ONDC export (issue 21).

## The artisan: questions after approval
ls-intro =
    A few quick questions about <b>{ $product }</b> for selling online.
    Press a button, type or send a 🎤 voice note.
ls-ask-material = What is it made of? Press a button, type (e.g.: clay), or send a 🎤 voice note.
ls-ask-colour = What colour is it? Press a button, type (e.g.: red), or send a 🎤 voice note.
ls-ask-material-typed = What is it made of? Type it, or send a 🎤 voice note.
ls-ask-colour-typed = What colour is it? Type it, or send a 🎤 voice note.
ls-ask-stock = How many { $unit } are ready now? Press a button or type a number, e.g.: 12
ls-ask-ship = After an order comes in, how many days to send it?
ls-days = { $days ->
        [one] 1 day
       *[other] { $days } days
    }
ls-ask-size =
    Type the size or weight, e.g.: 30 cm tall, 2 kg
    If you don't know, press "Skip".
ls-echo-material = Made of: { $value } ✅
ls-echo-colour = Colour: { $value } ✅
ls-echo-stock = Ready: { $value } { $unit } ✅
ls-echo-ship = Sent within: { $value ->
        [one] 1 day
       *[other] { $value } days
    } ✅
ls-echo-size = Size/weight: { $value } ✅
ls-done =
    Thank you! All the details of <b>{ $product }</b> are in ✅
    Every month I will ask how many { $unit } are ready.
ls-err-number = Type the number in digits, e.g.: 12 — or press a button.
ls-err-material = Type what it is made of, e.g.: clay, wood, brass — or press a button.
ls-err-colour = Type its colour, e.g.: red, yellow — if it comes in many, type: many colours — or press a button.
ls-err-size = Type its size or weight, e.g.: 30 cm tall, 2 kg — if you don't know, press "Skip".
ls-err-stock-period = That sounds like how many you make over time. How many are made and ready now? Type the number, e.g.: 12 — if none, press 0.
ls-err-type = Press a button or type your answer.
ls-err-question = That looks like a question, so it was not taken as the answer. To ask someone, type "help".
ls-err-to-order = Fine, you make to order. If none is made and ready now, press 0.
ls-err-guess = A rough guess of the days to send it is fine, e.g.: 7 — or press a button.
## The artisan: the monthly stock check
ls-ask-restock = <b>{ $product }</b> ({ $ref }): how many { $unit } are ready now?
ls-btn-pause = ⏸ Pause
ls-btn-resume = ▶️ Start again
ls-paused =
    OK, online sales of <b>{ $product }</b> are paused ⏸
    To sell again, press the button below.

## Staff
ls-hsn-usage = Usage: /hsn ODOP-000123 6913 (HSN code: 4, 6 or 8 digits)
ls-hsn-digits = An HSN code has 4, 6 or 8 digits — “{ $code }” has { $count }. E.g.: /hsn ODOP-000123 6913
ls-hsn-set = { $ref } now has HSN code { $hsn } ✅ (used in the ONDC catalogue)
ls-stock-none = Every product's stock is known — no artisan has left the monthly check unanswered twice.
ls-stock-title = Stock unknown ({ $count }): the artisan did not answer the monthly check twice
ls-ondc-done = ONDC catalogue: { $items } products written, { $left } left out (reasons below).
ls-ondc-stock-unknown = Stock unknown: { $refs }
ls-ondc-no-media-url = Note: MEDIA_BASE_URL is not set, so photo links are not full addresses.
ondc-missing-name = product name
ondc-missing-hsn = HSN code
ondc-missing-description = description
ondc-missing-images = photos
ondc-missing-price = price
ondc-missing-category = ONDC category
ondc-missing-category-other = category (not home & décor)
ondc-missing-time-to-ship = days to dispatch
ondc-missing-maker-name = maker's name
ondc-missing-maker-address = maker's address
ondc-missing-brand = brand
ondc-missing-colour = colour
ondc-missing-material = material
ondc-missing-other = other details
ls-set-usage = Usage: /setlisting ODOP-000123 colour red (fields: material, colour, stock, days — to send an order —, size)
ls-set-done = { $ref }: { $answer }
ls-set-heard = { $ref }: the artisan's voice notes are above. Listen, then fill in: /setlisting { $ref } material …
ls-hsn-ask = { $ref }: the HSN is now { $hsn }. Type the right HSN code (4, 6 or 8 digits):
rv-btn-hsn = 🏷 HSN code
ls-set-not-approved = { $ref } is "{ $state }". Listing details are filled in for approved products only.
ls-resume = A few questions about <b>{ $product }</b> are still open:
ls-cancelled = OK, stopped. To answer the remaining questions, press /start.
ls-err-stock-price = That looks like a price. How many are made and ready now? Type the count, e.g.: 12 — or press a button.
ls-err-stock-range = How many exactly are made and ready now? Type one count, e.g.: 5 — or press a button.
ls-btn-change = ✏️ Change answers
