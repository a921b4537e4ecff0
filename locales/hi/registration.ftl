welcome-consent =
    🙏 नमस्ते! यह उत्तर प्रदेश की <b>एक जिला एक उत्पाद (ODOP)</b> योजना का पंजीकरण बॉट है।

    हम आपका नाम, मोबाइल नंबर, जिला, शिल्प, उत्पाद की जानकारी और फोटो लेंगे।
    जिला ODOP प्रकोष्ठ इसकी जाँच करेगा, फिर आपका उत्पाद ऑनलाइन बाज़ार में दिखाया जाएगा।

    क्या आप सहमत हैं?
consent-declined = कोई बात नहीं। आपकी कोई जानकारी नहीं रखी गई। जब चाहें /start दबाकर फिर आएँ।
consent-thanks = धन्यवाद! चलिए शुरू करते हैं।
welcome-back = 🙏 नमस्ते { $name } जी! आप क्या करना चाहेंगे?
menu-hint = नीचे के बटन से चुनें कि क्या करना है।
new-product = नया उत्पाद जोड़ते हैं।
step-label = <b>चरण { $n }/{ $total }</b>
ask-name = आपका पूरा नाम क्या है?
ask-phone = आपका मोबाइल नंबर? नीचे "📱 मेरा नंबर भेजें" दबाएँ या 10 अंकों का नंबर लिखें।
ask-district = आपका जिला चुनें — पहले मंडल चुनें, या जिले का नाम लिखें।
ask-district-in = { $division } मंडल के जिले:
ask-craft = आपके जिले का ODOP उत्पाद: <b>{ $odop }</b>. आपका शिल्प चुनें, या "कुछ और" दबाकर लिखें।
ask-craft-other = अपना शिल्प लिखें (जैसे: मिट्टी के बर्तन, चिकनकारी)।
ask-product-name = उत्पाद का नाम लिखें (जैसे: टेराकोटा घोड़ा)।
ask-description = उत्पाद के बारे में 2-3 लाइन लिखें, या 🎤 आवाज़ में बोलकर भेजें।
ask-price = एक नग का दाम कितने रुपये? (जैसे: 1200)
ask-capacity = महीने में कितने नग बना सकते हैं? (जैसे: 50) — पता न हो तो "छोड़ें" दबाएँ।
ask-photos = उत्पाद की 1 से { $max } साफ़ फोटो भेजें। अभी तक: { $count }/{ $max }
ask-gstin = अपना GSTIN लिखें (15 अक्षर), या "छोड़ें" दबाएँ।
ask-udyam = अपना उद्यम पंजीकरण नंबर लिखें (UDYAM-UP-00-0000000), या "छोड़ें" दबाएँ।
ask-pehchan = अपना हस्तशिल्प पहचान कार्ड नंबर लिखें, या "छोड़ें" दबाएँ।
hint-name = कृपया अपना नाम अक्षरों में लिखकर भेजें।
hint-phone = कृपया "📱 मेरा नंबर भेजें" दबाएँ या नंबर लिखें।
hint-district = कृपया बटन से जिला चुनें या जिले का नाम लिखें।
hint-craft = कृपया बटन से शिल्प चुनें या उसका नाम लिखें।
hint-product-name = कृपया उत्पाद का नाम लिखकर भेजें।
hint-description = कृपया विवरण लिखें या आवाज़ में भेजें।
hint-price = कृपया दाम अंकों में लिखें, जैसे 1200।
hint-capacity = कृपया संख्या लिखें, जैसे 50 — या "छोड़ें" दबाएँ।
hint-summary = ऊपर की जानकारी देखें: कुछ बदलना हो तो उसका बटन दबाएँ, सब ठीक हो तो "✅ जमा करें"।
err-name-chars = नाम में केवल अक्षर हों — अंक या निशान नहीं।
err-name-length = नाम { $min } से { $max } अक्षरों का होना चाहिए।
err-phone = यह सही मोबाइल नंबर नहीं लगता। 10 अंकों का नंबर लिखें जो 6, 7, 8 या 9 से शुरू हो।
err-phone-not-own = यह किसी और का नंबर है। कृपया "📱 मेरा नंबर भेजें" बटन से अपना ही नंबर भेजें।
err-number = यह संख्या समझ नहीं आई। केवल एक रकम अंकों में लिखें, जैसे 1200।
err-price-range = दाम 1 से { $max } रुपये के बीच होना चाहिए।
err-capacity = कृपया 1 से { $max } के बीच पूरी संख्या लिखें।
err-craft = शिल्प का नाम { $min } से { $max } अक्षरों का लिखें।
err-product-name = उत्पाद का नाम { $min } से { $max } अक्षरों का लिखें।
err-description = विवरण { $min } से { $max } अक्षरों का लिखें — या आवाज़ में भेजें।
err-gstin = यह GSTIN सही नहीं लगता (15 अक्षर, जैसे 09ABCDE1234F1Z5)।
err-udyam = यह उद्यम नंबर सही नहीं लगता (जैसे UDYAM-UP-00-0000000)।
err-pehchan = यह पहचान कार्ड नंबर सही नहीं लगता (6 से 30 अक्षर/अंक)।
err-district-unknown = यह जिला नहीं मिला। कृपया बटन से चुनें।
district-did-you-mean = क्या आपका जिला इनमें से है?
district-saved = जिला: <b>{ $district }</b> ✅
phone-saved = नंबर मिल गया ✅
voice-saved = आवाज़ वाला विवरण मिल गया ✅
going-back = पीछे चलते हैं।
err-photo-video = वीडियो नहीं चलेगा — कृपया फोटो भेजें।
err-photo-type = यह फोटो नहीं है। कृपया उत्पाद की फोटो भेजें (📎 से गैलरी या कैमरा)।
err-photo-small = यह फोटो बहुत छोटी है (कम से कम { $min } पिक्सेल)। कृपया रोशनी में पास से साफ़ फोटो लें।
err-photo-limit = { $max } फोटो पूरी हो गईं, और नहीं ले सकते। "हो गया" दबाएँ।
photos-received = { $count }/{ $max } फोटो मिल गईं ✅ और भेजें, या "हो गया" दबाएँ।
summary-body =
    <b>आपकी जानकारी जाँच लें:</b>
    👤 नाम: { $name }
    📱 मोबाइल: { $phone }
    📍 जिला: { $district }
    🛠 शिल्प: { $craft }
    🏺 उत्पाद: { $product }
    📝 विवरण: { $description }
    💰 दाम: ₹{ $price }
    📦 महीने में: { $capacity } नग
    🖼 फोटो: { $photos }
    GSTIN: { $gstin } · उद्यम: { $udyam } · पहचान कार्ड: { $pehchan }
value-voice = 🎤 (आवाज़ में)
submit-incomplete = कुछ जानकारी बाकी है — पहले यह भर दें।
submitted =
    ✅ जमा हो गया! आपका नंबर: <b>{ $ref }</b>
    जिला ODOP प्रकोष्ठ इसकी जाँच करेगा। फैसला होते ही आपको यहीं संदेश मिलेगा।
submitted-again =
    ✅ सुधार के साथ फिर से जमा हो गया: <b>{ $ref }</b>
    जाँच के बाद आपको यहीं संदेश मिलेगा।
status-none = अभी आपका कोई उत्पाद दर्ज नहीं है।
status-title = <b>आपके उत्पाद:</b>
status-line = { $ref } · { $product } · <b>{ $state }</b>
status-reason = कारण: { $reason }
state-draft = अधूरा
state-pending = जाँच में
state-changes_requested = सुधार चाहिए
state-approved = स्वीकृत
state-rejected = अस्वीकृत
state-listed = सूचीबद्ध
mydata =
    <b>आपकी जानकारी जो हमारे पास है:</b>
    नाम: { $name }
    मोबाइल: { $phone }
    जिला: { $district }
    शिल्प: { $craft }
    भाषा: { $language }
    सूचनाएँ: { $notices }
    सहमति दी: { $consent }
mydata-none = हमारे पास आपकी कोई जानकारी नहीं है।
delete-confirm = क्या आप सच में अपनी सारी जानकारी, उत्पाद और फोटो मिटाना चाहते हैं? यह वापस नहीं होगा।
delete-kept = ठीक है, कुछ नहीं मिटाया।
delete-done = आपकी सारी जानकारी मिटा दी गई। फिर से जुड़ने के लिए /start दबाएँ।
reminder = 🙏 आपका पंजीकरण अधूरा है। जहाँ छोड़ा था वहीं से आगे बढ़ने के लिए "आगे बढ़ें" दबाएँ।
btn-consent-yes = ✅ सहमत हूँ
btn-consent-no = ❌ नहीं
btn-back = ⬅️ पीछे
btn-share-phone = 📱 मेरा नंबर भेजें
btn-more = और मंडल ▶
btn-other-division = ⬅️ दूसरा मंडल
btn-pick-from-list = 📋 सूची से चुनें
btn-craft-other = ✏️ कुछ और
btn-skip = ⏭ छोड़ें
btn-photos-done = ✅ हो गया
btn-edit-name = ✏️ नाम
btn-edit-phone = ✏️ मोबाइल
btn-edit-district = ✏️ जिला
btn-edit-craft = ✏️ शिल्प
btn-edit-product_name = ✏️ उत्पाद
btn-edit-description = ✏️ विवरण
btn-edit-price = ✏️ दाम
btn-edit-capacity = ✏️ मात्रा
btn-edit-photos = 🖼 नई फोटो
btn-edit-gstin = ➕ GSTIN
btn-edit-udyam = ➕ उद्यम नंबर
btn-edit-pehchan = ➕ पहचान कार्ड
btn-submit = ✅ जमा करें
btn-continue = ▶️ आगे बढ़ें
btn-new-product = ➕ नया उत्पाद
btn-status = 📋 मेरी स्थिति
btn-fix = ✏️ सुधार करें
btn-delete-yes = 🗑 हाँ, मिटाएँ
btn-delete-no = रहने दें
