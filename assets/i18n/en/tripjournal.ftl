# tripjournal's window, English. Keys are kebab-case; variables are { $name }.
# Each message here must exist in zh-CN and de too (a test checks).

## The command table: a label (toolbar, button, menu) and what it does (tooltips, F1 help).
cmd-capture-session = 🎤 Session
cmd-capture-session-help = New session (talk); keep typing its title
cmd-capture-meal = 🍴 Meal
cmd-capture-meal-help = New meal; keep typing its title
cmd-capture-rating = ⭐ Food rating
cmd-capture-rating-help = New food rating; keep typing its title
cmd-capture-note = 📝 Note
cmd-capture-note-help = New note; keep typing its title
cmd-new-trip = ➕ New trip
cmd-new-trip-help = New trip
cmd-add-photos = 📷 Add photos…
cmd-add-photos-help = Add photos to the selected entry (or the trip)
cmd-paste-help = Paste text into a field, or an image as a photo
cmd-find-help = Search the trip
cmd-export = Export…
cmd-export-help = Export the trip as a blog post
cmd-save-help = Save now (edits also save by themselves)
cmd-undo = Undo
cmd-undo-help = Undo (outside a text field)
cmd-redo = Redo
cmd-redo-help = Redo
cmd-next-field-help = Next / previous field
cmd-jump-to-notes-help = Jump to the entry's notes
cmd-stars-more-help = Half a star more
cmd-stars-less-help = Half a star less
cmd-stars-lowest-help = Half a star; digits type a value (4.5)
cmd-stars-highest-help = Five stars
cmd-stars-clear-help = No rating
cmd-viewer-previous-help = Previous photo
cmd-viewer-next-help = Next photo
cmd-schedule-star-help = Star or unstar the selected talk
cmd-schedule-notes-help = Start notes on the selected talk (or open them)
cmd-schedule-next-help = Select the next talk
cmd-schedule-previous-help = Select the previous talk
cmd-confirm-help = Confirm the dialog (in a one-line field)
cmd-close-help = Leave a field; close the viewer, a dialog, this help or the editor
cmd-erase-typed-help = Erase the last letter typed
cmd-help = Help
cmd-help-help = This help
cmd-theme-help = Light or dark theme
cmd-edit-trip = Edit trip…
cmd-edit-trip-help = Change the trip's name, place, dates, zone and post
cmd-delete-trip = Delete trip…
cmd-delete-trip-help = Delete the trip with its entries and photos
cmd-watch-folder = Watch a folder…
cmd-watch-folder-help = Import the photos that arrive in a folder (a phone's sync folder)
cmd-delete-entry = Delete entry…
cmd-delete-entry-help = Delete the entry (undo brings it back)
cmd-view-photo = View…
cmd-view-photo-help = Show the photo large, with its caption
cmd-move-photo-left = Move left
cmd-move-photo-left-help = One place earlier among its photos
cmd-move-photo-right = Move right
cmd-move-photo-right-help = One place later among its photos
cmd-camera-clock = Camera clock off…
cmd-camera-clock-help = Move the times of a camera's photos
cmd-set-cover = Set as trip cover
cmd-set-cover-help = Show this photo beside the trip
cmd-delete-photo = Delete photo
cmd-delete-photo-help = Delete the photo (undo brings it back)
cmd-import-schedule = Import schedule…
cmd-import-schedule-help = A conference programme file (.ics, schedule.xml, schedule.json); or drop it on the window
cmd-new-trip-from-schedule = New trip from a schedule…
cmd-new-trip-from-schedule-help = Name, dates and time zone from a conference programme file

## Where a command's keys work (after the keys in the F1 help).
scope-stars = {" "}on stars
scope-viewer = {" "}in the photo viewer
scope-schedule = {" "}in the Schedule
scope-field = {" "}in a field

## The F1 help.
help-title = Keyboard shortcuts
help-drop = Drop photo files anywhere on the window to add them, or a conference schedule (.ics, .xml, .json) to import it.

## The top bar.
theme-light = ☀ Light
theme-dark = 🌙 Dark
language-system = System language

## The first run.
welcome-title = Welcome to tripjournal
welcome-lead = Jot down talks, meals and the food you rate; add photos; export a blog post.
welcome-demo = Open the demo trip

## The timeline.
view-by-day = By day
view-by-section = By section
view-food-board = Food board
view-schedule = Schedule
kind-sessions = Sessions
kind-sessions-show = Show sessions
kind-meals = Meals
kind-meals-show = Show meals
kind-food-ratings = Food ratings
kind-food-ratings-show = Show food ratings
kind-notes = Notes
kind-notes-show = Show notes
timeline-search-hint = Search (Ctrl+F)
timeline-search-clear = Clear the search
timeline-empty = No entries yet. Start one with the buttons above (Ctrl+1…4).
timeline-no-match = Nothing matches the search and filters.
trips-heading = Trips

## Photos.
photo-move-to = Move to
photo-unassigned = Unassigned photos
photo-unassigned-count = Unassigned photos ({ $count })

## The Schedule view.
schedule-list = List
schedule-list-help = The day's talks by time
schedule-grid = Grid
schedule-grid-help = The day's rooms side by side, by time
schedule-plan = My plan
schedule-plan-help = The day's starred talks in order, with free time and clashes
schedule-track = Track
schedule-all-tracks = All tracks
schedule-search = Search talks
schedule-search-hint = title, speaker, room…
schedule-talk-count = { $count ->
    [one] 1 talk
   *[other] { $count } talks
}
schedule-no-match = No talk of this day matches the track and the search.
schedule-none = This trip has no conference programme yet.
schedule-none-hint = Import the schedule file the conference publishes (.ics, schedule.xml or schedule.json), or drop it on the window.

## The entry editor.
editor-photos = Photos
editor-add-photos = Add photos…
editor-title = Title
editor-what-is-this-about = What is this about?
editor-notes-markdown = Notes (Markdown)
editor-preview = Preview
editor-body = Body
editor-impressions-quotes-links-markdown-works = Impressions, quotes, links… Markdown works.
editor-abstract = Abstract
editor-close = Close
editor-delete = Delete…
editor-tags = Tags
editor-section = Section
editor-pick = Pick…
editor-choose-one-of-the-trip-s-sections = Choose one of the trip's sections
editor-speakers = Speakers
editor-track = Track
editor-room = Room
editor-duration-min = Duration (min)
editor-role = Role
editor-attended = Attended
editor-link-slides-video = Link (slides/video)
editor-usefulness = Usefulness
editor-takeaways = Takeaways
editor-meal = Meal
editor-venue = Venue
editor-address = Address
editor-dishes = Dishes
editor-rating = Rating
editor-dish = Dish
editor-category = Category
editor-overall = Overall
editor-taste = Taste
editor-value = Value
editor-service = Service
editor-atmosphere = Atmosphere
editor-verdict = Verdict

## The status bar.
status-no-trip-open = Open or create a trip first
status-no-trip-for-photos = Open a trip before adding photos
status-no-trip-for-paste = Open a trip before pasting a photo
status-deleted-with-photos = The entry and its photos were deleted; this cannot be undone
status-no-camera-model = This photo does not say which camera took it
status-set-aside = { $count ->
    [one] Set aside 1 row (kept in the journal file)
   *[other] Set aside { $count } rows (kept in the journal file)
}
status-trip-created = Created “{ $name }”
status-file-not-opened = Cannot open { $file }: { $problem }
status-not-saved-retrying = Not saved yet: { $error }. Your text is kept; retrying
status-not-saved-deleted = Not saved: { $error } (it was deleted, perhaps by another program)
status-export-failed = Export failed: { $error }
status-saved = Saved
status-cannot-watch = The folder cannot be watched: { $error }
status-no-opener = Cannot open the folder: { $program } is not available ({ $error })
status-not-opened = No file manager opened { $path }: open it yourself
status-exported = Exported { $post }
status-exported-not-recorded = Exported { $post }; the read-only journal cannot record it, so exporting there again needs "Overwrite"
status-imported-photos = { $count ->
    [one] Imported 1 photo
   *[other] Imported { $count } photos
}
status-imported-duplicates = , { $count } already in the trip
status-imported-failed = , { $count } failed
status-imported-cancelled = , { $count } cancelled
status-clock-shifted = { $count ->
    [one] Moved the time of 1 photo by { $by }
   *[other] Moved the time of { $count } photos by { $by }
}
status-clock-left = , { $count } without a time left as they were
status-schedule-imported = { $imported ->
    [one] Imported 1 talk, updated { $updated }, cancelled { $cancelled }, skipped { $skipped }
   *[other] Imported { $imported } talks, updated { $updated }, cancelled { $cancelled }, skipped { $skipped }
}
status-added-on-selected = Added on { $day } (the selected entry's day)
status-added-on-first = Added on { $day } (the trip's first day)
status-added-on-last = Added on { $day } (the trip's last day)
opened-missing = there is no such file
opened-folder = it is a folder
opened-not-a-file = it is not a regular file
opened-unreadable = it cannot be read
opened-unsupported = it is neither a journal nor a conference programme (.ics, .xml, .json)
opened-second-journal = one journal opens at a time
no-dialog-photos = No file dialog is available here (no desktop portal): drop photos on the window or paste an image
no-dialog-schedule = No file dialog is available here (no desktop portal): drop the schedule file on the window
no-dialog-export-folder = No folder dialog is available here: type the destination folder
no-dialog-watch-folder = No folder dialog is available here (no desktop portal): type the folder's path
no-dialog-journal = No file dialog is available here: type the path instead
journal-demo-failed = The demo trip could not be created: { $error }
journal-import-failed = The import could not run: { $error }
journal-paste-unreadable = The pasted image could not be read
journal-paste-duplicate = { $name } is already in this trip
journal-thread = cannot start the work: { $error }
journal-schedule-failed = The schedule was not imported: { $error }
read-only-storage = This journal is on read-only storage; copy it to a writable folder to edit
read-only-file = This journal file is write-protected; copy it to a writable folder to edit
read-only-folder = This journal's folder is write-protected; copy it to a writable folder to edit
editing-off-storage = Editing is off: this journal is on read-only storage; copy it to a writable folder to edit
editing-off-file = Editing is off: this journal file is write-protected; copy it to a writable folder to edit
editing-off-folder = Editing is off: this journal's folder is write-protected; copy it to a writable folder to edit

## Export and form errors the window words.
export-would-replace = not replacing { $count } file(s) in the output folder; nothing was changed: { $files }. Tick "Overwrite" to replace them.
export-slug-without-letters = The slug needs letters or digits (it becomes a file name)
export-max-width-too-small = Max width { $width } px is too small: at least { $least } px
export-symlink = refusing to write through a symbolic link in the output folder: { $path }
export-blocked = a folder or special file is in the way of the export: { $path }
export-busy = another export into this folder is running; try again when it has finished: { $path }
export-disk-full = the disk is full; nothing was changed in the output folder: { $path }
export-cancelled = export cancelled; nothing was changed in the output folder
export-form-no-folder = Choose a destination folder first
export-form-bad-date = The post date must look like 2018-11-13
trip-form-bad-start = The start date must look like 2018-11-13
trip-form-bad-end = The end date must look like 2018-11-13

## The status bar's jobs and lists, the damaged-rows banner, a journal that did not open.
status-importing-photos = Importing photos
status-cancel-import = Cancel import
status-saving = Saving…
status-photos-not-imported = { $count } photo(s) could not be imported
status-events-skipped = { $count } event(s) of the schedule were skipped
status-dismiss = Dismiss
damage-headline = { $count ->
    [one] ⚠ 1 row of this journal cannot be read and not shown
   *[other] ⚠ { $count } rows of this journal cannot be read and not shown
}
damage-set-aside = Set aside
damage-set-aside-help = Moves them out of the way so the rest exports; they stay in the journal file
damage-more = and { $count } more
journal-not-opened = The journal could not be opened
journal-open-another = Open another journal file (a new file is created if it does not exist):
journal-file = Journal file:
journal-open = Open
journal-choose = Choose…

## Shared by the dialogs.
dialog-cancel = Cancel
date-hint = YYYY-MM-DD
tags-hint = comma, separated

## The export dialog.
export-title = Export as a blog post
export-layout = Layout
export-layout-plain = Plain folder
export-order = Order
export-order-day = By day
export-order-kind = By kind
export-order-section = By section
export-numbering = Numbering
export-numbering-help = Titles that start with their own number keep only it
export-numbering-none = None
export-max-width = Max width (px)
export-destination = Destination folder
export-keep-gps = Keep GPS position
export-gallery = Gallery of unassigned photos
export-programme = Programme
export-talks-attended = Talks I attended
export-talks-attended-help = End the post with the starred talks that have notes
export-post = Post
export-draft = Draft
export-published = Published
export-overwrite = Overwrite
export-overwrite-help = Replace or remove files in the folder that this trip's last export did not write, or that were changed since
export-phone-size = Also 800 px for phones
export-phone-size-help = Write each image at 800 px too and let the browser pick (srcset). Plain and Jekyll posts then use HTML <img>; Hugo makes its sizes with a render hook (README).
export-git = Commit to Git
export-git-help = The destination is your blog's Git repository: the post becomes a commit on its own branch. Your files, staged changes and current branch are not touched; nothing is pushed.
export-git-branch = Branch
export-git-committed = ✔ Committed { $commit } on { $branch }; push it with: git push -u origin { $branch }
export-git-unchanged = ✔ { $branch } already holds this post; no new commit
export-git-not-repository = Not the top folder of a Git repository: { $path }
export-git-no-identity = Git has no user.name and user.email for this repository; set them with git config user.name and git config user.email
export-git-not-ours = The branch { $branch } exists and was not made by tripjournal; name another, or tick Overwrite to commit on it
export-post-date = Post date
export-post-date-hint = the trip's first day
export-slug = Slug
export-slug-hint = as before (from the trip's name)
export-slug-help = The post's file and URL name; the trip keeps it for later exports
export-preview = Preview
export-rendered = Rendered
export-source = Source
export-export = Export
export-images-unit = {" "}images
export-written = ✔ Written: { $post }
export-removed = · removed { $count } file(s) no longer in the post
export-kept = · kept { $count } old file(s) you changed (tick Overwrite to remove them)
export-open-folder = Open folder

## The trip dialog.
trip-new-title = New trip
trip-edit-title = Edit trip
trip-name = Name
trip-name-hint = Berlin Summit 2018
trip-city = City
trip-city-hint = Berlin
trip-country = Country
trip-country-hint = Germany
trip-start-date = Start date
trip-end-date = End date
trip-pick-date = Pick the date on a calendar
trip-slug-hint = from the name, e.g. berlin-summit-2018
trip-author = Author
trip-summary = Summary
trip-time-zone = Time zone
trip-zone-from-place = from the place
trip-cover-set = A cover photo is set.
trip-remove-cover = Remove cover
trip-cover-hint = Set a cover from a photo's menu.
trip-save = Save trip
trip-create = Create trip
trip-post-language = Post language
trip-post-language-automatic = Automatic (from the trip's text)
trip-zone-doubt-offsets = The time zone { $zone } is a guess: the programme gives only UTC offsets ({ $offsets }) and no place; the city's zone would also keep summer time right. Type the conference's zone (e.g. Europe/Brussels) or keep it.
trip-zone-doubt-nothing = The time zone { $zone } is a guess: the programme names no zone, place or UTC offset. Type the conference's zone (e.g. Europe/Brussels) or keep it.
trip-zone-doubt = The time zone { $zone } is { $reason }. Type the conference's zone (e.g. Europe/Brussels) or keep it.

## The watched folder.
watch-title = Watch a folder
watch-lead = Photos that arrive in this folder (a phone's sync folder, a card reader) are imported into the trip's unassigned photos.
watch-folder = Folder
watch-go = Watch
watch-watching = Watching { $folder }
watch-watching-new = Watching { $folder } · { $count } new
watch-stop = Stop watching
watch-first-title = Photos already in the folder
watch-first-question = { $count ->
    [one] 1 photo is already in { $folder } — import?
   *[other] { $count } photos are already in { $folder } — import?
}
watch-import-them = Import them
watch-not-these = Not these

## The camera clock.
clock-title = Camera clock
clock-off-by = Photos from { $camera } are off by
clock-off-by-help = For example +2h, -7h30m, +90s, -1d or +00:05
clock-shift = Shift
clock-moving = { $count ->
    [one] 1 photo with a time move.
   *[other] { $count } photos with a time move.
}
clock-no-entry = no entry

## A conference programme's file.
schedule-file-offer-title = Open a conference programme
schedule-file-import-title = Import a conference schedule
schedule-file-new-title = New trip from a conference schedule
schedule-file-import = Import
schedule-file-lead = The schedule file the conference publishes: .ics, schedule.xml or schedule.json. Type or paste its path (no file dialog is available here), or drop the file on the window.
schedule-file-file = File
schedule-file-offer-lead = A conference programme was opened with tripjournal. What should it become?
schedule-file-offer-new = A new trip with its talks
schedule-file-offer-into = Its talks in “{ $trip }”

## Deleting.
delete-trip-question = Delete this trip?
delete-trip-what = “{ $trip }” and all its entries and photos will be deleted from the journal.
delete-trip = Delete trip
delete-entry-question = Delete “{ $entry }”?
delete-entry-undo = Undo (Ctrl+Z) brings it back.
delete-entry-photos = { $count ->
    [one] Its photo goes back to the trip's unassigned photos, unless you delete it with the entry (that cannot be undone).
   *[other] Its { $count } photos go back to the trip's unassigned photos, unless you delete them with it (that cannot be undone).
}
delete-entry = Delete entry
delete-entry-with-photos = { $count ->
    [one] Delete with its photo
   *[other] Delete with its { $count } photos
}

## Photos (strips, suggestions, the viewer).
photo-none-yet = No photos yet: drop files on the window, paste an image, or use Add photos.
photo-no-unassigned = No unassigned photos.
photo-tooltip = Photo: { $caption }
    Click to view, drag onto an entry to move
photo-suggested = { $count ->
    [one] 💡 1 unassigned photo was taken around this entry.
   *[other] 💡 { $count } unassigned photos were taken around this entry.
}
photo-add-them = Add them
photo-viewer-title = Photo
photo-close-viewer = Close viewer
photo-caption = Caption
photo-previous = ◀ Previous
photo-previous-help = Left arrow key
photo-next = Next ▶
photo-next-help = Right arrow key
photo-taken = taken { $time }
photo-has-gps = has GPS (not exported unless asked)

## The food board.
food-none = No rated food yet. Add a food rating (Ctrl+3) or rate a meal.
food-sort-by = Sort by { $column }

## The Schedule's rows, grid and Now/next strip.
schedule-now-at = Now { $time }
schedule-now = Now
schedule-next = Next
schedule-cancelled = Cancelled: the latest programme no longer lists it.
schedule-start-notes-hint = Double-click or Enter: start notes
schedule-all-day = All day
schedule-all-day-label = All day:
schedule-no-room = No room
schedule-strip-hint = Now / next: star talks (☆ or S in the Schedule) to see them here

## The timeline's rows.
timeline-drag-help = Drag to another place or section
timeline-move-to-section = Move to section
timeline-no-section-choice = (no section)
timeline-no-section = No section
trips-choose = Choose a trip on the left

## The desktop's file dialogs.
file-dialog-photos-title = Add photos
file-dialog-photos = Photos
file-dialog-schedules = Conference schedules
file-dialog-export-title = Export to folder
file-dialog-journal-title = Open a journal
file-dialog-journal = Journal

## The entry editor (more).
editor-not-saved-write-like = Not saved: write it like { $hint }
editor-price = Price
editor-price-hint = 12.50 EUR
editor-close-help = Close the editor; what you typed is kept ({ $keys })
editor-when = When ({ $zone })
editor-when-hint = YYYY-MM-DD HH:MM
editor-section-hint = e.g. 一、社区在发展
editor-speaker = I gave this talk
editor-dish-hint = Schweinshaxe
editor-category-hint = e.g. Schweinshaxe
editor-source = Source
editor-source-hint = own visit, or e.g. 4.6 on a review site

## Stars, the Schedule's buttons, moving rows.
stars-none = no rating
stars-value = { $rating } of 5 stars
stars-help = { $label }: { $value }. Click or use ←/→; Delete clears.
schedule-star = Star “{ $title }”
schedule-unstar = Unstar “{ $title }”
schedule-notes = ✏ notes
schedule-start-notes = Start notes
schedule-open-notes-on = Open the notes on “{ $title }”
schedule-start-notes-on = Start notes on “{ $title }”
timeline-move-up = Move “{ $title }” up in its section
timeline-move-down = Move “{ $title }” down in its section
timeline-move-section-up = Move section “{ $section }” up
timeline-move-section-down = Move section “{ $section }” down
watch-folder-lost = The folder cannot be read now: { $error }
watch-stopped = Watching stopped
watch-stopped-by = Watching stopped: { $error }
clock-bad-shift = “{ $typed }” is not a clock shift: write it like +2h, -7h30m, +90s, -1d or +00:05

## The plan: changes, clashes, marks, the calendar file, reminders.
plan-changes-heading = { $count ->
    [one] The new programme changed 1 thing in your plan:
   *[other] The new programme changed { $count } things in your plan:
}
plan-change-moved = ↻ “{ $title }” moved: { $before } ⏵ { $now }
plan-change-cancelled = ✖ “{ $title }” was cancelled ({ $now })
plan-change-new = ✚ New in a track you follow: “{ $title }” ({ $now })
plan-clash = “{ $first }” clashes with “{ $second }”
plan-keep = Keep “{ $title }”
plan-mark-maybe = Maybe (out of the plan)
plan-mark-attended = Attended
plan-mark-watch-later = Watch later (recording)
plan-export = 📅 Plan as calendar
plan-export-help = Write the starred talks (not maybe) to { $file } for a phone's calendar; again updates its events
plan-empty = No starred talks on this day. Star talks (☆ or S) in the List or Grid to plan it.
plan-gap = free { $from }–{ $to } ({ $minutes } min)
plan-keep-this = Keep this
plan-back-in = Back in plan
plan-back-in-on = Put “{ $title }” back in the plan
plan-maybe-prefix = maybe ·{" "}
plan-clashes-with = Clashes with: { $titles }
plan-moved-from = Moved; it was { $before }
status-plan-exported = { $count ->
    [one] Wrote 1 talk to { $file }
   *[other] Wrote { $count } talks to { $file }
}
status-plan-folder = { $folder } is a folder; the plan needs a file name
status-plan-not-written = The plan was not written to { $file }: { $error }
reminder-setting = ⏰ Remind
reminder-minutes-suffix = {" "}min before
reminder-setting-help = Minutes before a starred talk its reminder shows (0: no reminders)
reminder-line = ⏰ { $time } “{ $title }” · { $room }
reminder-notification-body = Starts at { $time } in { $room }
