# Staff safety (issue 18): own products, removing admins, the audit of role changes.
rv-own-submission = { $ref } is your own product. Another reviewer must decide it — nobody reviews their own submission.
reason-reviewer-rescoped = reviewer's districts changed, back in the queue
cmd-removeadmin = Remove an admin
staff-usage-removeadmin = Write: /removeadmin id
staff-admin-removed = ✅ <code>{ $id }</code>{ $name } is no longer an admin.
staff-not-admin = <code>{ $id }</code>{ $name } is not an admin added in chat.
staff-admin-from-settings-only = <code>{ $id }</code>{ $name } is an admin through the ADMIN_IDS setting — remove them there.
staff-last-admin = <code>{ $id }</code>{ $name } is the last admin. Add another admin first (/addadmin), or nobody could manage staff any more.
staff-you-are-no-longer-admin = You are no longer an admin of the ODOP bot. Thank you!
staff-claims-released = { $count ->
        [one] 1 submission they held outside their districts went back to the queue.
       *[other] { $count } submissions they held outside their districts went back to the queue.
    }
staff-changes-title = <b>Recent role changes</b>
staff-changes-none = No role changes yet.
staff-change-line = • { $at } · { $action } · <code>{ $id }</code> { $role } { $districts } · by <code>{ $actor }</code>
staff-action-granted = added
staff-action-regranted = changed
staff-action-removed = removed
staff-change-previous = (before: { $districts })
staff-change-released = · { $count } back to the queue
staff-admin-already-from-settings = <code>{ $id }</code>{ $name } is already an admin through the ADMIN_IDS setting.
