## Outreach: QR posters for districts and camps (/poster, for staff), and the printed poster

poster-usage = लिखें: /poster ज़िला [कैंप का नाम] — जैसे /poster Gorakhpur ODOP मेला नवंबर
poster-not-allowed = पोस्टर सिर्फ़ एडमिन, और समीक्षक अपने ज़िलों के लिए बना सकते हैं।
poster-other-district = { $district } आपके ज़िलों में नहीं है, इसलिए इसका पोस्टर आप नहीं बना सकते।
poster-bad-district = "{ $name }" नाम का ज़िला नहीं मिला। लिखें: /poster ज़िला [कैंप का नाम]
poster-did-you-mean = क्या आपका मतलब: { $names }
poster-making = पोस्टर बन रहा है, कुछ सेकंड में भेजता हूँ…
poster-ready = { $district } का पोस्टर तैयार है{ $camp } — A4 पर छापें (PDF छपाई के लिए, PNG मोबाइल पर दिखाने के लिए)।
    इसका लिंक: { $link }
poster-ready-camp = , कैंप: { $camp }
poster-failed = पोस्टर नहीं बन सका: सर्वर पर हिंदी फ़ॉन्ट (fonts-noto-core) या Pillow की Raqm लाइब्रेरी नहीं है। सर्वर देखने वाले को बताएँ।

# The printed poster (always in Hindi): artisans read it at a camp or a district office.
poster-title = ज़िला उद्योग केंद्र, { $district }
poster-headline = अपना सामान ऑनलाइन बिक्री के लिए मोबाइल से दर्ज कराएँ
poster-step-1 = मोबाइल के कैमरे से यह कोड स्कैन करें
poster-step-2 = Telegram खुलेगा
poster-step-3 = नीचे START (शुरू करें) बटन दबाएँ

# An artisan who came by a poster, before the consent question.
campaign-welcome = 🙏 { $district } ज़िला उद्योग केंद्र की ओर से स्वागत है।

stats-campaigns-title = <b>पोस्टर और कैंप</b> (दर्ज कारीगर / पास या ऑनलाइन बिक्री पर सामान)
stats-campaign-line = { $campaign } — { $district }: { $registered } / { $approved }
