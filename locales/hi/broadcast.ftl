# Admin broadcasts and artisans' notice settings. Hindi is the source language.
bc-admins-only = यह आदेश सिर्फ़ एडमिन के लिए है।
bc-ask-message =
    <b>नई सूचना</b>
    कारीगरों को जो सूचना भेजनी है, वह लिखकर भेजें — या फ़ोटो के साथ कैप्शन में लिखें।
    रोकने के लिए /cancel दबाएँ।
bc-message-unsupported = सूचना में केवल लिखा हुआ संदेश या कैप्शन वाली फ़ोटो भेजी जा सकती है। कृपया फिर से भेजें।
bc-ask-caption = फ़ोटो मिल गई। अब उसके साथ जाने वाली सूचना लिखकर भेजें — या सिर्फ़ फ़ोटो भेजनी हो तो नीचे दबाएँ।
bc-btn-no-caption = ➡️ सिर्फ़ फ़ोटो
bc-caption-too-long = फ़ोटो के नीचे का संदेश बहुत लंबा है: { $count } अक्षर, Telegram { $max } तक ही भेजता है। उसे छोटा करके फिर भेजें, या फ़ोटो के बिना पूरा संदेश भेजें।
bc-audience =
    <b>यह सूचना किसे भेजनी है?</b>
    { $summary }
    अभी चुने गए कारीगर: <b>{ $count }</b>
bc-filter-all = सभी पंजीकृत कारीगर
bc-filter-districts = ज़िले: { $names }
bc-filter-crafts = शिल्प: { $names }
bc-filter-states = आवेदन की स्थिति: { $names }
bc-filter-languages = भाषा: { $names }
bc-btn-everyone = सभी कारीगर
bc-btn-districts = ज़िले चुनें
bc-btn-crafts = शिल्प चुनें
bc-btn-states = आवेदन की स्थिति
bc-btn-languages = भाषा
bc-btn-preview = पूर्वावलोकन देखें
bc-btn-send = भेजें
bc-btn-change = कारीगर बदलें
bc-btn-cancel = रद्द करें
bc-btn-back = वापस
bc-ask-districts = ज़िलों के नाम लिखें, कॉमा लगाकर (जैसे: आगरा, वाराणसी)।
bc-districts-unknown = ये ज़िले नहीं मिले: { $names }। कृपया ज़िलों के नाम फिर से लिखें।
bc-ask-crafts = शिल्प का नाम लिखें, कई हों तो कॉमा लगाकर (जैसे: टेराकोटा)।
bc-crafts-invalid = शिल्प का नाम 2 से 120 अक्षरों का होना चाहिए। कृपया फिर से लिखें।
bc-ask-states = आवेदन की स्थिति चुनें (दोबारा दबाने पर हट जाएगी), फिर "वापस" दबाएँ:
bc-ask-languages = भाषा चुनें (दोबारा दबाने पर हट जाएगी), फिर "वापस" दबाएँ:
bc-use-buttons = कृपया नीचे दिए बटन इस्तेमाल करें।
bc-preview = ⬆️ कारीगरों को सूचना ठीक ऐसी दिखेगी। यह <b>{ $count }</b> कारीगरों को जाएगी। भेजें?
bc-preview-empty = इन शर्तों पर कोई कारीगर नहीं मिला। कारीगर बदलें या रद्द करें।
bc-via-helpers = 🤝 इनमें { $artisans } कारीगरों के पास Telegram नहीं है: सूचना उन्हें दर्ज करने वाले सहायकों ({ $helpers }) को जाएगी, ताकि वे बता दें।
bc-queued = सूचना #{ $id } { $count } कारीगरों के लिए कतार में है। भेजने की प्रगति यहीं दिखेगी।
bc-compose-cancelled = सूचना रद्द कर दी। कुछ नहीं भेजा गया।
bc-progress-starting = 📣 सूचना #{ $id } भेजना शुरू हो रहा है…
bc-progress =
    📣 सूचना #{ $id } भेजी जा रही है
    { $bar } { $percent }%
    भेजी गई: { $sent } · विफल: { $failed } · बाकी: { $remaining }
    { $eta }
bc-eta = लगभग { $minutes } मिनट { $seconds } सेकंड बाकी
bc-progress-done =
    ✅ सूचना #{ $id } भेज दी गई
    { $bar } 100%
bc-progress-done-failed =
    ⚠️ सूचना #{ $id } पूरी हुई — { $failed } को नहीं पहुँची
    { $bar } 100%
bc-progress-cancelled =
    ⛔ सूचना #{ $id } रोक दी गई
    { $bar }
bc-report =
    <b>सूचना #{ $id } पूरी हुई</b>
    कुल कारीगर: { $total }
    भेजी गई: { $sent }
    विफल: { $failed }
    छोड़ दी गई (सूचनाएँ बंद या संपर्क नहीं): { $skipped }
    समय: { $minutes } मिनट { $seconds } सेकंड
bc-report-cancelled =
    <b>सूचना #{ $id } रोक दी गई</b>
    कुल कारीगर: { $total }
    भेजी गई: { $sent }
    विफल: { $failed }
    नहीं भेजी गई: { $skipped }
    समय: { $minutes } मिनट { $seconds } सेकंड
bc-report-helpers = 🤝 सहायकों के ज़रिए: { $artisans } बिना Telegram वाले कारीगर (सहायक: { $helpers }, ऊपर हर सहायक एक बार गिना गया)
bc-report-reasons =
    विफल होने के मुख्य कारण:
    { $reasons }
bc-list-empty = अभी तक कोई सूचना नहीं भेजी गई।
bc-list-title = <b>हाल की सूचनाएँ</b>
bc-list-line =
    <b>#{ $id }</b> · { $date } · { $state }
    { $snippet }
    भेजी गई { $sent }/{ $total } · विफल { $failed } · छोड़ी गई { $skipped } · बाकी { $pending }
bc-list-helpers = 🤝 सहायकों के ज़रिए { $artisans } कारीगर (सहायक: { $helpers })
bc-state-queued = कतार में
bc-state-sending = भेजी जा रही है
bc-state-done = पूरी हुई
bc-state-cancelled = रोकी गई
bc-cancel-usage = ऐसे लिखें: /cancelbroadcast 12 (सूचना का नंबर /broadcasts में मिलेगा)।
bc-cancel-unknown = सूचना #{ $id } नहीं मिली।
bc-cancel-finished = सूचना #{ $id } पहले ही { $state } है, रोकने को कुछ नहीं।
bc-cancel-done = सूचना #{ $id } रोक दी। { $sent } कारीगरों को जा चुकी थी, { $skipped } को अब नहीं जाएगी (इसी पल भेजी जा रही कुछ सूचनाएँ फिर भी पहुँच सकती हैं)।
notices-stopped = ठीक है, अब आपको सूचनाएँ नहीं भेजी जाएँगी। आपके उत्पाद के फ़ैसले की ख़बर फिर भी आएगी। सूचनाएँ फिर से चालू करने के लिए /startnotices दबाएँ।
notices-started = ठीक है, अब आपको सूचनाएँ फिर से मिलेंगी। बंद करने के लिए /stopnotices दबाएँ।
notices-not-registered = सूचनाएँ केवल पंजीकृत कारीगरों को जाती हैं। पंजीकरण के लिए /start दबाएँ।
