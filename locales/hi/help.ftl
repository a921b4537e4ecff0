# 🙋 Help: the artisan's question to the district office, and the staff's answer.
btn-help = 🙋 मदद
help-ask =
    🙋 अपना सवाल लिखें, या 🎤 बोलकर भेजें।
    ज़िला उद्योग केंद्र के लोग यहीं जवाब देंगे।
help-ask-again = अपना सवाल लिखकर या 🎤 बोलकर भेजें।
help-office-phone = 📞 दफ़्तर का नंबर: { $phone }
help-sent = ✅ आपका सवाल भेज दिया। जवाब यहीं आएगा।
help-answer =
    💬 <b>ज़िला उद्योग केंद्र से जवाब:</b>
    { $text }
help-line-artisan = 🙋 { $text }
help-line-staff = 💬 { $text }
# Staff texts (reviewers, admins).
help-card =
    🙋 <b>कारीगर का सवाल</b>
    { $name } · { $phone } · { $district }
    अभी कहाँ हैं: { $step } · आवेदन: { $refs }
help-step-summary = आख़िरी जाँच
help-step-none = पंजीकरण से बाहर
btn-help-never-mind = ⬅️ रहने दें
btn-help-reply = ↩️ जवाब दें
help-reply-ask = { $name } को जवाब लिखें (उन्हें यहीं बॉट में मिलेगा):
help-reply-ask-again = जवाब लिखकर भेजें (या /cancel)।
help-reply-sent = ✅ जवाब भेज दिया।
help-reply-not-allowed = यह कारीगर आपके ज़िलों में नहीं है।
help-answered-already = इसका जवाब { $who } दे चुके हैं: “{ $text }” — कुछ और कहना हो तभी लिखें, वरना /cancel।
