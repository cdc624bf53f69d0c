//! The keyboard shortcuts window (F1), written from the command table: every command with
//! keys, what it does and where its keys work.

use super::commands::{COMMANDS, in_help, keys_text, scope_text};

/// The help window and whether it is shown.
#[derive(Debug, Default)]
pub struct HelpWindow {
    open: bool,
}

impl HelpWindow {
    /// Whether the window is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Shows or hides the window.
    pub fn toggle(&mut self) {
        self.open = !self.open;
    }

    /// Draws the window while it is open.
    pub fn show(&mut self, ctx: &egui::Context) {
        let mut open = self.open;
        super::dialog(&t!(ctx, "help-title"), ctx)
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| {
                // In a small window the list scrolls rather than running off the screen.
                let most = (ctx.content_rect().height() - 160.0).max(200.0);
                egui::ScrollArea::vertical()
                    .max_height(most)
                    .show(ui, |ui| {
                        egui::Grid::new("shortcuts")
                            .num_columns(2)
                            .striped(true)
                            .show(ui, |ui| {
                                for spec in COMMANDS.iter().filter(|spec| in_help(spec)) {
                                    let keys = keys_text(ctx, spec.cmd);
                                    ui.monospace(format!("{keys}{}", scope_text(ctx, spec.scope)));
                                    ui.label(super::i18n::text(ui.ctx(), spec.help, &[]));
                                    ui.end_row();
                                }
                            });
                    });
                ui.add_space(8.0);
                ui.weak(t!(ctx, "help-drop"));
            });
        self.open = open;
    }
}
