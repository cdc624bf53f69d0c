//! The window's dialogs and the photo viewer: which are open, opening and closing them as
//! actions say, and drawing them each frame (each returns what the user asked for).

use super::super::clock_dialog::ClockDialog;
use super::super::export_dialog::ExportDialog;
use super::super::photos::{PhotoViewer, Thumbnails};
use super::super::schedule_file_dialog::ScheduleFileDialog;
use super::super::trip_dialog::TripDialog;
use super::super::trips_panel::{ConfirmDeleteEntry, ConfirmDeleteTrip};
use super::super::watch_dialog::{WatchDialog, first_batch_question};
use super::TripJournalApp;
use crate::app::{Action, Workspace};
use crate::model::PhotoId;

/// The dialogs and the viewer, when open.
#[derive(Default)]
pub(super) struct Windows {
    pub(super) trip: Option<TripDialog>,
    pub(super) clock: Option<ClockDialog>,
    pub(super) watch: Option<WatchDialog>,
    /// The path field for a schedule file where there is no desktop file dialog, or the offer
    /// of a programme given on the command line.
    pub(super) schedule_file: Option<ScheduleFileDialog>,
    /// Programmes given on the command line, still to be offered.
    pub(super) offered_programmes: std::collections::VecDeque<std::path::PathBuf>,
    pub(super) confirm_delete_trip: Option<ConfirmDeleteTrip>,
    pub(super) confirm_delete_entry: Option<ConfirmDeleteEntry>,
    pub(super) export: Option<ExportDialog>,
    pub(super) viewer: Option<PhotoViewer>,
}

impl Windows {
    pub(super) fn viewed_photo(&self) -> Option<PhotoId> {
        self.viewer.as_ref().map(PhotoViewer::photo)
    }

    pub(super) fn export_and_trip_open(&self) -> (bool, bool) {
        (self.export.is_some(), self.trip.is_some())
    }

    /// The export dialog's preview text, when it is open and the preview is current.
    pub(super) fn export_preview_text<'a>(&self, workspace: &'a Workspace) -> Option<&'a str> {
        self.export.as_ref()?.preview_text(workspace)
    }

    /// Closes the viewer when it shows `photo` (it was deleted).
    pub(super) fn close_viewer_on(&mut self, photo: PhotoId) {
        if self.viewed_photo() == Some(photo) {
            self.viewer = None;
        }
    }

    /// Esc: the dialog on top (the clock and watch dialogs, the export dialog unless it is
    /// exporting, the trip dialog; the delete questions are egui modals and close themselves).
    /// Returns whether one was closed.
    pub(super) fn close_dialog(&mut self, exporting: bool) -> bool {
        if self.clock.take().is_some()
            || self.watch.take().is_some()
            || self.schedule_file.take().is_some()
        {
            return true;
        }
        if self.export.is_some() && !exporting {
            self.export = None;
        } else if self.trip.is_some() {
            self.trip = None;
        } else {
            return false;
        }
        true
    }

    /// Opens or closes what an action names (the workspace checked it may).
    pub(super) fn open_or_close(&mut self, action: Action, workspace: &Workspace) {
        match action {
            Action::NewTrip => self.trip = Some(TripDialog::new_trip()),
            Action::EditTrip(id) => {
                if let Some(trip) = workspace.trips().iter().find(|t| t.id == id) {
                    self.trip = Some(TripDialog::edit(trip));
                }
            }
            Action::CloseTripDialog => self.trip = None,
            Action::AskDeleteTrip(id) => self.confirm_delete_trip = Some(ConfirmDeleteTrip(id)),
            Action::AskDeleteEntry(id) => {
                self.confirm_delete_entry = Some(ConfirmDeleteEntry(id));
            }
            Action::OpenExportDialog => self.export = Some(ExportDialog::new()),
            Action::ExportFolderChosen(folder) => {
                if let Some(dialog) = &mut self.export {
                    dialog.folder_chosen(&folder);
                }
            }
            Action::CloseExportDialog => self.export = None,
            Action::ViewPhoto(id) if self.viewed_photo() != Some(id) => {
                self.viewer = Some(PhotoViewer::new(id));
            }
            Action::CloseViewer => self.viewer = None,
            Action::OpenClockDialog(photo) => {
                let camera = workspace
                    .current()
                    .and_then(|open| open.photos.iter().find(|p| p.id == photo))
                    .and_then(|p| p.metadata.camera_model.clone());
                self.clock = camera.map(ClockDialog::new);
            }
            Action::CloseClockDialog => self.clock = None,
            Action::OpenWatchDialog(trip) => self.watch = Some(WatchDialog::new(trip)),
            Action::WatchFolderChosen { trip, folder } => {
                if let Some(dialog) = self.watch.as_mut().filter(|d| d.trip() == trip) {
                    dialog.set_folder(&folder);
                }
            }
            Action::CloseWatchDialog => self.watch = None,
            Action::CloseScheduleFileDialog => self.schedule_file = None,
            _ => {}
        }
    }
}

impl TripJournalApp {
    /// The dialogs, the questions and the photo viewer, when open.
    pub(super) fn dialogs(&mut self, ctx: &egui::Context) {
        let mut actions = Vec::new();
        let windows = &mut self.windows;
        let workspace = &self.workspace;
        let mut thumbnails = Thumbnails {
            cache: &mut self.textures,
            pool: self.thumbnails.as_ref(),
        };
        if let Some(dialog) = &mut windows.trip {
            actions.extend(dialog.show(ctx));
        }
        if let (Some(dialog), Some(open)) = (&mut windows.clock, workspace.current()) {
            actions.extend(dialog.show(ctx, open));
        }
        if let Some(dialog) = &mut windows.watch {
            actions.extend(dialog.show(ctx));
        }
        if windows.schedule_file.is_none()
            && workspace.trips_loaded()
            && let Some(file) = windows.offered_programmes.pop_front()
        {
            windows.schedule_file = Some(ScheduleFileDialog::offer(&file));
        }
        if let Some(dialog) = &mut windows.schedule_file {
            let open_trip = workspace
                .current()
                .map(|open| (open.trip.id, &open.trip.fields.name[..]));
            actions.extend(dialog.show(ctx, open_trip));
        }
        if let Some(trip) = workspace.current().map(|open| open.trip.id)
            && let Some(watch) = workspace.watch_of(trip)
        {
            actions.extend(first_batch_question(ctx, trip, watch));
        }
        if let (Some(viewer), Some(open)) = (&mut windows.viewer, workspace.current()) {
            let editable = workspace.editable();
            actions.extend(viewer.show(ctx, open, editable, &mut thumbnails));
        }
        if let Some(confirm) = &mut windows.confirm_delete_trip {
            actions.extend(confirm.show(ctx, workspace.trips()));
        }
        if let Some(confirm) = &mut windows.confirm_delete_entry {
            let (entries, photos) = workspace
                .current()
                .map_or((&[][..], &[][..]), |o| (&o.entries[..], &o.photos[..]));
            actions.extend(confirm.show(ctx, entries, photos));
        }
        if let (Some(dialog), Some(open)) = (&mut windows.export, workspace.current()) {
            actions.extend(dialog.show(ctx, open.trip.id, workspace, &mut thumbnails));
        }
        self.apply_all(actions);
    }
}
