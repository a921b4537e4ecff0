# Retake hints for a very blurry or very dark photo (bot/handlers/photo_hints.py), and the
# reviewer's flag for a photo that looks like another artisan's.
photoq-hint-blurry = फ़ोटो धुंधली लग रही है — पास जाकर, उजाले में फिर से खींचें।
photoq-hint-dark = फ़ोटो बहुत अंधेरी है — दिन की रोशनी में फिर से खींचें।
photoq-hint-choose = नई फ़ोटो भेजनी हो तो नीचे दबाएँ, या इसे ऐसे ही रहने दें।
photoq-btn-retake = 📷 नई फ़ोटो खींचूँगा
photoq-btn-keep = रहने दें, यही ठीक है
photoq-kept = ✅ ठीक है, यही फ़ोटो रहेगी।
photoq-removed = 🗑 यह फ़ोटो हटा दी।
photoq-retake-later = अब फ़ोटो आख़िर में बदल सकते हैं: जानकारी जाँचते समय "✏️ कुछ बदलना है" और फिर "📷 फ़ोटो" दबाएँ।
photoq-gone = यह फ़ोटो अब बदली नहीं जा सकती।
rv-flag-similar-photo = ⚠️ फ़ोटो दूसरे कारीगर के आवेदन { $refs } की फ़ोटो जैसी दिखती है — शायद वही फ़ोटो दोबारा भेजी गई
