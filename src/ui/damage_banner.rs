//! The banner over the timeline that names rows of the journal this program cannot read
//! (written by a damaged build or another program), and offers to set them aside. The rest of
//! the journal is shown as usual; the banner only says what is missing and why.

use crate::app::Action;
use crate::app::Command;
use crate::store::DamagedRow;

/// How many damaged rows are named one by one before the rest are counted.
const ROWS_NAMED: usize = 3;

/// Draws the banner when some rows cannot be read; returns "set them aside" when asked (the
/// button is off in a read-only journal).
pub fn show(ui: &mut egui::Ui, rows: &[DamagedRow], editable: bool) -> Option<Action> {
    if rows.is_empty() {
        return None;
    }
    let mut action = None;
    let ctx = ui.ctx().clone();
    egui::Panel::top("damaged rows").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let warning = ui.visuals().warn_fg_color;
            ui.colored_label(warning, t!(&ctx, "damage-headline", count = rows.len()));
            if ui
                .add_enabled(editable, egui::Button::new(t!(&ctx, "damage-set-aside")))
                .on_hover_text(t!(&ctx, "damage-set-aside-help"))
                .clicked()
            {
                action = Some(Action::Send(Command::SetAsideDamaged));
            }
        });
        for row in rows.iter().take(ROWS_NAMED) {
            ui.weak(row.to_string());
        }
        if rows.len() > ROWS_NAMED {
            ui.weak(t!(&ctx, "damage-more", count = rows.len() - ROWS_NAMED));
        }
    });
    action
}
