//! The window's input that no widget takes: the keys of the command table (each press of a
//! frame counts), typing held for a quick capture's title while its entry is on its way, files
//! dropped on the window and images pasted. Each becomes an [`Action`], applied like a click.

use std::path::PathBuf;

use super::super::commands::{Cmd, WINDOW_KEYS, action_of, take_presses};
use super::{TripJournalApp, pasted};
use crate::app::Action;

impl TripJournalApp {
    /// This frame's keys, held typing, drops and pastes.
    pub(super) fn keys(&mut self, ctx: &egui::Context) {
        self.shortcuts(ctx);
        self.hold_capture_typing(ctx);
        self.dropped_and_pasted(ctx);
    }

    /// The window's shortcuts, from the command table. In a text field, Ctrl+Z is the field's
    /// own undo, and Esc leaves the field (egui drops its focus before this runs).
    fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let mut asked = Vec::new();
        for cmd in WINDOW_KEYS {
            if typing && matches!(cmd, Cmd::Undo | Cmd::Redo) {
                continue;
            }
            let presses = ctx.input_mut(|input| take_presses(input, cmd));
            asked.extend((0..presses).filter_map(|_| action_of(cmd)));
        }
        if !self.text_field_focused {
            let presses = ctx.input_mut(|input| take_presses(input, Cmd::Close));
            asked.extend((0..presses).filter_map(|_| action_of(Cmd::Close)));
        }
        self.apply_all(asked);
    }

    /// Takes this frame's typing away from the widgets while a capture's entry is on its way.
    fn hold_capture_typing(&mut self, ctx: &egui::Context) {
        if !self.workspace.holds_typing() {
            return;
        }
        let workspace = &mut self.workspace;
        ctx.input_mut(|input| {
            for _ in 0..take_presses(input, Cmd::EraseTyped) {
                workspace.erased_during_capture();
            }
            input.events.retain(|event| match event {
                egui::Event::Text(text) | egui::Event::Paste(text) => {
                    workspace.typed_during_capture(text);
                    false
                }
                egui::Event::PasteImage(image) => {
                    workspace.pasted_during_capture(pasted(image));
                    false
                }
                _ => true,
            });
        });
    }

    /// Files dropped on the window (schedules are imported, photos go to the entry under the
    /// pointer or the selected one) and images pasted.
    fn dropped_and_pasted(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .filter(|path| !path.as_os_str().is_empty())
                .collect()
        });
        let (schedules, photos): (Vec<PathBuf>, Vec<PathBuf>) = dropped
            .into_iter()
            .partition(|path| crate::app::is_schedule_file(path));
        let mut asked: Vec<Action> = schedules
            .into_iter()
            .map(Action::ImportScheduleFile)
            .collect();
        if !photos.is_empty() {
            let entry = (self.timeline.entry_under_pointer()).or(self.workspace.selected_entry());
            asked.push(Action::ImportPhotos {
                entry,
                files: photos,
            });
        }
        let pasted_images: Vec<Action> = ctx.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::PasteImage(image) => Some(Action::PastePhoto(pasted(image))),
                    _ => None,
                })
                .collect()
        });
        asked.extend(pasted_images);
        self.apply_all(asked);
    }
}
