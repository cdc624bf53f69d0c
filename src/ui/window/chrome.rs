//! The window's chrome: the toolbar (from the command table), the read-only and damaged-rows
//! banners, the status bar (jobs, saving, the watched folder, messages, what failed), and the
//! views shown instead of a trip: the welcome view of an empty journal and the view of a
//! journal that could not be opened.

use super::super::commands::{CAPTURES, Cmd, command_button};
use super::super::i18n::language;
use super::super::watch_dialog::indicator;
use super::super::{damage_banner, wording};
use super::{TripJournalApp, failure_lines};
use crate::app::{Action, Command, JobKind, typed_path};

impl TripJournalApp {
    /// The toolbar. It wraps onto a second line in a narrow window rather than letting buttons
    /// overlap; Help and the theme switch come last.
    pub(super) fn top_bar(&mut self, ui: &mut egui::Ui) {
        let mut clicked = None;
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let has_trip = self.workspace.current().is_some();
                let can_add = has_trip && self.workspace.editable();
                ui.strong("tripjournal");
                ui.separator();
                for (cmd, _) in CAPTURES {
                    clicked = toolbar_button(ui, cmd, can_add).or(clicked);
                }
                ui.separator();
                clicked = toolbar_button(ui, Cmd::AddPhotos, can_add).or(clicked);
                clicked = toolbar_button(ui, Cmd::Export, has_trip).or(clicked);
                ui.separator();
                let session = self.workspace.session();
                clicked = toolbar_button(ui, Cmd::Undo, session.can_undo()).or(clicked);
                clicked = toolbar_button(ui, Cmd::Redo, session.can_redo()).or(clicked);
                ui.separator();
                let theme_label = if self.dark {
                    t!(ui.ctx(), "theme-light")
                } else {
                    t!(ui.ctx(), "theme-dark")
                };
                if ui.button(theme_label).clicked() {
                    clicked = Some(Cmd::Theme);
                }
                if let Some(language) = language_menu(ui) {
                    self.set_language(language);
                }
                clicked = toolbar_button(ui, Cmd::Help, true).or(clicked);
            });
        });
        if let Some(action) = clicked.and_then(super::super::commands::action_of) {
            self.apply(action);
        }
    }

    /// Above everything on a read-only journal: why editing is off.
    pub(super) fn read_only_banner(&self, ui: &mut egui::Ui) {
        let Some(reason) = self.workspace.read_only() else {
            return;
        };
        egui::Panel::top("read-only").show(ui, |ui| {
            ui.add_space(4.0);
            ui.colored_label(
                ui.visuals().warn_fg_color,
                egui::RichText::new(wording::read_only_banner(reason, language(ui.ctx()))).strong(),
            );
            ui.add_space(4.0);
        });
    }

    /// The rows of the journal that cannot be read, with *Set aside*.
    pub(super) fn damage_banner(&mut self, ui: &mut egui::Ui) {
        let editable = self.workspace.editable();
        let set_aside = damage_banner::show(ui, self.workspace.damaged(), editable);
        self.apply_all(set_aside);
    }

    /// The status bar: a running import with *Cancel import*, "Saving…", the watched folder,
    /// the messages, and the lists of what could not be imported.
    pub(super) fn status_bar(&mut self, ui: &mut egui::Ui) {
        let mut actions = Vec::new();
        let mut dismissed = (false, false);
        let ctx = ui.ctx().clone();
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                if let Some((done, total)) = self.workspace.job(JobKind::Import) {
                    ui.label(t!(&ctx, "status-importing-photos"));
                    super::super::progress_bar(ui, done, total, "");
                    if ui.button(t!(&ctx, "status-cancel-import")).clicked() {
                        actions.push(Action::Send(Command::Cancel(JobKind::Import)));
                    }
                }
                if self.workspace.session().has_pending() {
                    ui.weak(t!(&ctx, "status-saving"));
                }
                if let Some(trip) = self.workspace.current().map(|open| open.trip.id)
                    && let Some(watch) = self.workspace.watch_of(trip)
                {
                    let editable = self.workspace.editable();
                    actions.extend(indicator(ui, trip, watch, editable));
                }
                for notice in self.workspace.notices() {
                    let color = if notice.message.is_error() {
                        ui.visuals().error_fg_color
                    } else {
                        ui.visuals().text_color()
                    };
                    ui.colored_label(color, wording::message(&notice.message, language(&ctx)));
                }
            });
            let failures = failure_lines(self.workspace.import_failures());
            dismissed.0 = failure_list(
                ui,
                |count| t!(&ctx, "status-photos-not-imported", count = count),
                &failures,
            );
            let skipped: Vec<String> = (self.workspace.schedule_skipped().iter())
                .map(|s| format!("{}: {}", s.what, s.reason))
                .collect();
            dismissed.1 = failure_list(
                ui,
                |count| t!(&ctx, "status-events-skipped", count = count),
                &skipped,
            );
        });
        if dismissed.0 {
            self.workspace.dismiss_import_failures();
        }
        if dismissed.1 {
            self.workspace.dismiss_schedule_skipped();
        }
        self.apply_all(actions);
    }

    /// Shown when the journal could not be opened: why, and a way to open another.
    pub(super) fn journal_error_view(&mut self, ui: &mut egui::Ui) {
        let mut asked = None;
        let ctx = ui.ctx().clone();
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.heading(t!(&ctx, "journal-not-opened"));
            if let Some(error) = self.workspace.open_error() {
                ui.colored_label(ui.visuals().error_fg_color, error.to_string());
            }
            ui.add_space(12.0);
            ui.label(t!(&ctx, "journal-open-another"));
            ui.horizontal(|ui| {
                let label = ui.label(t!(&ctx, "journal-file"));
                ui.add(
                    egui::TextEdit::singleline(&mut self.typed_journal_path).desired_width(420.0),
                )
                .labelled_by(label.id);
                if ui.button(t!(&ctx, "journal-open")).clicked()
                    && let Some(path) = typed_path(&self.typed_journal_path)
                {
                    asked = Some(Action::OpenJournal(path));
                }
                if ui.button(t!(&ctx, "journal-choose")).clicked() {
                    asked = Some(Action::ChooseJournal);
                }
            });
        });
        self.apply_all(asked);
    }
}

/// The first view of an empty journal: a new trip, the demo trip, or a trip from a schedule.
pub(super) fn welcome_view(ui: &mut egui::Ui, editable: bool) -> Option<Action> {
    let mut asked = None;
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.25);
        ui.heading(t!(ui.ctx(), "welcome-title"));
        ui.label(t!(ui.ctx(), "welcome-lead"));
        ui.add_space(16.0);
        if command_button(ui, Cmd::NewTrip, editable) {
            asked = Some(Action::NewTrip);
        }
        ui.add_space(6.0);
        if ui
            .add_enabled(editable, egui::Button::new(t!(ui.ctx(), "welcome-demo")))
            .clicked()
        {
            asked = Some(Action::Send(Command::CreateDemo));
        }
        ui.add_space(6.0);
        if command_button(ui, Cmd::NewTripFromSchedule, editable) {
            asked = Some(Action::PickSchedule(None));
        }
    });
    asked
}

/// The window's language: each language named in itself, and "System" (the system's);
/// returns the choice when one was made (`None` inside: follow the system).
fn language_menu(ui: &mut egui::Ui) -> Option<Option<crate::model::PostLanguage>> {
    let current = super::super::i18n::language(ui.ctx());
    let mut chosen = None;
    ui.menu_button(format!("🌐 {}", current.native_name()), |ui| {
        if ui.button(t!(ui.ctx(), "language-system")).clicked() {
            chosen = Some(None);
        }
        for language in crate::model::PostLanguage::ALL {
            if ui
                .selectable_label(language == current, language.native_name())
                .clicked()
            {
                chosen = Some(Some(language));
            }
        }
    });
    chosen
}

/// A toolbar button for a command of the table; returns the command when clicked.
fn toolbar_button(ui: &mut egui::Ui, cmd: Cmd, enabled: bool) -> Option<Cmd> {
    command_button(ui, cmd, enabled).then_some(cmd)
}

/// A dismissable list of what could not be imported, under its heading (`heading` words the
/// count); returns whether it was dismissed.
fn failure_list(ui: &mut egui::Ui, heading: impl Fn(usize) -> String, lines: &[String]) -> bool {
    if lines.is_empty() {
        return false;
    }
    let mut dismissed = false;
    egui::CollapsingHeader::new(heading(lines.len()))
        .default_open(true)
        .show(ui, |ui| {
            for line in lines {
                ui.colored_label(ui.visuals().error_fg_color, line);
            }
            dismissed = ui.small_button(t!(ui.ctx(), "status-dismiss")).clicked();
        });
    dismissed
}
