# 🙋 Help: the artisan's question to the district office, and the staff's answer.
btn-help = 🙋 Help
help-ask =
    🙋 Type your question, or send a 🎤 voice note.
    People at the District Industries Centre will answer here.
help-ask-again = Type your question or send a 🎤 voice note.
help-office-phone = 📞 Office number: { $phone }
help-sent = ✅ Your question was sent. The answer will come here.
help-answer =
    💬 <b>Answer from the District Industries Centre:</b>
    { $text }
help-line-artisan = 🙋 { $text }
help-line-staff = 💬 { $text }
# Staff texts (reviewers, admins).
help-card =
    🙋 <b>An artisan asks</b>
    { $name } · { $phone } · { $district }
    Where they are: { $step } · Applications: { $refs }
help-step-summary = final check
help-step-none = not registering now
btn-help-never-mind = ⬅️ Never mind
btn-help-reply = ↩️ Answer
help-reply-ask = Type your answer to { $name } (they get it here in the bot):
help-reply-ask-again = Type your answer (or /cancel).
help-reply-sent = ✅ Answer sent.
help-reply-not-allowed = This artisan is not in your districts.
help-answered-already = { $who } has already answered this: “{ $text }” — write only if you have something to add, otherwise /cancel.
