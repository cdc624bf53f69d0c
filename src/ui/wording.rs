//! How the window words what the library reports: errors of the journal thread, failed saves,
//! export problems, import results, the day a quick-captured entry went to and why a journal
//! opened read-only cannot be edited. The library's
//! errors say what happened; here the window adds what to do about it in its own terms (it
//! names its own buttons and boxes, not CLI flags).

use chrono::NaiveDate;

use crate::app::{
    CaptureDay, DateField, DialogPurpose, ExportFormError, ImportCounts, JournalError, Message,
    OpenFolderError, TripFormError,
};
use crate::export::{ExportError, ExportOptions, ExportReport};
use crate::model::format_clock_shift;
use crate::store::{ReadOnlyReason, ScheduleImport, ShiftReport};

/// A message of the status bar, in words.
pub fn message(message: &Message) -> String {
    match message {
        Message::EditingOff(reason) => editing_is_off(*reason),
        Message::NoTripOpen => "Open or create a trip first".into(),
        Message::NoTripForPhotos => "Open a trip before adding photos".into(),
        Message::NoTripForPaste => "Open a trip before pasting a photo".into(),
        Message::CaptureMoved { day, why } => capture_moved((*day, *why)),
        Message::DeletedWithPhotos => {
            "The entry and its photos were deleted; this cannot be undone".into()
        }
        Message::NoCameraModel => "This photo does not say which camera took it".into(),
        Message::SetAside(count) => {
            let noun = if *count == 1 { "row" } else { "rows" };
            format!("Set aside {count} {noun} (kept in the journal file)")
        }
        Message::TripCreated(name) => format!("Created “{name}”"),
        Message::FileNotOpened { file, problem } => format!(
            "Cannot open {}: {problem}",
            file.file_name()
                .unwrap_or(file.as_os_str())
                .to_string_lossy()
        ),
        Message::ClockShifted { by, report } => clock_shifted(*by, report),
        Message::Journal(error) => journal_error(error),
        Message::SaveFailed { error, retry: true } => {
            format!("Not saved yet: {error}. Your text is kept; retrying")
        }
        Message::SaveFailed {
            error,
            retry: false,
        } => {
            format!("Not saved: {error} (it was deleted, perhaps by another program)")
        }
        Message::PhotosImported(counts) => import_summary(counts),
        Message::ScheduleImported { summary, skipped } => schedule_imported(summary, *skipped),
        Message::Exported(report) => exported(report),
        Message::ExportFailed(error) => format!("Export failed: {}", export_error(error)),
        Message::Saved => "Saved".into(),
        Message::CannotWatch(error) => format!("The folder cannot be watched: {error}"),
        Message::NoFileDialog(purpose) => no_file_dialog(*purpose).into(),
        Message::FolderNotOpened(error) => folder_not_opened(error),
    }
}

/// There is no desktop file dialog here: what to do instead.
fn no_file_dialog(purpose: DialogPurpose) -> &'static str {
    match purpose {
        DialogPurpose::Photos => {
            "No file dialog is available here (no desktop portal): drop photos on the window or paste an image"
        }
        DialogPurpose::Schedule => {
            "No file dialog is available here (no desktop portal): drop the schedule file on the window"
        }
        DialogPurpose::ExportFolder => {
            "No folder dialog is available here: type the destination folder"
        }
        DialogPurpose::WatchFolder => {
            "No folder dialog is available here (no desktop portal): type the folder's path"
        }
        DialogPurpose::Journal => "No file dialog is available here: type the path instead",
    }
}

fn folder_not_opened(error: &OpenFolderError) -> String {
    match error {
        OpenFolderError::NoOpener { program, error } => {
            format!("Cannot open the folder: {program} is not available ({error})")
        }
        OpenFolderError::NotOpened(path) => {
            format!(
                "No file manager opened {}: open it yourself",
                path.display()
            )
        }
    }
}

/// An export error as the window words it (it names the dialog's own fields and checkbox,
/// not flags).
pub fn export_error(error: &ExportError) -> String {
    match error {
        ExportError::WouldReplace(_) => {
            format!("{error}. Tick \"Overwrite\" to replace them.")
        }
        ExportError::SlugWithoutLetters => {
            "The slug needs letters or digits (it becomes a file name)".into()
        }
        ExportError::MaxWidthTooSmall(width) => format!(
            "Max width {width} px is too small: at least {} px",
            ExportOptions::MIN_MAX_WIDTH
        ),
        other => other.to_string(),
    }
}

/// Why the export dialog cannot export (or preview) what it shows.
pub fn export_form_error(error: &ExportFormError) -> String {
    match error {
        ExportFormError::NoFolder => "Choose a destination folder first".into(),
        ExportFormError::BadDate(_) => "The post date must look like 2018-11-13".into(),
        ExportFormError::Option(error) => export_error(error),
    }
}

/// Why the trip dialog cannot save its form.
pub fn trip_form_error(error: &TripFormError) -> String {
    match error {
        TripFormError::BadDate(DateField::Start) => {
            "The start date must look like 2018-11-13".into()
        }
        TripFormError::BadDate(DateField::End) => "The end date must look like 2018-11-13".into(),
        TripFormError::BadZone(error) | TripFormError::Invalid(error) => error.to_string(),
    }
}

/// A finished export, as the status bar says it.
fn exported(report: &ExportReport) -> String {
    let post = report.post.display();
    match report.not_recorded {
        None => format!("Exported {post}"),
        Some(_) => format!(
            "Exported {post}; the read-only journal cannot record it, so exporting there again needs \"Overwrite\""
        ),
    }
}

/// A command that failed on the journal thread, as one line for the status bar.
fn journal_error(error: &JournalError) -> String {
    match error {
        JournalError::Store(error) => error.to_string(),
        JournalError::Demo(error) => format!("The demo trip could not be created: {error}"),
        JournalError::Import(error) => format!("The import could not run: {error}"),
        JournalError::PasteUnreadable => "The pasted image could not be read".to_string(),
        JournalError::PasteDuplicate { name } => format!("{name} is already in this trip"),
        JournalError::Paste { name, error } => format!("{name}: {error}"),
        JournalError::Thread(error) => format!("cannot start the work: {error}"),
        JournalError::Schedule(error) => format!("The schedule was not imported: {error}"),
        JournalError::Watch(error) => format!("The folder cannot be watched: {error}"),
    }
}

/// The banner above a journal opened read-only: why editing is off and what to do.
pub fn read_only_banner(reason: ReadOnlyReason) -> String {
    let why = match reason {
        ReadOnlyReason::Storage => "This journal is on read-only storage",
        ReadOnlyReason::FileProtected => "This journal file is write-protected",
        ReadOnlyReason::FolderProtected => "This journal's folder is write-protected",
    };
    format!("{why}; copy it to a writable folder to edit")
}

/// The status line when something that would change a read-only journal is asked for.
fn editing_is_off(reason: ReadOnlyReason) -> String {
    format!(
        "Editing is off: {}",
        read_only_banner(reason).replacen("This", "this", 1)
    )
}

/// The status line of a finished import, from the counts the import reported.
fn import_summary(counts: &ImportCounts) -> String {
    let mut text = format!("Imported {} photo(s)", counts.imported);
    if counts.duplicates > 0 {
        text.push_str(&format!(", {} already in the trip", counts.duplicates));
    }
    if counts.failed > 0 {
        text.push_str(&format!(", {} failed", counts.failed));
    }
    if counts.cancelled > 0 {
        text.push_str(&format!(", {} cancelled", counts.cancelled));
    }
    text
}

/// The status line after a camera clock was corrected.
fn clock_shifted(by: chrono::Duration, report: &ShiftReport) -> String {
    let mut text = format!(
        "Moved the time of {} photo(s) by {}",
        report.shifted.len(),
        format_clock_shift(by)
    );
    if !report.without_taken_at.is_empty() {
        let left = report.without_taken_at.len();
        text.push_str(&format!(", {left} without a time left as they were"));
    }
    text
}

/// The status line of an imported schedule.
fn schedule_imported(summary: &ScheduleImport, skipped: usize) -> String {
    format!(
        "Imported {} talks, updated {}, cancelled {}, skipped {}",
        summary.imported, summary.updated, summary.cancelled, skipped
    )
}

/// Where a quick-captured entry went when it is not stamped now: "Added on Tue 13 Nov 2018
/// (the trip's last day)".
fn capture_moved((day, why): (NaiveDate, CaptureDay)) -> String {
    let which = match why {
        CaptureDay::SelectedEntry => "the selected entry's day",
        CaptureDay::FirstDay => "the trip's first day",
        CaptureDay::LastDay => "the trip's last day",
    };
    format!("Added on {} ({which})", day.format("%a %-d %b %Y"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_shift_says_how_many_moved_and_how_many_were_left() {
        let report = ShiftReport {
            shifted: Vec::new(),
            without_taken_at: vec![crate::model::PhotoId(4)],
        };
        assert_eq!(
            clock_shifted(chrono::Duration::minutes(-90), &report),
            "Moved the time of 0 photo(s) by -1h30m, 1 without a time left as they were"
        );
    }

    #[test]
    fn a_read_only_journal_says_why_editing_is_off() {
        assert_eq!(
            read_only_banner(ReadOnlyReason::Storage),
            "This journal is on read-only storage; copy it to a writable folder to edit"
        );
        assert_eq!(
            editing_is_off(ReadOnlyReason::FileProtected),
            "Editing is off: this journal file is write-protected; copy it to a writable folder to edit"
        );
    }

    #[test]
    fn a_moved_capture_names_its_day_and_why() {
        let day = NaiveDate::from_ymd_opt(2018, 11, 13).unwrap();
        assert_eq!(
            capture_moved((day, CaptureDay::LastDay)),
            "Added on Tue 13 Nov 2018 (the trip's last day)"
        );
        assert_eq!(
            capture_moved((day, CaptureDay::SelectedEntry)),
            "Added on Tue 13 Nov 2018 (the selected entry's day)"
        );
    }
}
