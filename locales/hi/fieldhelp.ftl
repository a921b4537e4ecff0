# Field helpers (सहायक): staff texts, short; what the artisan sees when linking is plain Hindi.
cmd-newartisan = बिना Telegram वाले कारीगर का पंजीकरण
cmd-myartisans = मेरे दर्ज किए कारीगर
cmd-addhelper = सहायक जोड़ें
cmd-removehelper = सहायक हटाएँ
staff-role-helper = सहायक
fh-usage-addhelper = लिखें: /addhelper id [ज़िले] — जैसे /addhelper 123456789 Gorakhpur (ज़िले न लिखें तो सभी ज़िले) — Telegram id: वह व्यक्ति बॉट को /queue भेजे, बॉट उसे उसका id बता देगा।
fh-usage-removehelper = लिखें: /removehelper id
fh-helper-added = ✅ <code>{ $id }</code>{ $name } अब सहायक हैं — ज़िले: { $districts }
fh-helper-removed = ✅ <code>{ $id }</code>{ $name } अब सहायक नहीं हैं।
fh-not-helper-user = <code>{ $id }</code>{ $name } सहायक नहीं हैं।
fh-you-are-helper = 🙏 अब आप ODOP के सहायक हैं: जिन कारीगरों के पास Telegram नहीं है, उनका पंजीकरण /newartisan से करें। /myartisans में आपके दर्ज किए कारीगर हैं।
fh-you-were-removed = अब आप सहायक नहीं हैं। धन्यवाद!
fh-not-helper = यह आदेश केवल सहायकों के लिए है।
fh-consent =
    कारीगर को पढ़कर सुनाएँ:
    "हम आपका नाम, मोबाइल नंबर, ज़िला, आपका काम और सामान की फ़ोटो रखेंगे। ज़िला उद्योग केंद्र इसे देखेगा, फिर आपका सामान ऑनलाइन बिक्री पर आ सकता है।"

    कारीगर ने हाँ कहा? तब नीचे का बटन दबाएँ — सहमति आपके नाम और अभी के समय के साथ दर्ज होगी।
fh-btn-consent = ✅ कारीगर ने हाँ कहा
fh-started = ठीक है। अब कारीगर से पूछकर हर सवाल का जवाब भेजें। बीच में रोकना हो तो /cancel (भरी जानकारी सुरक्षित रहेगी)।
fh-new-artisan = नए कारीगर
fh-header = <b>सहायक: { $name } के लिए</b>
fh-ask-name =
    कारीगर का पूरा नाम क्या है?
    लिखें, जैसे: रामू प्रजापति — या 🎤 कारीगर से बुलवाकर भेजें।
fh-ask-district =
    कारीगर किस ज़िले में रहते हैं?
    ज़िले का नाम या पिन कोड लिखें, जैसे: गोरखपुर या 273001
fh-ask-craft =
    कारीगर कौन-सा काम करते हैं?
    उनके ज़िले का ODOP काम: <b>{ $odop }</b>। बटन दबाएँ, या "कुछ और" दबाकर बताएँ।
fh-ask-product-name =
    कारीगर कौन-सा सामान बेचना चाहते हैं?
    उसका नाम लिखें, जैसे: टेराकोटा हाथी — या 🎤 बोलकर भेजें।
fh-ask-capacity =
    कारीगर महीने में कितने { $unit } बना लेते हैं?
    लिखें, जैसे: 50 — पता न हो तो "छोड़ें" दबाएँ।
fh-ask-phone =
    कारीगर का मोबाइल नंबर?
    लिखकर भेजें, जैसे: 98765 43210
fh-phone-typed = कारीगर का नंबर लिखकर भेजें — अपना संपर्क (contact) नहीं।
fh-submitted =
    ✅ { $name } का सामान जमा हो गया। आवेदन नंबर: <b>{ $ref }</b>
    यह नंबर कारीगर को लिखकर दे दें। फ़ैसला होते ही मैं आपको यहीं बताऊँगा।
    अगले कारीगर के लिए /newartisan, अपने सारे कारीगर /myartisans
fh-assist-over = आप अब यह पंजीकरण नहीं कर सकते (सहायक की भूमिका हटी, या कारीगर ने ख़ुद Telegram जोड़ लिया)।
fh-flag-many = ⚠️ सहायक <code>{ $id }</code>{ $name } ने आज { $count } से ज़्यादा कारीगर दर्ज किए हैं। एक बार जाँच लें (पंजीकरण रोका नहीं गया)।
fh-mine-none = आपने अभी तक कोई कारीगर दर्ज नहीं किया। /newartisan से शुरू करें।
fh-mine-title = <b>आपके दर्ज किए कारीगर: { $count }</b>
fh-mine-artisan = 👤 <b>{ $name }</b> · { $phone } · { $district } { $linked }
fh-mine-linked = (Telegram से जुड़े)
fh-mine-product = • { $ref } { $product }: { $state }
fh-notify-approved = ✅ { $name } का सामान <b>{ $product }</b> ({ $ref }) पास हो गया। कारीगर को बता दें।
fh-notify-changes =
    ✏️ { $name } के सामान <b>{ $product }</b> ({ $ref }) में सुधार चाहिए:
    { $reason }
    कारीगर से पूछकर ठीक करें।
fh-notify-rejected =
    ❌ { $name } का सामान <b>{ $product }</b> ({ $ref }) नामंज़ूर हुआ:
    { $reason }
fh-notify-reopened = 🔄 { $name } का सामान <b>{ $product }</b> ({ $ref }) फिर से जाँच में है।
fh-helper-told-linked = 🔗 { $name } ने अपना Telegram जोड़ लिया। अब फ़ैसले की ख़बर उन्हें सीधे मिलेगी।
fh-link-offer =
    इस मोबाइल नंबर पर <b>{ $name }</b> का पंजीकरण पहले से है (ज़िला उद्योग केंद्र के सहायक ने किया था)।
    यह आप हैं?
fh-btn-link-yes = ✅ हाँ, मैं हूँ
fh-btn-link-no = नहीं, मैं नहीं हूँ
fh-linked = ✅ जुड़ गया! अब आपके सामान की हर ख़बर आपको यहीं मिलेगी।
fh-link-declined = ठीक है। आप अपना पंजीकरण आगे भरते रहें।
fh-out-of-scope = आप केवल अपने ज़िलों के कारीगरों का पंजीकरण कर सकते हैं। ज़िला बदलें।
fh-rv-flag-assisted = 🤝 सहायक ने कारीगर के सामने दर्ज किया (कारीगर के पास Telegram नहीं)
fh-help =
    <b>सहायक के लिए</b>
    /newartisan — बिना Telegram वाले कारीगर का पंजीकरण
    /myartisans — आपके दर्ज किए कारीगर, अधूरे पंजीकरण आगे भरें
    /cancel — अभी का पंजीकरण रोकें (भरी जानकारी सुरक्षित)
fh-btn-continue = ▶️ { $name }
fh-nothing-to-continue = इस कारीगर का कोई अधूरा सामान नहीं है।
# A notice for the artisans a helper registered, under the notice itself.
fh-pass-on = 📣 ऊपर की सूचना इन कारीगरों तक पहुँचा दें (आपने इन्हें दर्ज किया था, इनके पास Telegram नहीं है):
fh-pass-on-line = • { $name } — { $district }
fh-pass-on-next = 📣 सूची आगे (भाग { $part }):
fh-district-not-yours = { $district } आपके ज़िलों में नहीं है: आप सिर्फ़ अपने ज़िलों के कारीगर दर्ज कर सकते हैं। कारीगर का ज़िला फिर से चुनें।
fh-link-which =
    इस मोबाइल नंबर पर इनका पंजीकरण पहले से है: <b>{ $names }</b> (ज़िला उद्योग केंद्र के सहायक ने किया था)।
    इनमें आप कौन हैं?
fh-btn-link-me = ✅ मैं { $name } हूँ
fh-btn-link-made = ✅ { $product }
fh-name-made = { $name } ({ $product } वाले)
fh-help-in-session = कारीगर का पंजीकरण यहीं रुका रहेगा। सवाल हो तो ज़िला उद्योग केंद्र से पूछें — या /cancel दबाकर 🙋 मदद से अपना सवाल भेजें।
fh-still-registering = आप अभी एक कारीगर का पंजीकरण कर रहे हैं — यहीं से आगे बढ़ें। रोकना हो तो /cancel दबाएँ।
fh-cancelled = ठीक है, रोक दिया। कारीगर की भरी जानकारी सुरक्षित है — /myartisans से वहीं से आगे बढ़ें।
fh-twin = ⚠️ { $name } इसी नंबर से पहले से दर्ज हैं। वही कारीगर हों तो इसे आगे न भरें, /cancel दबाएँ — उनका पहला पंजीकरण ही रहेगा। कोई और हों तो आगे बढ़ें।
fh-link-first = पहले ऊपर के सवाल का जवाब दें — यह आप हैं या नहीं। फिर 🙋 मदद पूछ सकते हैं।
