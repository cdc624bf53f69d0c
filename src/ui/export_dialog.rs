//! The export dialog: layout, order, size, GPS, draft or published, destination, a live
//! preview of the Markdown, and the export itself on a worker with progress.

use std::path::PathBuf;

use super::action::Action;
use super::photos::Thumbnails;
use crate::app::Command;
use crate::export::text::{ReadingBlock, reading_view};
use crate::export::{ExportOptions, ExportReport, Layout, Numbering, Order, PostPreview};
use crate::model::TripId;

/// The dialog's state.
pub struct ExportDialog {
    pub layout: Layout,
    pub order: Order,
    pub numbering: Numbering,
    /// The post's language for this export (`None`: the trip's).
    pub language: Option<crate::model::PostLanguage>,
    /// The post's date as typed (empty: the trip's first day).
    pub date: String,
    /// A new slug for the post (empty: the one the trip has).
    pub slug: String,
    pub max_width: u32,
    pub keep_gps: bool,
    pub publish: bool,
    pub include_unassigned: bool,
    /// End the post with the programme's starred talks that have notes.
    pub talks_attended: bool,
    pub force: bool,
    pub out_dir: String,
    pub running: bool,
    pub progress: Option<(usize, usize)>,
    pub result: Option<Result<ExportReport, String>>,
    preview: Option<(String, String)>,
    /// The preview as a reader sees it (front matter left out), made when it arrives.
    reading: Vec<ReadingBlock>,
    /// The photos behind the preview's images.
    preview_photos: PostPreview,
    /// Show the Markdown source instead of the rendered post.
    show_source: bool,
    markdown_cache: egui_commonmark::CommonMarkCache,
    /// The options of the preview asked of the journal thread and not yet shown.
    preview_requested: Option<String>,
}

impl ExportDialog {
    /// The Markdown shown as the preview, if it has arrived for the current options.
    pub fn preview_text(&self) -> Option<&str> {
        self.preview
            .as_ref()
            .filter(|(key, _)| *key == self.preview_key())
            .map(|(_, text)| text.as_str())
    }

    /// Shows a preview rendered by the journal thread, if it still matches the options.
    pub fn receive_preview(&mut self, key: String, preview: Result<PostPreview, String>) {
        if self.preview_requested.as_ref() == Some(&key) {
            self.preview_requested = None;
        }
        if key == self.preview_key() {
            let preview = preview.unwrap_or_else(|message| PostPreview {
                markdown: message,
                photos: Vec::new(),
            });
            self.reading = reading_view(&preview.markdown);
            self.preview = Some((key, preview.markdown.clone()));
            self.preview_photos = preview;
        }
    }

    /// The dialog with the export's own defaults (the ones the CLI uses too).
    pub fn new() -> Self {
        let default_dir = directories::UserDirs::new()
            .and_then(|dirs| dirs.document_dir().map(|d| d.to_path_buf()))
            .unwrap_or_else(std::env::temp_dir)
            .join("tripjournal-export");
        let defaults = ExportOptions::new(&default_dir, Layout::Plain);
        ExportDialog {
            layout: defaults.layout,
            order: defaults.order,
            numbering: defaults.numbering,
            language: defaults.language,
            date: String::new(),
            slug: String::new(),
            max_width: defaults.max_width,
            keep_gps: defaults.keep_gps,
            publish: defaults.publish,
            include_unassigned: defaults.include_unassigned,
            talks_attended: defaults.talks_attended,
            force: defaults.force,
            out_dir: default_dir.display().to_string(),
            running: false,
            progress: None,
            result: None,
            preview: None,
            preview_requested: None,
            reading: Vec::new(),
            preview_photos: PostPreview {
                markdown: String::new(),
                photos: Vec::new(),
            },
            show_source: false,
            markdown_cache: egui_commonmark::CommonMarkCache::default(),
        }
    }

    /// The export options the dialog describes.
    pub fn options(&self) -> ExportOptions {
        let mut options = ExportOptions::new(PathBuf::from(self.out_dir.trim()), self.layout);
        options.order = self.order;
        options.numbering = self.numbering;
        options.language = self.language;
        options.date = crate::model::rules::parse_date(self.date.trim()).ok();
        options.slug = Some(self.slug.trim().to_string()).filter(|s| !s.is_empty());
        options.max_width = self.max_width;
        options.keep_gps = self.keep_gps;
        options.publish = self.publish;
        options.include_unassigned = self.include_unassigned;
        options.talks_attended = self.talks_attended;
        options.force = self.force;
        options
    }

    fn preview_key(&self) -> String {
        format!(
            "{:?}{:?}{:?}{:?}{}{}{}{}{}{}",
            self.layout,
            self.order,
            self.numbering,
            self.language,
            self.date,
            self.slug,
            self.publish,
            self.include_unassigned,
            self.talks_attended,
            self.max_width
        )
    }
}

/// Opens a folder in the system's file manager.
pub fn open_folder(path: &std::path::Path) -> Result<(), String> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    // Waits for the opener (call it off the UI thread): xdg-open starts, finds no file
    // manager and exits with an error, which must reach the user. Explorer exits 1 even when
    // it opened the folder, so only its start counts there.
    let status = std::process::Command::new(program)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map_err(|error| format!("Cannot open the folder: {program} is not available ({error})"))?;
    if status.success() || cfg!(target_os = "windows") {
        Ok(())
    } else {
        Err(format!(
            "No file manager opened {}: open it yourself",
            path.display()
        ))
    }
}

impl ExportDialog {
    /// The export command of `trip` with the dialog's options, marking the dialog as running;
    /// none (and a message in the dialog) when there is no destination.
    pub fn start(&mut self, trip: TripId) -> Option<Command> {
        if self.out_dir.trim().is_empty() {
            self.result = Some(Err("Choose a destination folder first".into()));
            return None;
        }
        if !self.date.trim().is_empty()
            && crate::model::rules::parse_date(self.date.trim()).is_err()
        {
            self.result = Some(Err("The post date must look like 2018-11-13".into()));
            return None;
        }
        self.running = true;
        self.result = None;
        self.progress = Some((0, 0));
        Some(Command::Export {
            trip,
            options: self.options(),
        })
    }

    /// The preview to ask of the journal thread when the options changed since the last one.
    fn preview_request(&mut self, trip: TripId) -> Option<Command> {
        let key = self.preview_key();
        if self.preview.as_ref().is_none_or(|(k, _)| *k != key)
            && self.preview_requested.as_ref() != Some(&key)
        {
            self.preview_requested = Some(key.clone());
            return Some(Command::RenderPreview {
                trip,
                options: Box::new(self.options()),
                key,
            });
        }
        None
    }

    /// The options; returns whether "Choose…" was clicked.
    fn options_grid(&mut self, ui: &mut egui::Ui) -> bool {
        let dialog = self;
        let mut choose = false;
        egui::Grid::new("export-options")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                ui.label("Layout");
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut dialog.layout, Layout::Plain, "Plain folder");
                    ui.selectable_value(&mut dialog.layout, Layout::Jekyll, "Jekyll");
                    ui.selectable_value(&mut dialog.layout, Layout::Hugo, "Hugo");
                });
                ui.end_row();
                ui.label("Order");
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut dialog.order, Order::Day, "By day");
                    ui.selectable_value(&mut dialog.order, Order::Kind, "By kind");
                    ui.selectable_value(&mut dialog.order, Order::Section, "By section");
                });
                ui.end_row();
                if dialog.order == Order::Section {
                    ui.label("Numbering");
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut dialog.numbering, Numbering::Section, "1, 2, 3…")
                            .on_hover_text("Titles that start with their own number keep only it");
                        ui.selectable_value(&mut dialog.numbering, Numbering::None, "None");
                    });
                    ui.end_row();
                }
                let label = ui.label("Max width (px)");
                ui.add(egui::DragValue::new(&mut dialog.max_width).range(16..=8000))
                    .labelled_by(label.id);
                ui.end_row();
                ui.label("Photos");
                ui.horizontal(|ui| {
                    ui.checkbox(&mut dialog.keep_gps, "Keep GPS position");
                    ui.checkbox(
                        &mut dialog.include_unassigned,
                        "Gallery of unassigned photos",
                    );
                });
                ui.end_row();
                ui.label("Programme");
                ui.checkbox(&mut dialog.talks_attended, "Talks I attended")
                    .on_hover_text("End the post with the starred talks that have notes");
                ui.end_row();
                ui.label("Post");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut dialog.publish, false, "Draft");
                    if ui.radio_value(&mut dialog.publish, true, "Published").clicked()
                        && dialog.date.trim().is_empty()
                    {
                        // A published post is dated the day it goes out: today, to change.
                        dialog.date = chrono::Local::now().date_naive().to_string();
                    }
                    ui.checkbox(&mut dialog.force, "Overwrite")
                        .on_hover_text("Replace or remove files in the folder that this trip's last export did not write, or that were changed since");
                });
                ui.end_row();
                dialog.post_rows(ui);
                let label = ui.label("Destination folder");
                ui.horizontal(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut dialog.out_dir)
                            .desired_width(360.0),
                    )
                    .labelled_by(label.id);
                    if ui.button("Choose…").clicked() {
                        choose = true;
                    }
                });
                ui.end_row();
            });
        choose
    }

    /// The preview: the post as a reader sees it, or its Markdown source.
    fn preview_pane(&mut self, ui: &mut egui::Ui, thumbnails: &mut Thumbnails<'_>) {
        ui.horizontal(|ui| {
            ui.strong("Preview");
            ui.selectable_value(&mut self.show_source, false, "Rendered");
            ui.selectable_value(&mut self.show_source, true, "Source");
        });
        egui::ScrollArea::vertical()
            .id_salt("export-preview")
            .show(ui, |ui| match &self.preview {
                Some((_, text)) if self.show_source => {
                    ui.add(egui::Label::new(egui::RichText::new(text).monospace()).wrap());
                }
                Some(_) => {
                    for (index, block) in self.reading.iter().enumerate() {
                        ui.push_id(index, |ui| match block {
                            ReadingBlock::Text(text) => {
                                egui_commonmark::CommonMarkViewer::new().show(
                                    ui,
                                    &mut self.markdown_cache,
                                    text,
                                );
                            }
                            ReadingBlock::Image { alt, link } => {
                                let photo = self.preview_photos.photo_of(link);
                                preview_photo(ui, photo, alt, self.max_width, thumbnails);
                            }
                        });
                    }
                }
                None => {
                    ui.spinner();
                }
            });
    }

    /// The post's language, date and slug.
    fn post_rows(&mut self, ui: &mut egui::Ui) {
        super::trip_dialog::language_row(ui, &mut self.language);
        let label = ui.label("Post date");
        let hint = if self.publish {
            "YYYY-MM-DD"
        } else {
            "the trip's first day"
        };
        ui.add(
            egui::TextEdit::singleline(&mut self.date)
                .hint_text(hint)
                .desired_width(120.0),
        )
        .labelled_by(label.id);
        ui.end_row();
        let label = ui.label("Slug");
        ui.add(
            egui::TextEdit::singleline(&mut self.slug)
                .hint_text("as before (from the trip's name)")
                .desired_width(240.0),
        )
        .labelled_by(label.id)
        .on_hover_text("The post's file and URL name; the trip keeps it for later exports");
        ui.end_row();
    }

    /// The last export's outcome; returns the folder to open when asked.
    fn result_row(&self, ui: &mut egui::Ui) -> Option<PathBuf> {
        let dialog = self;
        let mut open_result_folder = None;
        match &dialog.result {
            Some(Ok(report)) => {
                ui.horizontal(|ui| {
                    ui.label(format!("✔ Written: {}", report.post.display()));
                    if !report.removed.is_empty() {
                        ui.label(format!(
                            "· removed {} file(s) no longer in the post",
                            report.removed.len()
                        ));
                    }
                    if !report.kept.is_empty() {
                        ui.label(format!(
                            "· kept {} old file(s) you changed (tick Overwrite to remove them)",
                            report.kept.len()
                        ))
                        .on_hover_text(
                            report
                                .kept
                                .iter()
                                .map(|path| path.display().to_string())
                                .collect::<Vec<_>>()
                                .join("\n"),
                        );
                    }
                    if ui.button("Open folder").clicked() {
                        open_result_folder = report.post.parent().map(|p| p.to_path_buf());
                    }
                });
            }
            Some(Err(message)) => {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
            None => {}
        }
        open_result_folder
    }

    /// Draws the dialog for the open `trip`; returns what the user asked for.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        trip: TripId,
        thumbnails: &mut Thumbnails<'_>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        // The journal thread renders the preview whenever the options change; the old one stays
        // on screen until the new one arrives.
        actions.extend(self.preview_request(trip).map(Action::Send));
        let dialog = self;
        let mut open = true;
        let mut start = false;
        let mut cancel = false;
        let mut choose = false;
        let mut open_result_folder = None;
        egui::Window::new("Export as a blog post")
            .open(&mut open)
            .default_size([760.0, 600.0])
            .show(ctx, |ui| {
                choose = dialog.options_grid(ui);
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(!dialog.running, egui::Button::new("Export"))
                        .clicked()
                    {
                        start = true;
                    }
                    if dialog.running {
                        let (done, total) = dialog.progress.unwrap_or((0, 0));
                        super::progress_bar(ui, done, total, " images");
                        if ui.button("Cancel").clicked() {
                            cancel = true;
                        }
                    }
                });
                open_result_folder = dialog.result_row(ui);
                ui.separator();
                dialog.preview_pane(ui, thumbnails);
            });
        if choose {
            actions.push(Action::ChooseExportFolder);
        }
        if start {
            actions.push(Action::StartExport);
        }
        if cancel {
            actions.push(Action::Send(Command::CancelExport));
        }
        if let Some(folder) = open_result_folder {
            actions.push(Action::OpenFolder(folder));
        }
        if !open {
            actions.push(Action::CloseExportDialog);
        }
        actions
    }
}

/// A photo of the preview at the size the export writes it (at most `max_width` pixels, and
/// never wider than the pane), or its caption while it loads.
fn preview_photo(
    ui: &mut egui::Ui,
    photo: Option<crate::model::PhotoId>,
    alt: &str,
    max_width: u32,
    thumbnails: &mut Thumbnails<'_>,
) {
    let texture = photo.and_then(|id| thumbnails.texture(id, true));
    match texture {
        Some(texture) => {
            let size = texture.size_vec2();
            let widest = (max_width as f32 / ui.pixels_per_point())
                .min(ui.available_width())
                .min(size.x);
            let shown = egui::vec2(widest, widest * size.y / size.x.max(1.0));
            ui.add(egui::Image::new((texture.id(), shown)).alt_text(alt))
                .on_hover_text(alt);
        }
        None => {
            ui.weak(format!("📷 {alt}"));
        }
    }
}
