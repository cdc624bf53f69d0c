//! The keyboard shortcuts window (F1).

/// Every shortcut and what it does, as shown in the help window.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl+1", "New session (talk); keep typing its title"),
    ("Ctrl+2", "New meal; keep typing its title"),
    ("Ctrl+3", "New food rating; keep typing its title"),
    ("Ctrl+4", "New note; keep typing its title"),
    ("Ctrl+N", "New trip"),
    ("Ctrl+O", "Add photos to the selected entry (or the trip)"),
    ("Ctrl+V", "Paste text into a field, or an image as a photo"),
    ("Ctrl+F", "Search the trip"),
    ("Ctrl+E", "Export the trip as a blog post"),
    ("Ctrl+S", "Save now (edits also save by themselves)"),
    ("Ctrl+Z", "Undo (outside a text field)"),
    ("Ctrl+Shift+Z / Ctrl+Y", "Redo"),
    ("Tab / Shift+Tab", "Next / previous field"),
    ("Ctrl+Enter", "Jump to the entry's notes"),
    (
        "←/→ on stars",
        "Half a star less/more; Home/End, digits (4.5), Delete clears",
    ),
    ("←/→ in the photo viewer", "Previous / next photo"),
    ("S in the Schedule", "Star or unstar the selected talk"),
    (
        "Enter in the Schedule",
        "Start notes on the selected talk (or open them)",
    ),
    ("↑/↓ in the Schedule", "Select the previous / next talk"),
    (
        "Esc",
        "Leave a field; close the viewer, a dialog or this help",
    ),
    ("F1", "This help"),
];

/// The help window and whether it is shown.
#[derive(Debug, Default)]
pub struct HelpWindow {
    pub open: bool,
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
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts")
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        for (keys, action) in SHORTCUTS {
                            ui.monospace(*keys);
                            ui.label(*action);
                            ui.end_row();
                        }
                    });
                ui.add_space(8.0);
                ui.weak("Drop photo files anywhere on the window to add them, or a conference schedule (.ics, .xml, .json) to import it.");
            });
        self.open = open;
    }
}
