//! How the window words what the library reports: errors of the journal thread, failed saves,
//! export problems, import results, the day a quick-captured entry went to and why a journal
//! opened read-only cannot be edited. The library's
//! errors say what happened; here the window adds what to do about it in its own terms (it
//! names its own buttons and boxes, not CLI flags), in the window's language. Errors the
//! window does not word itself (a database's or the file system's) keep the library's English.

use chrono::NaiveDate;

use crate::app::{
    CaptureDay, DateField, DialogPurpose, ExportFormError, ImportCounts, JournalError, Message,
    OpenFolderError, OpenedFileProblem, TripFormError,
};
use crate::export::words::words;
use crate::export::{ExportError, ExportOptions, ExportReport, list_conflicts};
use crate::model::{PostLanguage, format_clock_shift};
use crate::schedule::{PlanFileError, ZoneBasis, ZoneGuess};
use crate::store::{ReadOnlyReason, ScheduleImport, ShiftReport};

/// A message of the status bar, in words of `language`.
pub fn message(message: &Message, language: PostLanguage) -> String {
    let l = language;
    match message {
        Message::EditingOff(reason) => editing_is_off(*reason, l),
        Message::NoTripOpen => t!(l, "status-no-trip-open"),
        Message::NoTripForPhotos => t!(l, "status-no-trip-for-photos"),
        Message::NoTripForPaste => t!(l, "status-no-trip-for-paste"),
        Message::CaptureMoved { day, why } => capture_moved((*day, *why), l),
        Message::DeletedWithPhotos => t!(l, "status-deleted-with-photos"),
        Message::NoCameraModel => t!(l, "status-no-camera-model"),
        Message::SetAside(count) => t!(l, "status-set-aside", count = *count),
        Message::TripCreated(name) => t!(l, "status-trip-created", name = name.as_str()),
        Message::FileNotOpened { file, problem } => t!(
            l,
            "status-file-not-opened",
            file = file
                .file_name()
                .unwrap_or(file.as_os_str())
                .to_string_lossy()
                .into_owned(),
            problem = opened_file_problem(*problem, l),
        ),
        Message::ClockShifted { by, report } => clock_shifted(*by, report, l),
        Message::Journal(error) => journal_error(error, l),
        Message::SaveFailed { error, retry: true } => {
            t!(l, "status-not-saved-retrying", error = error.to_string())
        }
        Message::SaveFailed {
            error,
            retry: false,
        } => t!(l, "status-not-saved-deleted", error = error.to_string()),
        Message::PhotosImported(counts) => import_summary(counts, l),
        Message::ScheduleImported { summary, skipped } => schedule_imported(summary, *skipped, l),
        Message::Exported(report) => exported(report, l),
        Message::ExportFailed(error) => {
            t!(l, "status-export-failed", error = export_error(error, l))
        }
        Message::Saved => t!(l, "status-saved"),
        Message::CannotWatch(error) => t!(l, "status-cannot-watch", error = error.to_string()),
        Message::NoFileDialog(purpose) => no_file_dialog(*purpose, l),
        Message::FolderNotOpened(error) => folder_not_opened(error, l),
        Message::PlanExported { talks, file } => t!(
            l,
            "status-plan-exported",
            count = *talks,
            file = file.display().to_string()
        ),
        Message::PlanNotExported(error) => match error.as_ref() {
            PlanFileError::Folder(folder) => t!(
                l,
                "status-plan-folder",
                folder = folder.display().to_string()
            ),
            PlanFileError::Io { path, source } => t!(
                l,
                "status-plan-not-written",
                file = path.display().to_string(),
                error = source.to_string()
            ),
        },
    }
}

/// Why a file given on the command line was not opened.
fn opened_file_problem(problem: OpenedFileProblem, l: PostLanguage) -> String {
    match problem {
        OpenedFileProblem::Missing => t!(l, "opened-missing"),
        OpenedFileProblem::Folder => t!(l, "opened-folder"),
        OpenedFileProblem::NotAFile => t!(l, "opened-not-a-file"),
        OpenedFileProblem::Unreadable => t!(l, "opened-unreadable"),
        OpenedFileProblem::Unsupported => t!(l, "opened-unsupported"),
        OpenedFileProblem::SecondJournal => t!(l, "opened-second-journal"),
    }
}

/// There is no desktop file dialog here: what to do instead.
fn no_file_dialog(purpose: DialogPurpose, l: PostLanguage) -> String {
    match purpose {
        DialogPurpose::Photos => t!(l, "no-dialog-photos"),
        DialogPurpose::Schedule => t!(l, "no-dialog-schedule"),
        DialogPurpose::ExportFolder => t!(l, "no-dialog-export-folder"),
        DialogPurpose::WatchFolder => t!(l, "no-dialog-watch-folder"),
        DialogPurpose::Journal => t!(l, "no-dialog-journal"),
    }
}

fn folder_not_opened(error: &OpenFolderError, l: PostLanguage) -> String {
    match error {
        OpenFolderError::NoOpener { program, error } => t!(
            l,
            "status-no-opener",
            program = program.to_string(),
            error = error.to_string()
        ),
        OpenFolderError::NotOpened(path) => {
            t!(l, "status-not-opened", path = path.display().to_string())
        }
    }
}

/// An export error as the window words it (it names the dialog's own fields and checkbox,
/// not flags).
pub fn export_error(error: &ExportError, l: PostLanguage) -> String {
    let path = |path: &std::path::Path| path.display().to_string();
    match error {
        ExportError::WouldReplace(files) => t!(
            l,
            "export-would-replace",
            count = files.len(),
            files = list_conflicts(files)
        ),
        ExportError::SlugWithoutLetters => t!(l, "export-slug-without-letters"),
        ExportError::MaxWidthTooSmall(width) => t!(
            l,
            "export-max-width-too-small",
            width = i64::from(*width),
            least = i64::from(ExportOptions::MIN_MAX_WIDTH)
        ),
        ExportError::Symlink(at) => t!(l, "export-symlink", path = path(at)),
        ExportError::Blocked(at) => t!(l, "export-blocked", path = path(at)),
        ExportError::Busy(at) => t!(l, "export-busy", path = path(at)),
        ExportError::DiskFull(at) => t!(l, "export-disk-full", path = path(at)),
        ExportError::Cancelled => t!(l, "export-cancelled"),
        ExportError::Git(problem) => git_problem(problem, l),
        other => other.to_string(),
    }
}

/// What a Git export did: the commit on its branch, or that the branch already held the post.
pub fn git_outcome(report: &crate::export::GitReport, l: PostLanguage) -> String {
    let branch = report.branch.as_str();
    match &report.commit {
        Some(commit) => {
            let short: String = commit.chars().take(10).collect();
            t!(l, "export-git-committed", branch = branch, commit = short)
        }
        None => t!(l, "export-git-unchanged", branch = branch),
    }
}

/// A Git export's refusal, naming what to change.
fn git_problem(problem: &crate::export::GitProblem, l: PostLanguage) -> String {
    use crate::export::GitProblem;
    match problem {
        GitProblem::NotARepository(path) => {
            t!(
                l,
                "export-git-not-repository",
                path = path.display().to_string()
            )
        }
        GitProblem::NoIdentity => t!(l, "export-git-no-identity"),
        GitProblem::NotOurs(branch) => t!(l, "export-git-not-ours", branch = branch.as_str()),
        other => other.to_string(),
    }
}

/// Why the export dialog cannot export (or preview) what it shows.
pub fn export_form_error(error: &ExportFormError, l: PostLanguage) -> String {
    match error {
        ExportFormError::NoFolder => t!(l, "export-form-no-folder"),
        ExportFormError::BadDate(_) => t!(l, "export-form-bad-date"),
        ExportFormError::Option(error) => export_error(error, l),
    }
}

/// Why the trip dialog cannot save its form.
pub fn trip_form_error(error: &TripFormError, l: PostLanguage) -> String {
    match error {
        TripFormError::BadDate(DateField::Start) => t!(l, "trip-form-bad-start"),
        TripFormError::BadDate(DateField::End) => t!(l, "trip-form-bad-end"),
        TripFormError::BadZone(error) | TripFormError::Invalid(error) => error.to_string(),
    }
}

/// Why the zone of a trip made from a programme is unsure, and what to do (under the trip
/// dialog's zone).
pub fn zone_doubt(guess: &ZoneGuess, l: PostLanguage) -> String {
    let zone = guess.zone.name();
    match &guess.basis {
        ZoneBasis::OffsetsOnly(offsets) => {
            let offsets: Vec<String> = offsets.iter().map(ToString::to_string).collect();
            t!(
                l,
                "trip-zone-doubt-offsets",
                zone = zone,
                offsets = offsets.join(", ")
            )
        }
        ZoneBasis::Nothing => t!(l, "trip-zone-doubt-nothing", zone = zone),
        _ => t!(l, "trip-zone-doubt", zone = zone, reason = guess.reason()),
    }
}

/// A finished export, as the status bar says it.
fn exported(report: &ExportReport, l: PostLanguage) -> String {
    if let Some(git) = &report.git {
        return git_outcome(git, l);
    }
    let post = report.post.display().to_string();
    match report.not_recorded {
        None => t!(l, "status-exported", post = post),
        Some(_) => t!(l, "status-exported-not-recorded", post = post),
    }
}

/// A command that failed on the journal thread, as one line for the status bar.
fn journal_error(error: &JournalError, l: PostLanguage) -> String {
    match error {
        JournalError::Store(error) => error.to_string(),
        JournalError::Demo(error) => t!(l, "journal-demo-failed", error = error.to_string()),
        JournalError::Import(error) => t!(l, "journal-import-failed", error = error.to_string()),
        JournalError::PasteUnreadable => t!(l, "journal-paste-unreadable"),
        JournalError::PasteDuplicate { name } => {
            t!(l, "journal-paste-duplicate", name = name.as_str())
        }
        JournalError::Paste { name, error } => format!("{name}: {error}"),
        JournalError::Thread(error) => t!(l, "journal-thread", error = error.to_string()),
        JournalError::Schedule(error) => {
            t!(l, "journal-schedule-failed", error = error.to_string())
        }
        JournalError::Watch(error) => t!(l, "status-cannot-watch", error = error.to_string()),
    }
}

/// The banner above a journal opened read-only: why editing is off and what to do.
pub fn read_only_banner(reason: ReadOnlyReason, l: PostLanguage) -> String {
    match reason {
        ReadOnlyReason::Storage => t!(l, "read-only-storage"),
        ReadOnlyReason::FileProtected => t!(l, "read-only-file"),
        ReadOnlyReason::FolderProtected => t!(l, "read-only-folder"),
    }
}

/// The status line when something that would change a read-only journal is asked for.
fn editing_is_off(reason: ReadOnlyReason, l: PostLanguage) -> String {
    match reason {
        ReadOnlyReason::Storage => t!(l, "editing-off-storage"),
        ReadOnlyReason::FileProtected => t!(l, "editing-off-file"),
        ReadOnlyReason::FolderProtected => t!(l, "editing-off-folder"),
    }
}

/// The status line of a finished import, from the counts the import reported.
fn import_summary(counts: &ImportCounts, l: PostLanguage) -> String {
    let mut text = t!(l, "status-imported-photos", count = counts.imported);
    if counts.duplicates > 0 {
        text.push_str(&t!(
            l,
            "status-imported-duplicates",
            count = counts.duplicates
        ));
    }
    if counts.failed > 0 {
        text.push_str(&t!(l, "status-imported-failed", count = counts.failed));
    }
    if counts.cancelled > 0 {
        text.push_str(&t!(
            l,
            "status-imported-cancelled",
            count = counts.cancelled
        ));
    }
    text
}

/// The status line after a camera clock was corrected.
fn clock_shifted(by: chrono::Duration, report: &ShiftReport, l: PostLanguage) -> String {
    let mut text = t!(
        l,
        "status-clock-shifted",
        count = report.shifted.len(),
        by = format_clock_shift(by)
    );
    if !report.without_taken_at.is_empty() {
        let left = report.without_taken_at.len();
        text.push_str(&t!(l, "status-clock-left", count = left));
    }
    text
}

/// The status line of an imported schedule.
fn schedule_imported(summary: &ScheduleImport, skipped: usize, l: PostLanguage) -> String {
    t!(
        l,
        "status-schedule-imported",
        imported = summary.imported,
        updated = summary.updated,
        cancelled = summary.cancelled,
        skipped = skipped
    )
}

/// Where a quick-captured entry went when it is not stamped now: "Added on Tue 13 Nov 2018
/// (the trip's last day)".
fn capture_moved((day, why): (NaiveDate, CaptureDay), l: PostLanguage) -> String {
    let day = words(l).short_date(day, true);
    match why {
        CaptureDay::SelectedEntry => t!(l, "status-added-on-selected", day = day),
        CaptureDay::FirstDay => t!(l, "status-added-on-first", day = day),
        CaptureDay::LastDay => t!(l, "status-added-on-last", day = day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: PostLanguage = PostLanguage::English;

    #[test]
    fn a_clock_shift_says_how_many_moved_and_how_many_were_left() {
        let report = ShiftReport {
            shifted: Vec::new(),
            without_taken_at: vec![crate::model::PhotoId(4)],
        };
        assert_eq!(
            clock_shifted(chrono::Duration::minutes(-90), &report, EN),
            "Moved the time of 0 photos by -1h30m, 1 without a time left as they were"
        );
        assert_eq!(
            clock_shifted(
                chrono::Duration::minutes(-90),
                &report,
                PostLanguage::Chinese
            ),
            "已将 0 张照片的时间调整 -1h30m，1 张没有时间的照片保持不变"
        );
    }

    #[test]
    fn a_read_only_journal_says_why_editing_is_off() {
        assert_eq!(
            read_only_banner(ReadOnlyReason::Storage, EN),
            "This journal is on read-only storage; copy it to a writable folder to edit"
        );
        assert_eq!(
            editing_is_off(ReadOnlyReason::FileProtected, EN),
            "Editing is off: this journal file is write-protected; copy it to a writable folder to edit"
        );
    }

    #[test]
    fn a_moved_capture_names_its_day_and_why_in_the_windows_language() {
        let day = NaiveDate::from_ymd_opt(2018, 11, 13).unwrap();
        assert_eq!(
            capture_moved((day, CaptureDay::LastDay), EN),
            "Added on Tue 13 Nov 2018 (the trip's last day)"
        );
        assert_eq!(
            capture_moved((day, CaptureDay::SelectedEntry), EN),
            "Added on Tue 13 Nov 2018 (the selected entry's day)"
        );
        assert_eq!(
            capture_moved((day, CaptureDay::FirstDay), PostLanguage::German),
            "Hinzugefügt am Di 13.11.2018 (erster Tag der Reise)"
        );
    }

    #[test]
    fn an_import_counts_in_words_with_plurals() {
        let counts = ImportCounts {
            imported: 1,
            duplicates: 2,
            failed: 0,
            cancelled: 0,
        };
        assert_eq!(
            import_summary(&counts, EN),
            "Imported 1 photo, 2 already in the trip"
        );
        assert_eq!(
            import_summary(&counts, PostLanguage::German),
            "1 Foto importiert, 2 schon in der Reise"
        );
    }
}
