# Admin broadcasts and artisans' notice settings. Every key here exists in locales/hi too.
bc-admins-only = This command is for admins only.
bc-ask-message =
    <b>New notice</b>
    Send the notice for artisans as a text message — or as a photo with the text in its caption.
    Press /cancel to stop.
bc-message-unsupported = A notice can only be a text message or a photo with a caption. Please send it again.
bc-ask-caption = Photo received. Now type the notice to go with it — or press below to send the photo alone.
bc-btn-no-caption = ➡️ Photo alone
bc-caption-too-long = The text under the photo is too long: { $count } characters, and Telegram sends at most { $max }. Shorten it and send again, or send the whole text without the photo.
bc-audience =
    <b>Who should receive this notice?</b>
    { $summary }
    Artisans selected now: <b>{ $count }</b>
bc-filter-all = All registered artisans
bc-filter-districts = Districts: { $names }
bc-filter-crafts = Crafts: { $names }
bc-filter-states = Submission state: { $names }
bc-filter-languages = Language: { $names }
bc-btn-everyone = All artisans
bc-btn-districts = Choose districts
bc-btn-crafts = Choose crafts
bc-btn-states = Submission state
bc-btn-languages = Language
bc-btn-preview = Preview
bc-btn-send = Send
bc-btn-change = Change recipients
bc-btn-cancel = Cancel
bc-btn-back = Back
bc-ask-districts = Type the district names, separated by commas (e.g. Agra, Varanasi).
bc-districts-unknown = I could not find these districts: { $names }. Please type the district names again.
bc-ask-crafts = Type the craft name, several separated by commas (e.g. Terracotta).
bc-crafts-invalid = A craft name has 2 to 120 characters. Please type it again.
bc-ask-states = Choose submission states (press again to remove), then press "Back":
bc-ask-languages = Choose languages (press again to remove), then press "Back":
bc-use-buttons = Please use the buttons below.
bc-preview = ⬆️ This is exactly how artisans will see the notice. It will go to { $count ->
        [one] <b>1</b> artisan
       *[other] <b>{ $count }</b> artisans
    }. Send it?
bc-preview-empty = No artisan matches these filters. Change the recipients or cancel.
bc-via-helpers = 🤝 { $artisans ->
        [one] 1 of them has
       *[other] { $artisans } of them have
    } no Telegram: the notice goes to the field helpers who registered them ({ $helpers }), to pass it on.
bc-queued = Notice #{ $id } is queued for { $count ->
        [one] 1 artisan
       *[other] { $count } artisans
    }. Its progress will appear here.
bc-compose-cancelled = Notice cancelled. Nothing was sent.
bc-progress-starting = 📣 Notice #{ $id }: starting to send…
bc-progress =
    📣 Sending notice #{ $id }
    { $bar } { $percent }%
    Sent: { $sent } · Failed: { $failed } · Remaining: { $remaining }
    { $eta }
bc-eta = About { $minutes } min { $seconds } s left
bc-progress-done =
    ✅ Notice #{ $id } sent
    { $bar } 100%
bc-progress-done-failed =
    ⚠️ Notice #{ $id } finished — { $failed } could not be delivered
    { $bar } 100%
bc-progress-cancelled =
    ⛔ Notice #{ $id } stopped
    { $bar }
bc-report =
    <b>Notice #{ $id } finished</b>
    Artisans: { $total }
    Sent: { $sent }
    Failed: { $failed }
    Skipped (opted out or unreachable): { $skipped }
    Time: { $minutes } min { $seconds } s
bc-report-cancelled =
    <b>Notice #{ $id } stopped</b>
    Artisans: { $total }
    Sent: { $sent }
    Failed: { $failed }
    Not sent: { $skipped }
    Time: { $minutes } min { $seconds } s
bc-report-helpers = 🤝 Via field helpers: { $artisans ->
        [one] 1 artisan
       *[other] { $artisans } artisans
    } without Telegram (helpers: { $helpers }, each counted once above)
bc-report-reasons =
    Main reasons for failures:
    { $reasons }
bc-list-empty = No notices have been sent yet.
bc-list-title = <b>Recent notices</b>
bc-list-line =
    <b>#{ $id }</b> · { $date } · { $state }
    { $snippet }
    Sent { $sent }/{ $total } · failed { $failed } · skipped { $skipped } · remaining { $pending }
bc-list-helpers = 🤝 via field helpers: { $artisans ->
        [one] 1 artisan
       *[other] { $artisans } artisans
    } (helpers: { $helpers })
bc-state-queued = queued
bc-state-sending = sending
bc-state-done = finished
bc-state-cancelled = stopped
bc-cancel-usage = Write it like this: /cancelbroadcast 12 (the notice numbers are in /broadcasts).
bc-cancel-unknown = There is no notice #{ $id }.
bc-cancel-finished = Notice #{ $id } is already { $state }; nothing to stop.
bc-cancel-done = Notice #{ $id } stopped. It had reached { $sent ->
        [one] 1 artisan
       *[other] { $sent } artisans
    }; { $skipped } will not get it (the few being sent at this moment may still arrive).
notices-stopped = OK, you will not get notices any more. News about your own products will still reach you. Press /startnotices to turn notices on again.
notices-started = OK, you will get notices again. Press /stopnotices to stop them.
notices-not-registered = Notices go to registered artisans only. Press /start to register.
