# Retake hints for a very blurry or very dark photo (bot/handlers/photo_hints.py), and the
# reviewer's flag for a photo that looks like another artisan's.
photoq-hint-blurry = The photo looks blurry — move closer and take it again in good light.
photoq-hint-dark = The photo is very dark — take it again in daylight.
photoq-hint-choose = To send a new one, tap below; or keep this one as it is.
photoq-btn-retake = 📷 Take a new one
photoq-btn-keep = Keep, it's fine
photoq-kept = ✅ Fine, this photo stays.
photoq-removed = 🗑 This photo is removed.
photoq-retake-later = You can change photos at the end: when checking your details, tap "✏️ Change something", then "📷 Photos".
photoq-gone = This photo can no longer be changed.
rv-flag-similar-photo = ⚠️ A photo looks like one in another artisan's application { $refs } — possibly the same picture sent again
