# Marketplace details after approval, the monthly stock check, the ONDC export (issue 21).
# Artisan texts (ls-ask-*, ls-echo-*, ls-err-*) follow shared/HINDI.md: one question, an example.

## The artisan: questions after approval
ls-intro =
    ऑनलाइन बिक्री के लिए <b>{ $product }</b> के बारे में कुछ छोटे सवाल।
    बटन दबाएँ, लिखें या 🎤 बोलें।
ls-ask-material = यह किस चीज़ से बना है? बटन दबाएँ, या लिखें (जैसे: मिट्टी), या 🎤 बोलें।
ls-ask-colour = इसका रंग क्या है? बटन दबाएँ, या लिखें (जैसे: लाल), या 🎤 बोलें।
ls-ask-material-typed = यह किस चीज़ से बना है? लिखें, या 🎤 बोलें।
ls-ask-colour-typed = इसका रंग क्या है? लिखें, या 🎤 बोलें।
ls-ask-stock = अभी कितने { $unit } तैयार हैं? बटन दबाएँ या गिनती लिखें, जैसे: 12
ls-ask-ship = ऑर्डर आने के बाद भेजने में कितने दिन लगेंगे?
ls-days = { $days } दिन
ls-ask-size =
    नाप या वज़न लिखें, जैसे: 30 सेमी ऊँचा, 2 किलो
    पता न हो तो "छोड़ें" दबाएँ।
ls-echo-material = किस चीज़ से बना: { $value } ✅
ls-echo-colour = रंग: { $value } ✅
ls-echo-stock = तैयार: { $value } { $unit } ✅
ls-echo-ship = भेजने में: { $value } दिन ✅
ls-echo-size = नाप या वज़न: { $value } ✅
ls-done =
    धन्यवाद! <b>{ $product }</b> की पूरी जानकारी मिल गई ✅
    हर महीने मैं पूछूँगा कि कितने { $unit } तैयार हैं।
ls-err-number = गिनती अंकों में लिखें, जैसे: 12 — या बटन दबाएँ।
ls-err-material = किस चीज़ से बना है, वह लिखें, जैसे: मिट्टी, लकड़ी, पीतल — या बटन दबाएँ।
ls-err-colour = रंग लिखें, जैसे: लाल, पीला — कई रंग हों तो लिखें: कई रंग — या बटन दबाएँ।
ls-err-size = नाप या वज़न लिखें, जैसे: 30 सेमी ऊँचा, 2 किलो — पता न हो तो "छोड़ें" दबाएँ।
ls-err-stock-period = यह तो रोज़ या हफ़्ते की गिनती लगती है। अभी कितने बने रखे हैं? जैसे: 12 — एक भी नहीं तो 0 दबाएँ।
ls-err-type = बटन दबाएँ या जवाब लिखकर भेजें।
ls-err-question = यह तो सवाल लगता है, इसे जवाब नहीं माना। कुछ पूछना हो तो "मदद" लिखें।
ls-err-to-order = ठीक है, आप ऑर्डर पर बनाते हैं। अभी एक भी बना न रखा हो तो 0 दबाएँ।
ls-err-guess = अंदाज़े से बताएँ कितने दिन में भेज देंगे, जैसे: 7 — या बटन दबाएँ।
## The artisan: the monthly stock check
ls-ask-restock = <b>{ $product }</b> ({ $ref }): अभी कितने { $unit } तैयार हैं?
ls-btn-pause = ⏸ बंद करें
ls-btn-resume = ▶️ फिर शुरू करें
ls-paused =
    ठीक है, <b>{ $product }</b> की ऑनलाइन बिक्री अभी बंद कर दी ⏸
    फिर से बेचना हो तो नीचे बटन दबाएँ।

## Staff
ls-hsn-usage = उपयोग: /hsn ODOP-000123 6913 (HSN कोड: 4, 6 या 8 अंक)
ls-hsn-digits = HSN कोड 4, 6 या 8 अंकों का होता है — “{ $code }” में { $count } हैं। जैसे: /hsn ODOP-000123 6913
ls-hsn-set = { $ref } का HSN कोड अब { $hsn } है ✅ (ONDC कैटलॉग में यही जाएगा)
ls-stock-none = सभी उत्पादों का स्टॉक पता है — किसी कारीगर ने दो बार जवाब न दिया हो, ऐसा कोई नहीं।
ls-stock-title = स्टॉक पता नहीं ({ $count }): कारीगर ने महीने के सवाल का दो बार जवाब नहीं दिया
ls-ondc-done = ONDC कैटलॉग: { $items } उत्पाद लिखे, { $left } छूटे (नीचे कारण)।
ls-ondc-stock-unknown = स्टॉक पता नहीं: { $refs }
ls-ondc-no-media-url = ध्यान दें: MEDIA_BASE_URL सेट नहीं है, इसलिए फ़ोटो के लिंक पूरे पते नहीं हैं।
ondc-missing-name = सामान का नाम
ondc-missing-hsn = HSN कोड
ondc-missing-description = विवरण
ondc-missing-images = फ़ोटो
ondc-missing-price = दाम
ondc-missing-category = ONDC श्रेणी
ondc-missing-category-other = श्रेणी (घर-सजावट की नहीं)
ondc-missing-time-to-ship = भेजने के दिन
ondc-missing-maker-name = बनाने वाले का नाम
ondc-missing-maker-address = बनाने वाले का पता
ondc-missing-brand = ब्रांड
ondc-missing-colour = रंग
ondc-missing-material = किस चीज़ से बना
ondc-missing-other = कोई और जानकारी
ls-set-usage = उपयोग: /setlisting ODOP-000123 रंग लाल (खाने: सामग्री, रंग, तैयार, दिन, नाप — या material, colour, stock, days, size)
ls-set-done = { $ref }: { $answer }
ls-set-heard = { $ref }: ऊपर कारीगर की आवाज़ है। सुनकर भरें: /setlisting { $ref } material …
ls-hsn-ask = { $ref }: अभी HSN { $hsn } है। सही HSN कोड लिखें (4, 6 या 8 अंक):
rv-btn-hsn = 🏷 HSN कोड
ls-set-not-approved = { $ref } अभी "{ $state }" है। बिक्री की जानकारी केवल पास हुए उत्पाद की भरी जाती है।
ls-resume = <b>{ $product }</b> के कुछ सवाल बाकी हैं:
ls-cancelled = ठीक है, रोक दिया। बाकी सवालों के जवाब देने हों, तो /start दबाएँ।
ls-err-stock-price = यह तो दाम लगता है। अभी कितने बने रखे हैं, वह गिनती लिखें, जैसे: 12 — या बटन दबाएँ।
ls-err-stock-range = अभी ठीक कितने बने रखे हैं? एक ही गिनती लिखें, जैसे: 5 — या बटन दबाएँ।
ls-btn-change = ✏️ जवाब बदलें
