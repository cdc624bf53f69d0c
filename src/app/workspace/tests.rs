//! The workspace driven as the window drives it, without a window: events of a journal
//! thread made up here, actions as a person asks, and the commands it sends looked at.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use chrono::{TimeZone, Utc};

use super::{EditorFocus, Workspace};
use crate::app::test_entry as entry;
use crate::app::{
    Action, CAPTURE_TYPING_LIMIT, Command, Event, JobKind, Message, PastedImage, SAVE_DELAY,
};
use crate::model::photo_tests::sample_photo;
use crate::model::{
    Entry, EntryId, EntryKind, Photo, PhotoId, ScheduleItem, ScheduleItemId, Talk, TalkTime, Trip,
    TripFields, TripId,
};
use crate::store::{ReadOnlyReason, StoreError};

fn trip(id: i64, name: &str) -> Trip {
    let mut fields = TripFields::named(name);
    fields.start_date = chrono::NaiveDate::from_ymd_opt(2018, 11, 13);
    fields.end_date = chrono::NaiveDate::from_ymd_opt(2018, 11, 15);
    fields.time_zone = chrono_tz::Europe::Berlin;
    Trip {
        id: TripId(id),
        fields,
    }
}

fn photo(id: i64, entry: Option<i64>) -> Photo {
    Photo {
        id: PhotoId(id),
        entry: entry.map(EntryId),
        ..sample_photo()
    }
}

/// A workspace whose journal opened (read-only for `read_only`) with trip 1 "Berlin" open,
/// holding `entries` and `photos`; the commands of getting there are taken away.
fn open_with(entries: Vec<Entry>, photos: Vec<Photo>, read_only: bool) -> Workspace {
    let mut ws = Workspace::new(
        PathBuf::from("/nonexistent/j.sqlite"),
        None,
        Arc::new(|| {}),
    );
    let read_only = read_only.then_some(ReadOnlyReason::FileProtected);
    ws.handle_event(Event::Opened { read_only });
    ws.handle_event(Event::Trips(vec![trip(1, "Berlin"), trip(2, "Tokyo")]));
    ws.handle_event(Event::TripLoaded {
        trip: trip(1, "Berlin"),
        entries,
        photos,
    });
    ws.take_commands();
    ws
}

fn open_trip() -> Workspace {
    open_with(
        vec![entry(1, "Keynote"), entry(2, "Lunch")],
        Vec::new(),
        false,
    )
}

/// Edits entry `id`'s title to `title` as the editor does.
fn retitle(ws: &mut Workspace, id: i64, title: &str) {
    let mut fields = ws.shown_fields(EntryId(id)).expect("entry shown");
    fields.title = title.into();
    assert!(
        ws.apply(Action::EditEntry(EntryId(id), Box::new(fields)))
            .is_none()
    );
}

fn title_of(ws: &Workspace, id: i64) -> String {
    let open = ws.current().expect("open trip");
    let entry = open.entries.iter().find(|e| e.id == EntryId(id));
    entry.expect("entry").fields.title.clone()
}

fn messages(ws: &Workspace) -> Vec<&Message> {
    ws.notices().iter().map(|notice| &notice.message).collect()
}

#[test]
fn the_trips_arrive_and_the_remembered_trip_opens_first() {
    let mut ws = Workspace::new(PathBuf::from("j.sqlite"), Some(TripId(2)), Arc::new(|| {}));
    assert!(matches!(ws.take_commands()[..], [Command::LoadTrips]));
    ws.handle_event(Event::Opened { read_only: None });
    ws.handle_event(Event::Trips(vec![trip(1, "Berlin"), trip(2, "Tokyo")]));
    assert!(ws.trips_loaded() && ws.is_open());
    assert!(matches!(
        ws.take_commands()[..],
        [Command::LoadTrip(TripId(2))]
    ));
}

#[test]
fn a_quick_capture_holds_what_is_typed_until_its_entry_arrives() {
    let mut ws = open_trip();
    ws.tick(Instant::now());
    assert!(ws.apply(Action::QuickCapture(EntryKind::Meal)).is_none());
    let commands = ws.take_commands();
    let Some(Command::CreateEntry { fields, tag, .. }) = commands.last() else {
        panic!("no entry asked for: {commands:?}")
    };
    assert_eq!(fields.kind(), EntryKind::Meal);
    assert!(ws.holds_typing());
    ws.typed_during_capture("Curry");
    ws.typed_during_capture("wurstx");
    ws.erased_during_capture();
    let mut created = entry(3, "");
    created.fields = fields.clone();
    ws.handle_event(Event::EntryCreated {
        tag: *tag,
        entry: created,
    });
    assert!(!ws.holds_typing());
    assert_eq!(ws.selected_entry(), Some(EntryId(3)));
    assert_eq!(ws.take_focus_request(), Some(EditorFocus::Title));
    assert_eq!(title_of(&ws, 3), "Currywurst");
    assert!(ws.session().has_pending(), "the typed title is saved");
}

#[test]
fn an_image_pasted_during_a_capture_goes_to_the_new_entry() {
    let mut ws = open_trip();
    ws.apply(Action::QuickCapture(EntryKind::Note));
    let Some(Command::CreateEntry { tag, .. }) = ws.take_commands().pop() else {
        panic!("no entry asked for")
    };
    let image = PastedImage {
        width: 1,
        height: 1,
        rgba: vec![1, 2, 3, 255],
    };
    ws.pasted_during_capture(image.clone());
    ws.handle_event(Event::EntryCreated {
        tag,
        entry: entry(3, ""),
    });
    let pasted = ws
        .take_commands()
        .into_iter()
        .find_map(|command| match command {
            Command::ImportPixels { entry, rgba, .. } => Some((entry, rgba)),
            _ => None,
        });
    assert_eq!(pasted, Some((Some(EntryId(3)), image.rgba)));
}

#[test]
fn held_typing_is_let_go_when_the_entry_does_not_come() {
    let start = Instant::now();
    let mut ws = open_trip();
    ws.tick(start);
    ws.apply(Action::QuickCapture(EntryKind::Note));
    assert!(ws.holds_typing());
    ws.tick(start + CAPTURE_TYPING_LIMIT / 2);
    assert!(ws.holds_typing());
    ws.tick(start + CAPTURE_TYPING_LIMIT * 2);
    assert!(!ws.holds_typing(), "the keyboard is the user's again");
}

#[test]
fn a_capture_left_untouched_is_discarded() {
    let mut ws = open_trip();
    ws.apply(Action::QuickCapture(EntryKind::Note));
    let Some(Command::CreateEntry { tag, .. }) = ws.take_commands().pop() else {
        panic!("no entry asked for")
    };
    ws.handle_event(Event::EntryCreated {
        tag,
        entry: entry(3, ""),
    });
    ws.apply(Action::CloseEditor);
    assert!(ws.selected_entry().is_none());
    assert!(
        ws.take_commands().iter().any(|c| matches!(
            c,
            Command::DeleteEntry {
                entry: EntryId(3),
                with_photos: false
            }
        )),
        "Ctrl+4 then Close leaves nothing behind"
    );
    assert!(ws.current().is_some_and(|o| o.entries.len() == 2));
}

#[test]
fn an_edit_is_saved_after_the_delay_and_undone_with_a_command() {
    let start = Instant::now();
    let mut ws = open_trip();
    ws.tick(start);
    retitle(&mut ws, 1, "Keynote: open infrastructure");
    ws.tick(start + SAVE_DELAY / 2);
    assert!(ws.take_commands().is_empty(), "not yet: the user is typing");
    ws.tick(start + SAVE_DELAY);
    let saves = ws.take_commands();
    assert!(
        matches!(&saves[..], [Command::UpdateEntry { id: EntryId(1), base, fields }]
            if base.title == "Keynote" && fields.title == "Keynote: open infrastructure"),
        "{saves:?}"
    );
    ws.apply(Action::Undo);
    assert_eq!(title_of(&ws, 1), "Keynote");
    assert!(matches!(
        &ws.take_commands()[..],
        [Command::UpdateEntry { fields, .. }] if fields.title == "Keynote"
    ));
}

#[test]
fn a_deleted_entry_comes_back_with_its_photos_and_place_on_undo() {
    let mut ws = open_with(
        vec![entry(1, "Keynote"), entry(2, "Lunch"), entry(3, "Dinner")],
        vec![photo(7, Some(2))],
        false,
    );
    ws.apply(Action::DeleteEntry(Some((EntryId(2), false))));
    assert!(matches!(
        ws.take_commands()[..],
        [Command::DeleteEntry {
            entry: EntryId(2),
            with_photos: false
        }]
    ));
    ws.handle_event(Event::EntryDeleted(EntryId(2)));
    ws.apply(Action::Undo);
    let commands = ws.take_commands();
    let Some(Command::RestoreEntry(restore)) = commands.first() else {
        panic!("no restore: {commands:?}")
    };
    assert_eq!(restore.fields.title, "Lunch");
    assert_eq!(restore.photos, vec![PhotoId(7)]);
    assert_eq!(restore.order, vec![EntryId(1), EntryId(2), EntryId(3)]);
}

#[test]
fn deleting_with_photos_says_it_cannot_be_undone() {
    let mut ws = open_with(vec![entry(1, "Keynote")], vec![photo(7, Some(1))], false);
    ws.apply(Action::DeleteEntry(Some((EntryId(1), true))));
    assert!(matches!(messages(&ws)[..], [Message::DeletedWithPhotos]));
    assert!(!ws.session().can_undo());
}

#[test]
fn a_read_only_journal_refuses_every_change_with_one_message() {
    let mut ws = open_with(vec![entry(1, "Keynote")], vec![photo(7, Some(1))], true);
    let fields = ws.shown_fields(EntryId(1)).expect("entry");
    let changes = vec![
        Action::QuickCapture(EntryKind::Session),
        Action::NewTrip,
        Action::EditTrip(TripId(1)),
        Action::AskDeleteEntry(EntryId(1)),
        Action::DeleteEntry(Some((EntryId(1), false))),
        Action::EditEntry(EntryId(1), Box::new(fields)),
        Action::SetSection(EntryId(1), Some("Talks".into())),
        Action::ReorderEntries(TripId(1), vec![EntryId(1)]),
        Action::PickPhotos,
        Action::ImportPhotos {
            entry: None,
            files: vec![PathBuf::from("a.jpg")],
        },
        Action::PastePhoto(PastedImage {
            width: 1,
            height: 1,
            rgba: vec![0; 4],
        }),
        Action::MovePhoto(PhotoId(7), None),
        Action::DeletePhoto(PhotoId(7)),
        Action::SetCaption(PhotoId(7), "stage".into()),
        Action::StarTalk(ScheduleItemId(1), true),
        Action::ImportScheduleFile(PathBuf::from("talks.ics")),
        Action::Send(Command::CreateDemo),
        Action::Undo,
    ];
    for action in changes {
        let name = format!("{action:?}");
        assert!(ws.apply(action).is_none(), "{name} reached the window");
        assert!(ws.take_commands().is_empty(), "{name} sent a command");
    }
    assert!(
        matches!(
            messages(&ws)[..],
            [Message::EditingOff(ReadOnlyReason::FileProtected)]
        ),
        "one message, not one per refusal: {:?}",
        messages(&ws)
    );
    assert_eq!(title_of(&ws, 1), "Keynote");
    // Looking is not changing.
    assert!(ws.apply(Action::ViewPhoto(PhotoId(7))).is_some());
    ws.apply(Action::SelectEntry(EntryId(1)));
    assert_eq!(ws.selected_entry(), Some(EntryId(1)));
}

#[test]
fn a_change_from_another_program_merges_with_text_not_saved_yet() {
    let start = Instant::now();
    let mut ws = open_trip();
    ws.tick(start);
    retitle(&mut ws, 1, "Keynote (typed here)");
    ws.handle_event(Event::ChangedElsewhere);
    assert!(matches!(
        ws.take_commands()[..],
        [Command::LoadTrips, Command::LoadTrip(TripId(1))]
    ));
    // The other program renamed the second entry; the first keeps what is being typed.
    ws.handle_event(Event::TripLoaded {
        trip: trip(1, "Berlin"),
        entries: vec![entry(1, "Keynote"), entry(2, "Lunch at CityCube")],
        photos: vec![photo(9, None)],
    });
    assert_eq!(title_of(&ws, 1), "Keynote (typed here)");
    assert_eq!(title_of(&ws, 2), "Lunch at CityCube");
    assert_eq!(ws.current().map(|o| o.photos.len()), Some(1));
    assert!(
        ws.session().has_pending(),
        "the typed text is still to be saved"
    );
}

#[test]
fn changes_elsewhere_wait_while_photos_are_imported() {
    let mut ws = open_trip();
    ws.apply(Action::ImportPhotos {
        entry: Some(EntryId(1)),
        files: vec![PathBuf::from("a.jpg"), PathBuf::from("b.jpg")],
    });
    assert_eq!(ws.job(JobKind::Import), Some((0, 2)));
    ws.take_commands();
    ws.handle_event(Event::ChangedElsewhere);
    assert!(
        ws.take_commands().is_empty(),
        "the import reloads the photos when it ends"
    );
    ws.handle_event(Event::Progress {
        job: JobKind::Import,
        done: 1,
        total: 2,
    });
    assert_eq!(ws.job(JobKind::Import), Some((1, 2)));
    ws.handle_event(Event::ImportFinished {
        trip: TripId(1),
        photos: vec![photo(5, Some(1))],
        counts: Default::default(),
        outcomes: Vec::new(),
    });
    assert_eq!(ws.job(JobKind::Import), None);
    assert_eq!(ws.current().map(|o| o.photos.len()), Some(1));
}

#[test]
fn a_failed_save_keeps_the_text_and_says_so_once() {
    let start = Instant::now();
    let mut ws = open_trip();
    ws.tick(start);
    retitle(&mut ws, 1, "Keynote!");
    ws.save_dirty(true);
    let Some(Command::UpdateEntry { base, .. }) = ws.take_commands().pop() else {
        panic!("no save")
    };
    for _ in 0..3 {
        ws.handle_event(Event::EntrySaveFailed {
            id: EntryId(1),
            base: base.clone(),
            error: StoreError::Busy,
        });
    }
    assert_eq!(title_of(&ws, 1), "Keynote!");
    assert!(matches!(
        messages(&ws)[..],
        [Message::SaveFailed { retry: true, .. }]
    ));
    assert!(ws.session().has_pending(), "tried again later");
}

#[test]
fn reordering_shows_at_once_and_the_section_order_is_an_undoable_trip_change() {
    let mut ws = open_trip();
    ws.apply(Action::ReorderEntries(
        TripId(1),
        vec![EntryId(2), EntryId(1)],
    ));
    let open = ws.current().expect("open");
    let position = |id| {
        open.entries
            .iter()
            .find(|e| e.id == EntryId(id))
            .map(|e| e.position)
    };
    assert_eq!((position(2), position(1)), (Some(1), Some(2)));
    ws.take_commands();
    ws.apply(Action::SetSectionOrder(
        TripId(1),
        vec!["Food".into(), "Talks".into()],
    ));
    assert!(matches!(
        &ws.take_commands()[..],
        [Command::UpdateTrip(TripId(1), fields)] if fields.section_order == ["Food", "Talks"]
    ));
    ws.apply(Action::Undo);
    assert!(matches!(
        &ws.take_commands()[..],
        [Command::UpdateTrip(TripId(1), fields)] if fields.section_order.is_empty()
    ));
}

#[test]
fn a_caption_changes_once_and_only_when_it_is_different() {
    let mut ws = open_with(vec![entry(1, "Keynote")], vec![photo(7, Some(1))], false);
    ws.apply(Action::SetCaption(PhotoId(7), String::new()));
    assert!(
        ws.take_commands().is_empty(),
        "the viewer closed on an unchanged caption"
    );
    ws.apply(Action::SetCaption(PhotoId(7), "On stage".into()));
    assert!(matches!(
        &ws.take_commands()[..],
        [Command::SetCaption(PhotoId(7), caption)] if caption == "On stage"
    ));
    ws.apply(Action::Undo);
    assert!(matches!(
        &ws.take_commands()[..],
        [Command::SetCaption(PhotoId(7), caption)] if caption.is_empty()
    ));
}

#[test]
fn dialogs_are_the_windows_and_the_clock_dialog_needs_a_camera() {
    let mut ws = open_with(vec![entry(1, "Keynote")], vec![photo(7, Some(1))], false);
    assert!(matches!(ws.apply(Action::NewTrip), Some(Action::NewTrip)));
    assert!(ws.apply(Action::OpenClockDialog(PhotoId(7))).is_none());
    assert!(matches!(messages(&ws)[..], [Message::NoCameraModel]));
    assert!(matches!(
        ws.apply(Action::OpenExportDialog),
        Some(Action::OpenExportDialog)
    ));
}

#[test]
fn a_dropped_schedule_goes_into_the_open_trip_or_makes_a_new_one() {
    let mut ws = open_trip();
    ws.apply(Action::ImportScheduleFile(PathBuf::from("talks.ics")));
    assert!(matches!(
        &ws.take_commands()[..],
        [Command::ImportSchedule { trip: TripId(1), file }] if file == &PathBuf::from("talks.ics")
    ));
    assert!(ws.job(JobKind::ScheduleImport).is_some());
    ws.apply(Action::ScheduleChosen {
        trip: None,
        file: PathBuf::from("schedule.xml"),
    });
    assert!(matches!(
        &ws.take_commands()[..],
        [Command::NewTripFromSchedule(file)] if file == &PathBuf::from("schedule.xml")
    ));
}

#[test]
fn photos_chosen_for_a_trip_that_was_left_are_not_imported_elsewhere() {
    let mut ws = open_trip();
    ws.apply(Action::PhotosChosen {
        trip: TripId(2),
        entry: None,
        files: vec![PathBuf::from("a.jpg")],
    });
    assert!(ws.take_commands().is_empty());
    ws.apply(Action::PhotosChosen {
        trip: TripId(1),
        entry: None,
        files: vec![PathBuf::from("a.jpg")],
    });
    assert!(matches!(
        ws.take_commands()[..],
        [Command::ImportFiles {
            trip: TripId(1),
            ..
        }]
    ));
}

#[test]
fn an_export_runs_as_a_job_and_its_outcome_is_kept() {
    let mut ws = open_trip();
    let options = crate::export::ExportOptions::new("/tmp/blog", crate::export::Layout::Hugo);
    ws.apply(Action::StartExport(Box::new(options), None));
    assert!(matches!(
        ws.take_commands()[..],
        [Command::Export {
            trip: TripId(1),
            ..
        }]
    ));
    assert_eq!(ws.job(JobKind::Export), Some((0, 0)));
    ws.handle_event(Event::ExportFinished(Err(Arc::new(
        crate::export::ExportError::Cancelled,
    ))));
    assert_eq!(ws.job(JobKind::Export), None);
    assert!(matches!(
        ws.last_export(),
        Some(Err(error)) if matches!(**error, crate::export::ExportError::Cancelled)
    ));
    assert!(matches!(messages(&ws)[..], [Message::ExportFailed(_)]));
}

#[test]
fn messages_go_when_their_time_is_up() {
    let start = Instant::now();
    let mut ws = open_trip();
    ws.tick(start);
    ws.apply(Action::SaveNow);
    assert!(matches!(messages(&ws)[..], [Message::Saved]));
    ws.tick(start + std::time::Duration::from_secs(6));
    assert!(messages(&ws).is_empty());
}

#[test]
fn starting_notes_on_a_talk_opens_its_entry_with_the_cursor_in_the_notes() {
    let mut ws = open_trip();
    ws.apply(Action::StartNotes(ScheduleItemId(4)));
    assert!(matches!(
        ws.take_commands()[..],
        [Command::StartNotes(ScheduleItemId(4))]
    ));
    let start = Utc.with_ymd_and_hms(2018, 11, 14, 9, 0, 0).unwrap();
    let talk = ScheduleItem {
        id: ScheduleItemId(4),
        trip: TripId(1),
        talk: Talk {
            key: "k4".into(),
            title: "Rust in space".into(),
            subtitle: String::new(),
            time: TalkTime::Timed { start, end: start },
            room: "Saal 1".into(),
            track: String::new(),
            kind: String::new(),
            speakers: Vec::new(),
            url: None,
            abstract_text: String::new(),
        },
        starred: true,
        cancelled: false,
        entry: Some(EntryId(9)),
        marks: crate::model::TalkMarks::default(),
        revision: crate::model::TalkRevision::default(),
    };
    let mut session = entry(9, "Rust in space");
    session.fields.title = "Rust in space".into();
    ws.handle_event(Event::NotesStarted {
        item: Box::new(talk),
        entry: session,
    });
    assert_eq!(ws.selected_entry(), Some(EntryId(9)));
    assert_eq!(ws.take_focus_request(), Some(EditorFocus::Notes));
}
