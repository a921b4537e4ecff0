## कैटलॉग: निर्यात, बाज़ार में सूचीबद्ध, आँकड़े (एडमिन के लिए; "listed-artisan" कारीगर के लिए)

cat-admin-only = यह आदेश सिर्फ़ एडमिन के लिए है।

cat-state-draft = अधूरा
cat-state-pending = जाँच की कतार में
cat-state-in_review = जाँच चल रही है
cat-state-approved = स्वीकृत
cat-state-changes_requested = सुधार माँगा गया
cat-state-rejected = अस्वीकृत
cat-state-listed = बाज़ार में सूचीबद्ध

cat-step-name = नाम
cat-step-phone = मोबाइल
cat-step-district = ज़िला
cat-step-craft = शिल्प
cat-step-product_name = उत्पाद का नाम
cat-step-description = विवरण
cat-step-price = दाम
cat-step-capacity = महीने की क्षमता
cat-step-photos = फ़ोटो
cat-step-summary = सारांश (जमा नहीं किया)
cat-step-gstin = GSTIN
cat-step-udyam = उद्यम नंबर
cat-step-pehchan = पहचान कार्ड
cat-step-none = अज्ञात चरण

export-bad-district = “{ $name }” समझ नहीं आया — यह न फ़ाइल का प्रकार (csv, xlsx, json) है, न स्थिति, न ज़िला। उपयोग: /export [csv|xlsx|json] [स्थिति] [ज़िला], जैसे /export xlsx स्वीकृत वाराणसी; ONDC कैटलॉग: /export ondc (स्थिति: स्वीकृत, लंबित, सुधार, अस्वीकृत, सूचीबद्ध; न लिखें तो स्वीकृत)
export-started = ⏳ कैटलॉग तैयार हो रहा है, फ़ाइलें थोड़ी देर में आएँगी…
export-empty = इस चुनाव में कोई उत्पाद नहीं है।
export-part = फ़ोटो, भाग { $n }/{ $total }
export-done = ✅ कैटलॉग: { $rows } उत्पाद, { $photos } फ़ोटो ({ $parts } zip फ़ाइल)।
export-missing = ⚠️ { $count } फ़ोटो अभी डाउनलोड नहीं हुईं — थोड़ी देर बाद फिर /export करें।
export-failed = माफ़ कीजिए, कैटलॉग नहीं बन पाया। थोड़ी देर बाद फिर कोशिश करें।

listed-usage = उपयोग: /listed ODOP-000123 https://… (संदर्भ संख्या और बाज़ार में उत्पाद का पूरा पता)
listed-bad-ref = "{ $text }" सही संदर्भ संख्या नहीं है। ऐसे लिखें: ODOP-000123
listed-bad-url = पूरा वेब पता भेजें जो https:// से शुरू हो।
listed-not-found = { $ref } नाम का कोई उत्पाद नहीं मिला।
listed-not-approved = { $ref } अभी "{ $state }" है। केवल स्वीकृत उत्पाद सूचीबद्ध हो सकता है।
listed-already = { $ref } पहले से सूचीबद्ध है: { $url }
listed-done = ✅ { $ref } सूचीबद्ध हो गया। कारीगर को लिंक भेजा जा रहा है।
listed-artisan =
    🎉 बधाई हो! आपका उत्पाद "{ $product }" ({ $ref }) अब ऑनलाइन बाज़ार में बिक रहा है:
    { $url }

stats-title = <b>📊 ODOP बॉट के आँकड़े</b>
stats-artisans = पंजीकृत कारीगर: { $count }
stats-states-title = <b>स्थिति के अनुसार उत्पाद</b>
stats-state-line = { $state }: { $count }
stats-districts-title = <b>ज़िले के अनुसार</b> (जमा / स्वीकृत या सूचीबद्ध)
stats-district-line = { $district }: { $submitted } / { $approved }
stats-reviewers-title = <b>जाँचकर्ता</b> (स्वीकृत / कुल फ़ैसले, जमा से फ़ैसले तक का मध्य समय)
stats-reviewer-line = { $reviewer }: { $approvals } / { $decisions }, { $hours } घंटे
stats-dropoff-title = <b>अधूरे पंजीकरण — कारीगर किस चरण पर रुके</b>
stats-dropoff-line = { $step }: { $count }
stats-photos = फ़ोटो: { $kept } सुरक्षित, { $waiting } डाउनलोड बाकी, { $failed } नहीं हो सकीं
stats-none = — अभी कुछ नहीं
stats-chart-caption = ज़िले के अनुसार उत्पाद
stats-chart-title = ज़िले के अनुसार उत्पाद
stats-chart-submitted = जमा
stats-chart-approved = स्वीकृत या सूचीबद्ध
