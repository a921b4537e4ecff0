language-name = English
language-choose = Choose your language:
language-set = OK, I will talk in English now.
word-yes = yes
word-no = no
value-missing = —
help-artisan =
    <b>What does this bot do?</b>
    Artisans of Uttar Pradesh's One District One Product (ODOP) scheme register themselves and their products here. The District Industries Centre checks each product and puts it on sale online.

    /start — start or continue registering
    /status — the status of your products
    /language — change the language
    /cancel — stop what you are doing (your answers stay saved)
    /mydata — see your data
    /deletemydata — delete your data
    /stopnotices — stop notices, /startnotices — turn them on again
    Any question? Press "🙋 Help" below.
help-reviewer =
    <b>For reviewers</b>
    /queue — submissions waiting for review
    /review next — open the next one
    /review ODOP-000123 — open this one
    /history ODOP-000123 — its history
    /reopen ODOP-000123 — put a submission rejected by mistake back in the queue
    /poster district [camp] — a camp's QR poster
    /hsn ODOP-000123 6913 — change a product's HSN code
    /setlisting ODOP-000123 — hear and fill in an artisan's spoken listing answers
help-admin =
    <b>For admins</b>
    /addreviewer id [districts] — add a reviewer
    /removereviewer id — remove a reviewer
    /addadmin id — add an admin
    /removeadmin id — remove an admin (never the last one)
    /staff — list staff
    /broadcast — send a notice to artisans
    /broadcasts — notices sent
    /cancelbroadcast 12 — stop a notice
    /stats — numbers and a chart by district
    /export [csv|xlsx|json] [state] [district] — the catalogue for marketplaces (CSV unless asked, and photos); /export ondc — the ONDC catalogue
    /listed ODOP-000123 URL — mark a product listed on a marketplace
    /addhelper id [districts] — add a field helper
    /removehelper id — remove a field helper
    /stock — products whose stock is unknown
cancel-done = OK, stopped.
cancel-saved = OK, stopped. Your answers are saved. Press /start to continue.
cancel-nothing = Nothing is in progress. Press /start to begin.
button-stale = This button is no longer active. Please continue from the newest message.
error-generic = Sorry, something went wrong. Your earlier answers are safe — please send your last answer again.
edit-ignored = I don't read edited messages. Please send the corrected answer as a new message.
unknown-command = I don't know that command. Press /help to see them all.
staff-start = Hello! You are an official on this bot. Press /queue to review; all commands are in /help. To add a product of your own, press the button below.
staff-hint = This message isn't tied to anything open, so it went nowhere. To review: /queue; all commands: /help
cmd-start = Start or continue registering
cmd-status = Status of my products
cmd-language = Change language
cmd-help = Help
cmd-cancel = Stop what I'm doing
cmd-mydata = My data
cmd-stopnotices = Stop notices
cmd-startnotices = Turn notices on again
cmd-queue = Review queue
cmd-review = Review the next submission
cmd-history = History of a submission
cmd-addreviewer = Add a reviewer
cmd-removereviewer = Remove a reviewer
cmd-staff = List staff
cmd-addadmin = Add an admin
cmd-broadcast = Send a notice
cmd-broadcasts = Notices sent
cmd-cancelbroadcast = Stop a broadcast
cmd-stats = Statistics
cmd-reopen = Reopen a rejected submission
cmd-export = Download the catalogue
cmd-listed = Mark as listed on a marketplace
flood-slow-down = You are sending messages very fast. Please wait a few seconds, then send again.
cmd-poster = QR poster for a camp
cmd-hsn = a product's HSN code
cmd-setlisting = fill in listing details
cmd-stock = products with unknown stock
