# Common texts. Hindi is the source language; every key here exists in locales/en too.
language-name = हिन्दी
language-choose = अपनी भाषा चुनें:
language-set = ठीक है, अब मैं हिन्दी में बात करूँगा।
word-yes = हाँ
word-no = नहीं
value-missing = —
help-artisan =
    <b>यह बॉट क्या करता है?</b>
    "एक ज़िला एक उत्पाद" (ODOP) योजना में कारीगर यहाँ अपना नाम और अपना सामान लिखवाते हैं। ज़िला उद्योग केंद्र देखकर सामान को ऑनलाइन बिक्री पर डालता है।

    /start — नाम लिखवाना शुरू करें, या आगे भरें
    /status — आपके सामान का हाल
    /language — भाषा बदलें (English)
    /cancel — अभी का काम रोकें (भरी जानकारी रहेगी)
    /mydata — आपकी जानकारी देखें
    /deletemydata — आपकी जानकारी मिटाएँ
    /stopnotices — सूचनाएँ बंद करें, /startnotices — फिर चालू करें
    कोई सवाल हो तो नीचे "🙋 मदद" दबाएँ।
help-reviewer =
    <b>जाँचकर्ता के लिए</b>
    /queue — जाँच के लिए बाकी आवेदन
    /review next — अगला आवेदन खोलें
    /review ODOP-000123 — यह आवेदन खोलें
    /history ODOP-000123 — आवेदन का इतिहास
    /reopen ODOP-000123 — ग़लती से अस्वीकार हुआ आवेदन फिर से कतार में
    /poster ज़िला [कैंप] — कैंप का QR पोस्टर
    /hsn ODOP-000123 6913 — सामान का HSN कोड बदलें
    /setlisting ODOP-000123 — कारीगर की बोली हुई बिक्री की जानकारी सुनें और भरें
help-admin =
    <b>एडमिन के लिए</b>
    /addreviewer id [ज़िले] — जाँचकर्ता जोड़ें
    /removereviewer id — जाँचकर्ता हटाएँ
    /addadmin id — एडमिन जोड़ें
    /removeadmin id — एडमिन हटाएँ (आख़िरी एडमिन नहीं)
    /staff — स्टाफ़ की सूची
    /broadcast — कारीगरों को सूचना भेजें
    /broadcasts — भेजी गई सूचनाएँ
    /cancelbroadcast 12 — सूचना भेजना रोकें
    /stats — आँकड़े और ज़िलेवार चार्ट
    /export [csv|xlsx|json] [स्थिति] [ज़िला] — मार्केटप्लेस के लिए कैटलॉग (बिना कहे CSV, और फ़ोटो); /export ondc — ONDC कैटलॉग
    /listed ODOP-000123 URL — उत्पाद को बाज़ार में सूचीबद्ध करें
    /addhelper id [ज़िले] — सहायक जोड़ें
    /removehelper id — सहायक हटाएँ
    /stock — जिनका स्टॉक पता नहीं
cancel-done = ठीक है, रोक दिया।
cancel-saved = ठीक है, रोक दिया। आपकी भरी जानकारी सुरक्षित है। आगे बढ़ने के लिए /start दबाएँ।
cancel-nothing = अभी कुछ चल नहीं रहा है। शुरू करने के लिए /start दबाएँ।
button-stale = यह बटन अब काम का नहीं है। नीचे दिए नए संदेश से आगे बढ़ें।
error-generic = माफ़ कीजिए, कुछ गड़बड़ हो गई। आपकी पहले की जानकारी सुरक्षित है — अपना आख़िरी जवाब फिर से भेजें।
edit-ignored = बदला हुआ संदेश मैं नहीं पढ़ता। सही जवाब नए संदेश में भेजें।
unknown-command = यह कमांड मैं नहीं जानता। सभी कमांड देखने के लिए /help दबाएँ।
staff-start = नमस्ते! आप इस बॉट में अधिकारी हैं। जाँच के लिए /queue दबाएँ, सभी आदेश /help में हैं। अपना सामान जोड़ना हो तो नीचे का बटन दबाएँ।
staff-hint = यह संदेश किसी खुले काम से नहीं जुड़ा, इसलिए कहीं नहीं गया। जाँच के लिए /queue, सभी आदेश: /help
cmd-start = सामान जोड़ें / आगे बढ़ें
cmd-status = मेरे सामान का हाल
cmd-language = भाषा बदलें
cmd-help = मदद
cmd-cancel = अभी का काम रोकें
cmd-mydata = मेरी जानकारी
cmd-stopnotices = सूचनाएँ बंद करें
cmd-startnotices = सूचनाएँ फिर चालू करें
cmd-queue = जाँच की कतार
cmd-review = अगला आवेदन जाँचें
cmd-history = आवेदन का इतिहास
cmd-addreviewer = जाँचकर्ता जोड़ें
cmd-removereviewer = जाँचकर्ता हटाएँ
cmd-staff = स्टाफ़ की सूची
cmd-addadmin = एडमिन जोड़ें
cmd-broadcast = सूचना भेजें
cmd-broadcasts = भेजी गई सूचनाएँ
cmd-cancelbroadcast = सूचना भेजना रोकें
cmd-stats = आँकड़े
cmd-reopen = अस्वीकृत आवेदन फिर खोलें
cmd-export = कैटलॉग डाउनलोड
cmd-listed = बाज़ार में सूचीबद्ध करें
flood-slow-down = आप बहुत तेज़ी से भेज रहे हैं। कुछ सेकंड रुककर फिर भेजें।
cmd-poster = कैंप का QR पोस्टर
cmd-hsn = किसी सामान का HSN कोड
cmd-setlisting = बिक्री की जानकारी भरें
cmd-stock = जिनका स्टॉक पता नहीं
