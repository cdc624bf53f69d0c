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
