## Catalogue: export, listed on a marketplace, statistics (for admins; "listed-artisan" for artisans)

cat-admin-only = This command is for admins only.

cat-state-draft = unfinished
cat-state-pending = waiting for review
cat-state-in_review = in review
cat-state-approved = approved
cat-state-changes_requested = changes requested
cat-state-rejected = rejected
cat-state-listed = listed on a marketplace

cat-step-name = name
cat-step-phone = mobile
cat-step-district = district
cat-step-craft = craft
cat-step-product_name = product name
cat-step-description = description
cat-step-price = price
cat-step-capacity = monthly capacity
cat-step-photos = photos
cat-step-summary = summary (not submitted)
cat-step-gstin = GSTIN
cat-step-udyam = Udyam number
cat-step-pehchan = Pehchan card
cat-step-none = unknown step

export-bad-district = “{ $name }” was not understood — it is not a file type (csv, xlsx, json), a state or a district. Usage: /export [csv|xlsx|json] [state] [district], e.g. /export xlsx approved Varanasi; /export ondc for the ONDC catalogue (states: approved, pending, changes_requested, rejected, listed; none given: approved)
export-started = ⏳ Preparing the catalogue, the files follow shortly…
export-empty = No products match.
export-part = Photos, part { $n }/{ $total }
export-done = ✅ Catalogue: { $rows ->
        [one] 1 product
       *[other] { $rows } products
    }, { $photos ->
        [one] 1 photo
       *[other] { $photos } photos
    } ({ $parts ->
        [one] 1 zip file
       *[other] { $parts } zip files
    }).
export-missing = ⚠️ { $count ->
        [one] 1 photo is
       *[other] { $count } photos are
    } not downloaded yet — run /export again a little later.
export-failed = Sorry, the catalogue could not be made. Please try again later.

listed-usage = Usage: /listed ODOP-000123 https://… (the reference and the product's marketplace address)
listed-bad-ref = "{ $text }" is not a reference. Write it like ODOP-000123
listed-bad-url = Send a full web address starting with https://
listed-not-found = No submission { $ref }.
listed-not-approved = { $ref } is "{ $state }". Only approved products can be marked listed.
listed-already = { $ref } is already listed: { $url }
listed-done = ✅ { $ref } is marked listed. The artisan is being sent the link.
listed-artisan =
    🎉 Congratulations! Your product "{ $product }" ({ $ref }) is now on sale online:
    { $url }

stats-title = <b>📊 ODOP bot statistics</b>
stats-artisans = Artisans registered: { $count }
stats-states-title = <b>Submissions by state</b>
stats-state-line = { $state }: { $count }
stats-districts-title = <b>By district</b> (submitted / approved or listed)
stats-district-line = { $district }: { $submitted } / { $approved }
stats-reviewers-title = <b>Reviewers</b> (approved / decisions, median time from submission to decision)
stats-reviewer-line = { $reviewer }: { $approvals } / { $decisions }, { $hours } h
stats-dropoff-title = <b>Unfinished registrations — the step where artisans stopped</b>
stats-dropoff-line = { $step }: { $count }
stats-photos = Photos: { $kept } kept, { $waiting } waiting for download, { $failed } failed
stats-none = — nothing yet
stats-chart-caption = Submissions by district
stats-chart-title = Submissions by district
stats-chart-submitted = submitted
stats-chart-approved = approved or listed
