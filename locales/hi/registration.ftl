# The artisan's registration. Written by ../shared/HINDI.md: बोलचाल की हिंदी, one question a
# message, an example where typing is asked, errors that say what to do next.
welcome-consent =
    🙏 नमस्ते! मैं उत्तर प्रदेश की <b>एक ज़िला एक उत्पाद (ODOP)</b> योजना में आपका नाम लिखवाने में मदद करता हूँ।

    मैं आपका नाम, मोबाइल नंबर, ज़िला, आपका काम और सामान की फ़ोटो लूँगा। ज़िला उद्योग केंद्र इसे देखेगा, फिर आपका सामान ऑनलाइन बिक्री पर आ सकता है।

    क्या आप तैयार हैं?
consent-declined = कोई बात नहीं। आपकी कोई जानकारी नहीं रखी गई। जब चाहें /start दबाकर फिर आएँ।
consent-thanks = धन्यवाद! चलिए शुरू करते हैं।
welcome-back = 🙏 नमस्ते { $name } जी! आज क्या करना है?
welcome-back-unnamed = 🙏 नमस्ते! आज क्या करना है?
menu-hint = नीचे के बटन से चुनें कि क्या करना है — कुछ पूछना हो तो 🙋 मदद दबाएँ।
menu-photo = यह फ़ोटो किसी सामान के साथ नहीं रखी। नए सामान की फ़ोटो हो तो "➕ नया सामान" दबाएँ। भेजे हुए सामान की फ़ोटो बदलनी हो तो 🙋 मदद दबाकर बताएँ।
summary-already-sent = यह सामान जाँच के लिए भेजा जा चुका है ✅ अब इसमें कुछ बदलना हो, तो 🙋 मदद दबाकर बताएँ।
new-product = नया सामान जोड़ते हैं।
new-product-craft = नया सामान जोड़ते हैं — काम: { $craft }। कोई दूसरा काम हो तो "⬅️ पीछे" दबाएँ।
drafts-limit = आपके { $max } सामान अधूरे पड़े हैं। पहले उनमें से कोई पूरा करें — "आगे बढ़ें" दबाएँ।
step-label = <b>चरण { $n }/{ $total }</b>
ask-name =
    आपका पूरा नाम क्या है?
    लिखें, जैसे: रामू प्रजापति — या 🎤 बोलकर भेजें।
ask-phone =
    आपका मोबाइल नंबर?
    नीचे "📱 मेरा नंबर भेजें" दबाएँ, या लिखें, जैसे: 98765 43210
ask-district =
    आप किस ज़िले में रहते हैं?
    ज़िले का नाम या पिन कोड लिखें, जैसे: गोरखपुर या 273001
ask-division = अपना मंडल चुनें:
ask-district-in = { $division } मंडल के ज़िले:
ask-craft =
    आप कौन-सा काम करते हैं?
    आपके ज़िले का ODOP काम: <b>{ $odop }</b>। बटन दबाएँ, या "कुछ और" दबाकर बताएँ।
ask-craft-other = अपना काम लिखें, जैसे: मिट्टी के बर्तन — या 🎤 बोलकर भेजें।
ask-product-name =
    आप कौन-सा सामान बेचना चाहते हैं?
    उसका नाम लिखें, जैसे: टेराकोटा हाथी — या 🎤 बोलकर भेजें।
ask-description =
    इस सामान के बारे में 2-3 बातें बताइए: किससे बना है, कितना बड़ा है।
    लिखें, या 🎤 बोलकर भेजें।
ask-price =
    एक { $measure ->
        [piece] नग
       *[other] { $unit }
    } का दाम कितने रुपये?
    लिखें, जैसे: 1200 या 5 हज़ार
ask-capacity =
    महीने में कितने { $unit } बना लेते हैं?
    लिखें, जैसे: 50 — पता न हो तो "छोड़ें" दबाएँ।
ask-photos =
    सामान की 1 से { $max } साफ़ फ़ोटो भेजें — उजाले में, पास से।
    अभी तक: { $count }/{ $max }
ask-gstin = अपना GSTIN लिखें, जैसे: 09ABCDE1234F1Z5 — न हो तो "छोड़ें" दबाएँ।
ask-udyam = अपना उद्यम नंबर लिखें, जैसे: UDYAM-UP-00-0000000 — न हो तो "छोड़ें" दबाएँ।
ask-pehchan = अपने हस्तशिल्प पहचान कार्ड का नंबर लिखें — न हो तो "छोड़ें" दबाएँ।
hint-name = अपना नाम लिखकर भेजें, या 🎤 बोलकर।
hint-someone-types = ठीक है — जो लिखेगा, उसे फ़ोन दे दीजिए। सवाल यह है:
hint-phone = नीचे "📱 मेरा नंबर भेजें" दबाएँ, या नंबर लिखकर भेजें।
hint-district = ज़िले का नाम या पिन कोड लिखकर भेजें।
hint-craft = बटन दबाएँ, या अपना काम लिखकर भेजें।
hint-product-name = सामान का नाम लिखकर भेजें, या 🎤 बोलकर।
hint-description = सामान के बारे में लिखकर भेजें, या 🎤 बोलकर।
hint-price = दाम लिखकर भेजें, जैसे: 1200 या 5 हज़ार
hint-capacity = संख्या लिखकर भेजें, जैसे: 50 — या "छोड़ें" दबाएँ।
hint-summary = ऊपर अपनी जानकारी देख लें। सब सही हो तो "✅ सही है, जमा करें" दबाएँ, कुछ बदलना हो तो "✏️ कुछ बदलना है"।
err-name-chars = नाम में सिर्फ़ अक्षर लिखें, अंक या निशान नहीं।
err-name-length = यह पूरा नाम नहीं लगा।
err-name-sentence = सिर्फ़ नाम लिखें, जैसे: रामू प्रजापति
err-name-phone = यह मोबाइल नंबर लगता है — वह अगले सवाल में लूँगा। पहले नाम लिखें, जैसे: रामू प्रजापति
err-name-is-district = यह तो ज़िले का नाम लगता है — ज़िला आगे पूछूँगा। पहले अपना पूरा नाम लिखें, जैसे: रामू प्रजापति
err-phone = यह नंबर पूरा नहीं लगा — 10 अंकों वाला मोबाइल नंबर चाहिए।
err-phone-not-mobile = यह मोबाइल नंबर नहीं लगता — मोबाइल नंबर 6, 7, 8 या 9 से शुरू होता है। अपना मोबाइल नंबर लिखें।
err-phone-digits = मोबाइल नंबर अंकों में लिखें, जैसे: 98765 43210 — या नीचे "📱 मेरा नंबर भेजें" दबाएँ।
err-phone-many = इसमें दो नंबर हैं — अपना एक मोबाइल नंबर लिखें।
err-phone-not-own = यह किसी और का नंबर है। "📱 मेरा नंबर भेजें" दबाकर अपना नंबर भेजें।
err-number = यह समझ नहीं आया। एक ही संख्या लिखें, जैसे: 1200 या 5 हज़ार
err-amount-small = यह 1 से कम है। पूरी संख्या लिखें, जैसे: 1200
err-amount-negative = घटाने का निशान (-) मत लगाइए। सिर्फ़ संख्या लिखें, जैसे: 1200
err-amount-large = यह बहुत बड़ी संख्या है। एक बार देखकर फिर लिखें, जैसे: 1200
amount-which = आपका मतलब कौन-सा है? दबाएँ, या फिर से लिखें।
amount-confirm = यानी इतना? सही हो तो दबाएँ, या फिर से लिखें।
amount-per-month = महीने में लगभग इतने { $unit } हुए? सही हो तो दबाएँ, या महीने की गिनती लिखें।
err-measure-other = यह नाप अभी नहीं ले सकता — नग, दर्जन या किलो में लिखें, जैसे: 1 नग का 500
err-measure-mixed = एक ही हिसाब से लिखें — नग, दर्जन या किलो में से एक, जैसे: 1 दर्जन का 900
err-price-period = यह महीने की गिनती लगती है — पहले दाम: ऊपर का बटन दबाएँ, या दाम लिखें।
price-worked-out = “{ $typed }” = { price-amount }
price-saved = दाम: { price-amount } ✅
capacity-saved = महीने में: { $value } { $unit } ✅
err-capacity-measure = दाम एक { $unit } का है, तो गिनती भी { $unit } में लिखें — या "⬅️ पीछे" दबाकर दाम { $said ->
        [kilogram] किलो
        [dozen] दर्जन
       *[piece] नग
    } का लिखें।
# An amount's price ("₹1,200", "₹50 / किलो") and what a count is of (bot/services/amounts.py MEASURES).
price-amount = ₹{ $value }{ $measure ->
        [piece] {""}
       *[other] {" "}/ { $unit }
    }
unit-piece = नग
unit-kilogram = किलो
unit-dozen = दर्जन
err-craft = अपना काम थोड़ा और साफ़ लिखें, जैसे: मिट्टी के बर्तन — या 🎤 बोलकर भेजें।
err-craft-is-district = यह तो ज़िले का नाम है। ज़िला बदलना हो तो "⬅️ पीछे" दबाएँ — नहीं तो अपना काम लिखें, जैसे: मिट्टी के बर्तन
err-product-name = सामान का नाम लिखें, जैसे: टेराकोटा हाथी — या 🎤 बोलकर भेजें।
err-description = थोड़ा और बताइए — कम से कम एक पूरी लाइन, या 🎤 बोलकर भेजें।
caption-taken-product_name = फ़ोटो के नीचे लिखा नाम ले लिया: { $value } ✅
caption-taken-description = फ़ोटो के नीचे लिखी बातें सामान के बारे में ले लीं ✅
err-too-long = यह बहुत लंबा हो गया — छोटा करके लिखें, बस ज़रूरी बातें। या 🎤 बोलकर भेजें।
err-gstin = यह GSTIN पूरा नहीं लगा। कार्ड से देखकर लिखें, जैसे: 09ABCDE1234F1Z5 — या "छोड़ें" दबाएँ।
err-udyam = यह उद्यम नंबर पूरा नहीं लगा। ऐसे लिखें: UDYAM-UP-00-0000000 — या "छोड़ें" दबाएँ।
err-pehchan = यह पहचान कार्ड नंबर पूरा नहीं लगा। कार्ड से देखकर लिखें — या "छोड़ें" दबाएँ।
err-district-unknown = यह ज़िला नहीं मिला। नाम फिर से लिखें, या "📋 सूची से चुनें" दबाएँ।
err-district-outside = { $place } उत्तर प्रदेश में नहीं है। यह सेवा सिर्फ़ उत्तर प्रदेश के कारीगरों के लिए है — यूपी में आपका घर हो तो उस ज़िले का नाम लिखें।
err-pin-unknown = यह पिन कोड उत्तर प्रदेश का नहीं मिला। ज़िले का नाम लिखें, या "📋 सूची से चुनें" दबाएँ।
district-did-you-mean = क्या आपका ज़िला इनमें से है?
district-is-it = क्या यही आपका ज़िला है?
district-which-of-pin = इस पिन कोड पर आपका ज़िला कौन-सा है?
name-saved = नाम: <b>{ $name }</b> ✅
district-saved = ज़िला: <b>{ $district }</b> ✅
district-town = { $place } <b>{ $district }</b> ज़िले में है।
craft-saved = काम: <b>{ $craft }</b> ✅
phone-saved = नंबर मिल गया: { $phone } ✅
voice-saved = 🎤 आपकी आवाज़ मिल गई ✅ दफ़्तर वाले सुनकर लिख लेंगे।
going-back = पीछे चलते हैं।
err-photo-video = वीडियो नहीं चलेगा — सामान की फ़ोटो भेजें।
err-photo-type = यह फ़ोटो नहीं है। 📎 दबाकर गैलरी या कैमरा से सामान की फ़ोटो भेजें।
err-photo-text = यहाँ सामान की फ़ोटो चाहिए: 📎 दबाकर गैलरी या कैमरा से फ़ोटो भेजें।
err-photo-first = पहले कम से कम एक फ़ोटो भेजें, फिर "✅ हो गया" दबाएँ।
err-photo-small = यह फ़ोटो बहुत छोटी है। पास जाकर, उजाले में फिर से खींचें।
err-photo-limit = पहली { $max } फ़ोटो रख लीं, उसके बाद की नहीं — { $max } से ज़्यादा नहीं रख सकता। सब बदलनी हों तो आख़िर में "✏️ कुछ बदलना है" दबाकर फ़ोटो बदलें।
err-photo-full = { $max } फ़ोटो पूरी हैं। नई भेजनी हों तो "🔄 सब फ़ोटो बदलें" दबाएँ।
err-photo-storage = आपकी बहुत फ़ोटो रखी हैं। पुराने सामान की फ़ोटो के लिए ज़िला उद्योग केंद्र से बात करें।
photos-ahead = 📷 { $many ->
        [yes] फ़ोटो मिल गईं ✅ सामान के साथ रख लीं।
       *[no] फ़ोटो मिल गई ✅ सामान के साथ रख ली।
    }
photos-ahead-full = { $max } फ़ोटो मिल चुकी हैं, इससे ज़्यादा नहीं रख सकता।
photos-received = { $count }/{ $max } फ़ोटो { $count ->
        [one] मिल गई
       *[other] मिल गईं
    } ✅ और भेजें, या "✅ हो गया" दबाएँ।
photos-full = { $max }/{ $max } फ़ोटो मिल गईं ✅ अब "✅ हो गया" दबाएँ।
photos-cleared = पुरानी फ़ोटो हटा दीं।
photos-replace-sure = सारी फ़ोटो हटाकर नई भेजनी हैं? पक्का?
edit-choose = क्या बदलना है?
edit-photos = फ़ोटो में क्या करना है?
edit-extras = ये ज़रूरी नहीं हैं — हों तो जोड़ दें:
summary-body =
    <b>एक बार देख लें, सब सही है?</b>
    👤 नाम: { $name }
    📱 मोबाइल: { $phone }
    📍 ज़िला: { $district }
    🛠 काम: { $craft }
    🏺 सामान: { $product }
    📝 बारे में: { $description }
    💰 दाम: { $price }
    📦 महीने में: { $capacity }
    📷 फ़ोटो: { $photos }
summary-gstin = GSTIN: { $value }
summary-udyam = उद्यम नंबर: { $value }
summary-pehchan = पहचान कार्ड: { $value }
summary-no-extras = (GSTIN, उद्यम, पहचान कार्ड — अगर हो तो "✏️ कुछ बदलना है" से जोड़ें)
fix-reason = ✏️ <b>सुधार चाहिए:</b> { $reason }
fix-field = 👉 इसे ठीक करें: <b>{ $field }</b> — "✏️ कुछ बदलना है" दबाएँ।
fix-field-done = ✅ <b>{ $field }</b> बदल दिया। सब सही हो तो "✅ सही है, जमा करें" दबाएँ।
fix-photos-added = ✅ नई फ़ोटो जुड़ गई, पर पुरानी भी साथ है। पुरानी हटानी हो तो "✏️ कुछ बदलना है" → "📷 फ़ोटो" दबाएँ।
fix-unchanged-sure = आपने अभी कुछ नहीं बदला। फिर भी ऐसे ही भेजें?
value-voice = 🎤 (आवाज़ में)
submit-incomplete = कुछ जानकारी बाकी है — पहले यह भर दें।
submitted =
    ✅ जमा हो गया! आपका आवेदन नंबर: <b>{ $ref }</b> (लिखकर रख लें)
    ज़िला उद्योग केंद्र इसे देखेगा। फ़ैसला होते ही मैं आपको यहीं बताऊँगा — तब तक हाल देखने के लिए /status दबाएँ।
submitted-again =
    ✅ सुधार के साथ फिर से जमा हो गया। आवेदन नंबर: <b>{ $ref }</b>
    देखने के बाद मैं आपको यहीं बताऊँगा।
submitted-as-is =
    ✅ फिर से जमा हो गया। आवेदन नंबर: <b>{ $ref }</b>
    देखने के बाद मैं आपको यहीं बताऊँगा।
status-none = अभी आपका कोई सामान दर्ज नहीं है।
status-title = <b>आपके सामान:</b>
status-line = { $ref } · { $product } · <b>{ $state }</b>
status-product-new = नया सामान, नाम अभी नहीं
status-reason = वजह: { $reason }
state-draft = अधूरा
state-pending = देखा जा रहा है
state-changes_requested = सुधार चाहिए
state-approved = पास हो गया ✅
state-rejected = नामंज़ूर ❌
state-listed = ऑनलाइन बिक्री पर ✅
mydata =
    <b>आपकी जो जानकारी मेरे पास है:</b>
    नाम: { $name }
    मोबाइल: { $phone }
    ज़िला: { $district }
    काम: { $craft }
    भाषा: { $language }
    सूचनाएँ: { $notices }
    सहमति दी: { $consent }
mydata-none = मेरे पास आपकी कोई जानकारी नहीं है।
delete-confirm = क्या आप सच में अपनी सारी जानकारी, सामान और फ़ोटो मिटाना चाहते हैं? यह वापस नहीं आएगी।
delete-kept = ठीक है, कुछ नहीं मिटाया।
delete-done = आपकी सारी जानकारी मिटा दी गई। फिर से जुड़ने के लिए /start दबाएँ।
reminder = 🙏 आपका नाम लिखवाना अधूरा है। जहाँ छोड़ा था वहीं से आगे बढ़ने के लिए "आगे बढ़ें" दबाएँ।
consent-hint = शुरू करने के लिए नीचे "✅ हाँ, शुरू करें" दबाएँ।
btn-consent-yes = ✅ हाँ, शुरू करें
btn-consent-no = ❌ नहीं
btn-back = ⬅️ पीछे
btn-share-phone = 📱 मेरा नंबर भेजें
btn-other-division = ⬅️ दूसरा मंडल
btn-pick-from-list = 📋 सूची से चुनें
btn-craft-other = ✏️ कुछ और
btn-keep-answer = ✅ यही रहने दें
keep-now = अभी लिखा है: { $value }
btn-skip = ⏭ छोड़ें
btn-photos-done = ✅ हो गया
btn-profile-name = 👤 { $name }
btn-amount-price = { price-amount }
btn-amount-capacity = { $value } { $unit }
btn-submit = ✅ सही है, जमा करें
btn-submit-anyway = ✅ फिर भी भेजें
btn-change = ✏️ कुछ बदलना है
btn-edit-name = नाम
btn-edit-phone = मोबाइल
btn-edit-district = ज़िला
btn-edit-craft = काम
btn-edit-product_name = सामान का नाम
btn-edit-description = सामान के बारे में
btn-edit-price = दाम
btn-edit-capacity = महीने में कितना
btn-edit-photos = 📷 फ़ोटो
btn-extras = ➕ GST, उद्यम…
btn-edit-gstin = GSTIN
btn-edit-udyam = उद्यम नंबर
btn-edit-pehchan = पहचान कार्ड
btn-photos-add = ➕ और फ़ोटो
btn-photos-replace = 🔄 सब फ़ोटो बदलें
btn-photos-replace-yes = ✅ हाँ, बदलें
btn-keep = रहने दें
btn-continue = ▶️ आगे बढ़ें
btn-new-product = ➕ नया सामान
btn-status = 📋 मेरे सामान
btn-fix = ✏️ सुधार करें
btn-delete-yes = 🗑 हाँ, मिटाएँ
btn-delete-no = रहने दें
