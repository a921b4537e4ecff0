# Official review and staff roles. Hindi is the source language; every key here exists in locales/en too.
# Texts for artisans (notify-*, reason-*) are short and plain; texts for officials (rv-*, staff-*) are denser.

## The artisan hears the outcome
notify-approved =
    ख़ुशख़बरी! आपका सामान <b>{ $product }</b> ({ $ref }) पास हो गया ✅
    अब ज़िला उद्योग केंद्र इसे ऑनलाइन बिक्री पर डालेगा। बिक्री पर आते ही मैं आपको यहीं बताऊँगा।
notify-changes =
    ✏️ आपके सामान <b>{ $product }</b> ({ $ref }) में थोड़ा सुधार चाहिए।
    वजह: { $reason }
    नीचे "✏️ सुधार करें" दबाएँ, ठीक करें और फिर से जमा करें।
notify-rejected =
    ❌ माफ़ कीजिए, आपका सामान <b>{ $product }</b> ({ $ref }) नामंज़ूर हुआ।
    वजह: { $reason }
    आप कोई दूसरा सामान जोड़ सकते हैं, या "🙋 मदद" दबाकर ज़िला उद्योग केंद्र से पूछ सकते हैं।
notify-reopened = 🔄 आपका सामान <b>{ $product }</b> ({ $ref }) फिर से देखा जा रहा है। फ़ैसला होते ही मैं आपको यहीं बताऊँगा।

## One-tap reasons (the artisan reads these in their own language)
reason-blurry-photos = फ़ोटो साफ़ नहीं हैं। पास जाकर, उजाले में फिर से खींचें।
reason-too-few-photos = फ़ोटो कम हैं। सामान की अलग-अलग तरफ़ से और फ़ोटो भेजें।
reason-not-from-district = यह सामान आपके ज़िले के ODOP काम का नहीं लगता।
reason-price-implausible = दाम नहीं लिखा है या ठीक नहीं लगता। एक नग का सही दाम लिखें।
reason-description-unclear = सामान के बारे में साफ़ नहीं है। बताइए कि किस चीज़ से और कैसे बना है।
reason-duplicate = यह सामान पहले ही जमा हो चुका है।
reason-not-handmade = यह हाथ से बना सामान नहीं लगता।
reason-lease-expired = जाँच का समय ख़त्म, कतार में वापस
reason-reviewer-removed = जाँचकर्ता हटाए गए, कतार में वापस

## Reviewers: refusals
rv-not-staff = यह आदेश ज़िला उद्योग केंद्र के अधिकारियों के लिए है। अधिकारी हैं तो अपने एडमिन को अपना Telegram id भेजें: { $id }। अपना सामान जोड़ने के लिए /start दबाएँ।
rv-not-admin = यह आदेश सिर्फ़ एडमिन के लिए है।
rv-still-yours = { $ref } अभी आपके पास खुला है — अगला खोलने से पहले इस पर फ़ैसला करें।
rv-not-found = { $ref } नहीं मिला।
rv-out-of-scope = { $ref } आपके ज़िलों का नहीं है।
rv-claimed = { $ref } अभी दूसरे जाँचकर्ता के पास है ({ $until } तक)।
rv-not-waiting = { $ref } जाँच के लिए नहीं है — स्थिति: { $state }।
rv-not-held = { $ref } अभी आपके हाथ में नहीं है (खोला नहीं, समय ख़त्म, या किसी और ने लिया)। खोलें: /review { $ref }
rv-bad-ref = "{ $text }" आवेदन संख्या नहीं है। ऐसे लिखें: /review ODOP-000123 या /review next

## Reviewers: the queue and the card
rv-queue-empty = कतार खाली है 🎉 (अभी जाँच में: { $in_review })
rv-queue-title = <b>जाँच की कतार — कुल { $total }</b> (सबसे पुराने पहले)
rv-queue-line = • { $district }: { $count } (सबसे पुराना { $since })
rv-queue-in-review = अभी जाँच में: { $count }
rv-nothing-next = अभी आपके ज़िलों में कोई आवेदन बाकी नहीं 🎉
rv-btn-next = ▶️ अगला देखें
rv-album-caption = { $ref } · { $product }
rv-voice-answer = 🎤 { $ref }: { $field } (आवाज़ में)
rv-btn-type = ⌨️ { $field } लिखें
rv-field-voice_answers = आवाज़ में जवाब
tx-ask = { $ref }: आवाज़ सुनकर <b>{ $field }</b> यहाँ लिखें:
tx-ask-again = सुना हुआ जवाब लिखकर भेजें (या /cancel)।
tx-invalid = यह जवाब की तरह नहीं लगा — सुनकर वैसे ही लिखें जैसे कारीगर ने बताया।
tx-saved = ✅ { $ref }: { $field } लिख दिया — { $value }
reason-transcribed-name = 🎤 आवाज़ सुनकर नाम लिखा
reason-transcribed-craft = 🎤 आवाज़ सुनकर काम लिखा
reason-transcribed-product_name = 🎤 आवाज़ सुनकर सामान का नाम लिखा
reason-transcribed-description = 🎤 आवाज़ सुनकर विवरण लिखा
rv-card =
    <b>{ $ref }</b> · { $state } · संस्करण { $version }
    👤 { $name } · 📱 { $phone }
    📍 { $district } — ODOP: { $odop }
    🛠 शिल्प: { $craft }
    🏺 उत्पाद: { $product }
    📝 विवरण: { $description }
    💰 दाम: { $price } · 📦 महीने में: { $capacity }
    🖼 फ़ोटो: { $photos } · GSTIN: { $gstin } · उद्यम: { $udyam } · पहचान कार्ड: { $pehchan }
    🕒 जमा: { $submitted } · 🔒 आपके पास { $until } तक
rv-flag-reused-photo = ⚠️ { $count } फ़ोटो किसी दूसरे कारीगर के आवेदन में भी है
rv-flag-craft-not-odop = ⚠️ शिल्प इस ज़िले के ODOP उत्पादों में नहीं है
rv-flag-same-product = ⚠️ इसी कारीगर का इसी नाम का उत्पाद { $ref } में भी है
rv-changed-title = ✏️ <b>पिछली बार से बदला:</b>
rv-changed-nothing = ✏️ फिर से जमा हुआ, पर कुछ नहीं बदला।
rv-changed-field = • { $field }: { $old } → { $new }
rv-photos-new = { $count } ({ $new } नई)
rv-money = ₹{ $amount }
rv-field-name = नाम
rv-field-phone = मोबाइल
rv-field-district = ज़िला
rv-field-craft = शिल्प
rv-field-product_name = उत्पाद
rv-field-description = विवरण
rv-field-voice_file_id = आवाज़ में विवरण
rv-field-price = दाम
rv-field-capacity = महीने में कितना बनता है
rv-field-price_unit = दाम किस हिसाब से
rv-field-gstin = GSTIN
rv-field-udyam = उद्यम
rv-field-pehchan = पहचान कार्ड
rv-field-photos = फ़ोटो
rv-state-draft = अधूरा
rv-state-pending = कतार में
rv-state-in_review = जाँच में
rv-state-approved = स्वीकृत
rv-state-changes_requested = सुधार माँगा
rv-state-rejected = अस्वीकृत
rv-state-listed = सूचीबद्ध

## Reviewers: deciding
rv-btn-approve = ✅ स्वीकृत करें
rv-btn-changes = ✏️ सुधार चाहिए
rv-btn-reject = ❌ अस्वीकार करें
rv-ask-reason-changes = { $ref }: सुधार का कारण चुनें, या अपना कारण लिखें:
rv-ask-reason-reject = { $ref }: अस्वीकार का कारण चुनें, या अपना कारण लिखें:
rv-btn-reason-blurry = 📷 फ़ोटो साफ़ नहीं
rv-btn-reason-few = 🖼 फ़ोटो कम हैं
rv-btn-reason-district = 📍 दूसरे ज़िले का
rv-btn-reason-price = 💰 दाम ठीक नहीं
rv-btn-reason-desc = 📝 विवरण साफ़ नहीं
rv-btn-reason-dup = ♻️ पहले से जमा
rv-btn-reason-made = ✋ हाथ का बना नहीं
rv-btn-reason-own = ✏️ अपना कारण लिखें
rv-type-reason = { $ref }: कारण लिखकर भेजें — कारीगर को यही दिखेगा। रोकने के लिए /cancel।
rv-reason-check = { $ref }: यह कारण कारीगर को भेजें? “{ $reason }” — भेजना हो तो नीचे दबाएँ, नहीं तो फिर से लिखें।
rv-btn-reason-send = ✅ यह कारण भेजें
rv-reason-older = यह पहले लिखा कारण है, इसे नहीं भेजा। सबसे नीचे वाले संदेश का बटन दबाएँ, या कारण फिर से लिखें।
rv-reason-cancelled = ठीक है, कारण नहीं भेजा। कार्ड अभी आपके पास है — ऊपर कोई कारण चुनें, या स्वीकृत करें।
rv-reason-length = कारण { $min } से { $max } अक्षर का लिखें — यह { $count } अक्षर का है।
rv-done-approved = ✅ { $ref } स्वीकृत। कारीगर को बता दिया।
rv-done-changes = ✏️ { $ref } सुधार के लिए लौटाया। कारण: { $reason }
rv-done-rejected = ❌ { $ref } अस्वीकृत। कारण: { $reason }
rv-lease-lapsed = ⏰ { $ref } पर आपका समय ख़त्म हो गया, आवेदन कतार में वापस चला गया।

## Reviewers: history and reopening
rv-history-usage = लिखें: /history ODOP-000123
rv-history-title = <b>{ $ref } का इतिहास</b> (अभी: { $state })
rv-history-line = { $at } · { $before } → { $after } · { $actor } { $id } { $reason }
rv-role-system = सिस्टम
rv-role-artisan = कारीगर
rv-role-reviewer = जाँचकर्ता
rv-role-admin = एडमिन
rv-reopen-usage = लिखें: /reopen ODOP-000123
rv-reopen-refused = { $ref } अस्वीकृत नहीं है (स्थिति: { $state }), इसलिए फिर से नहीं खोला जा सकता।
rv-reopen-not-yours = { $ref } किसी और जाँचकर्ता ने अस्वीकार किया था — उसे एडमिन ही फिर से खोल सकते हैं।
rv-needs-product-name = { $ref }: सामान का नाम अभी सिर्फ़ आवाज़ में है — पहले ⌨️ वाले बटन से लिख दें, फिर स्वीकृत करें।
rv-reopened = 🔄 { $ref } फिर से कतार में है। कारीगर को बता दिया।

## Staff roles
staff-all-districts = सभी ज़िले
staff-usage-addreviewer = लिखें: /addreviewer id [ज़िले] — जैसे /addreviewer 123456789 Gorakhpur, Varanasi (ज़िले न लिखें तो सभी ज़िले) — Telegram id: वह व्यक्ति बॉट को /queue भेजे, बॉट उसे उसका id बता देगा।
staff-usage-removereviewer = लिखें: /removereviewer id
staff-usage-addadmin = लिखें: /addadmin id — Telegram id: वह व्यक्ति बॉट को /queue भेजे, बॉट उसे उसका id बता देगा।
staff-unknown-district = "{ $text }" ज़िला नहीं मिला। ज़िले का पूरा नाम लिखें, कई ज़िले कॉमा से अलग करें।
staff-reviewer-added = ✅ <code>{ $id }</code>{ $name } अब जाँचकर्ता हैं — ज़िले: { $districts }
staff-not-reached = ⚠️ <code>{ $id }</code> तक संदेश नहीं पहुँचा: यह नंबर गलत है, या उन्होंने अभी बॉट नहीं खोला। भूमिका दे दी गई है — नंबर जाँच लें, और उनसे बॉट खोलकर /start भेजने को कहें।
staff-reviewer-districts = ✅ <code>{ $id }</code>{ $name } पहले से जाँचकर्ता थे: उनके ज़िले बदले — पहले: { $before }; अब: { $districts }। ज़िला जोड़ना हो तो सारे ज़िले एक साथ लिखें।
staff-reviewer-same = <code>{ $id }</code>{ $name } पहले से इन्हीं ज़िलों के जाँचकर्ता हैं: { $districts }। कुछ नहीं बदला।
staff-reviewer-removed = ✅ <code>{ $id }</code>{ $name } अब जाँचकर्ता नहीं हैं। { $count ->
        [0] उनके पास कोई खुला आवेदन नहीं था।
       *[other] उनके { $count } खुले आवेदन कतार में लौटे।
    }
staff-not-reviewer = <code>{ $id }</code>{ $name } जाँचकर्ता नहीं हैं।
staff-from-settings-only = <code>{ $id }</code>{ $name } REVIEWER_IDS सेटिंग से जाँचकर्ता हैं — उन्हें वहीं से हटाएँ।
staff-admin-added = ✅ <code>{ $id }</code>{ $name } अब एडमिन हैं।
staff-list-title = <b>स्टाफ़</b>
staff-line = • <code>{ $id }</code>{ $name } — { $role }: { $districts } { $settings }
staff-role-admin = एडमिन
staff-role-reviewer = जाँचकर्ता
staff-from-settings = (सेटिंग से)
staff-you-are-reviewer = 🙏 अब आप ODOP आवेदनों के जाँचकर्ता हैं। /queue से कतार देखें, /help में सारे आदेश हैं।
staff-your-districts-changed = आपके जाँच वाले ज़िले बदल गए हैं। /queue से अपनी कतार देखें।
staff-you-are-admin = 🙏 अब आप ODOP बॉट के एडमिन हैं। /help में सारे आदेश हैं।
staff-you-were-removed = अब आप जाँचकर्ता नहीं हैं। धन्यवाद!
staff-released-you = आपके पास खुले { $count } आवेदन अब आपके हाथ में नहीं रहे, वे कतार में लौट गए: { $refs }
staff-district-maybe = क्या आपका मतलब: { $names }? सही नाम के साथ फिर भेजें।
