//! The export dialog: layout, order, size, GPS, draft or published, destination, a live
//! preview of the Markdown, and the export itself on a worker with progress.

use std::path::{Path, PathBuf};

use super::photos::Thumbnails;
use super::wording;
use crate::app::{Action, Command, ExportForm, ExportFormError, JobKind, Workspace};
use crate::export::text::{ReadingBlock, reading_view};
use crate::export::{ExportOptions, Layout, Numbering, Order, PostPreview};
use crate::model::TripId;

/// The dialog's state: the form as set and typed, and how the preview is shown.
pub struct ExportDialog {
    form: ExportForm,
    /// The options of the preview asked of the journal thread (one at a time).
    requested: Option<ExportOptions>,
    /// The preview as a reader sees it (front matter left out), made when it arrives, with the
    /// options it was rendered for.
    reading: Option<(ExportOptions, Vec<ReadingBlock>)>,
    /// Show the Markdown source instead of the rendered post.
    show_source: bool,
    markdown_cache: egui_commonmark::CommonMarkCache,
    /// Why the last click on Export was refused (no folder…).
    refused: Option<ExportFormError>,
    /// Whether an export was started from this dialog (its outcome is shown).
    started: bool,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self::new()
    }
}

impl ExportDialog {
    /// The dialog with the export's own defaults (the ones the CLI uses too).
    pub fn new() -> Self {
        let default_dir = directories::UserDirs::new()
            .and_then(|dirs| dirs.document_dir().map(|d| d.to_path_buf()))
            .unwrap_or_else(std::env::temp_dir)
            .join("tripjournal-export");
        ExportDialog {
            form: ExportForm::new(default_dir),
            requested: None,
            reading: None,
            show_source: false,
            markdown_cache: egui_commonmark::CommonMarkCache::default(),
            refused: None,
            started: false,
        }
    }

    /// The Markdown of the preview, when the journal thread sent it for the current options.
    pub fn preview_text<'a>(&self, workspace: &'a Workspace) -> Option<&'a str> {
        let options = self.form.preview_options().ok()?;
        let shown = workspace.export_preview()?;
        (shown.options == options)
            .then(|| shown.preview.as_ref().ok())
            .flatten()
            .map(|preview| preview.markdown.as_str())
    }

    /// The folder chosen in the desktop's folder dialog.
    pub fn folder_chosen(&mut self, folder: &Path) {
        self.form.out_dir = folder.display().to_string();
    }

    /// The preview to ask of the journal thread: the options changed since the last one and
    /// no other is being rendered.
    fn preview_request(&mut self, trip: TripId, workspace: &Workspace) -> Option<Command> {
        let options = self.form.preview_options().ok()?;
        let rendered = workspace.export_preview().map(|shown| &shown.options);
        let in_flight = self
            .requested
            .as_ref()
            .is_some_and(|asked| Some(asked) != rendered);
        if rendered == Some(&options) || in_flight || self.requested.as_ref() == Some(&options) {
            return None;
        }
        self.requested = Some(options.clone());
        Some(Command::RenderPreview {
            trip,
            options: Box::new(options),
        })
    }

    /// The export the dialog describes, or why not (shown in the dialog).
    fn start(&mut self) -> Option<Action> {
        match self.form.export_options() {
            Ok(options) => {
                self.refused = None;
                self.started = true;
                Some(Action::StartExport(
                    Box::new(options),
                    self.form.git_target(),
                ))
            }
            Err(error) => {
                self.refused = Some(error);
                None
            }
        }
    }

    /// The options; returns whether "Choose…" was clicked.
    fn options_grid(&mut self, ui: &mut egui::Ui) -> bool {
        let form = &mut self.form;
        let mut choose = false;
        let ctx = ui.ctx().clone();
        egui::Grid::new("export-options")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                ui.label(t!(&ctx, "export-layout"));
                ui.horizontal(|ui| {
                    ui.selectable_value(
                        &mut form.layout,
                        Layout::Plain,
                        t!(&ctx, "export-layout-plain"),
                    );
                    ui.selectable_value(&mut form.layout, Layout::Jekyll, "Jekyll");
                    ui.selectable_value(&mut form.layout, Layout::Hugo, "Hugo");
                });
                ui.end_row();
                ui.label(t!(&ctx, "export-order"));
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut form.order, Order::Day, t!(&ctx, "export-order-day"));
                    ui.selectable_value(
                        &mut form.order,
                        Order::Kind,
                        t!(&ctx, "export-order-kind"),
                    );
                    ui.selectable_value(
                        &mut form.order,
                        Order::Section,
                        t!(&ctx, "export-order-section"),
                    );
                });
                ui.end_row();
                if form.order == Order::Section {
                    ui.label(t!(&ctx, "export-numbering"));
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut form.numbering, Numbering::Section, "1, 2, 3…")
                            .on_hover_text(t!(&ctx, "export-numbering-help"));
                        ui.selectable_value(
                            &mut form.numbering,
                            Numbering::None,
                            t!(&ctx, "export-numbering-none"),
                        );
                    });
                    ui.end_row();
                }
                let label = ui.label(t!(&ctx, "export-max-width"));
                let widths = ExportOptions::MIN_MAX_WIDTH..=8000;
                ui.add(egui::DragValue::new(&mut form.max_width).range(widths))
                    .labelled_by(label.id);
                ui.end_row();
                photo_rows(ui, form);
                post_rows(ui, form);
                let label = ui.label(t!(&ctx, "export-destination"));
                ui.horizontal(|ui| {
                    ui.add(egui::TextEdit::singleline(&mut form.out_dir).desired_width(360.0))
                        .labelled_by(label.id);
                    choose = ui.button(t!(&ctx, "journal-choose")).clicked();
                    git_choice(ui, form);
                });
                ui.end_row();
            });
        choose
    }

    /// The preview: the post as a reader sees it, or its Markdown source. The last one
    /// rendered stays on screen until the next arrives.
    fn preview_pane(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        thumbnails: &mut Thumbnails<'_>,
    ) {
        let ctx = ui.ctx().clone();
        let language = super::i18n::language(&ctx);
        ui.horizontal(|ui| {
            ui.strong(t!(&ctx, "export-preview"));
            ui.selectable_value(&mut self.show_source, false, t!(&ctx, "export-rendered"));
            ui.selectable_value(&mut self.show_source, true, t!(&ctx, "export-source"));
        });
        let shown = workspace.export_preview();
        let markdown = shown.map(|shown| match &shown.preview {
            Ok(preview) => preview.markdown.clone(),
            Err(error) => wording::export_error(error, language),
        });
        if let (Some(shown), Some(markdown)) = (shown, &markdown)
            && self
                .reading
                .as_ref()
                .is_none_or(|(of, _)| *of != shown.options)
        {
            self.reading = Some((shown.options.clone(), reading_view(markdown)));
        }
        let photos = shown.and_then(|shown| shown.preview.as_ref().ok());
        egui::ScrollArea::vertical()
            .id_salt("export-preview")
            .auto_shrink([false, false])
            .show(ui, |ui| match (&markdown, &self.reading) {
                (Some(text), _) if self.show_source => {
                    ui.add(egui::Label::new(egui::RichText::new(text).monospace()).wrap());
                }
                (Some(_), Some((_, blocks))) => {
                    let max_width = self.form.max_width;
                    for (index, block) in blocks.iter().enumerate() {
                        ui.push_id(index, |ui| match block {
                            ReadingBlock::Text(text) => {
                                egui_commonmark::CommonMarkViewer::new().show(
                                    ui,
                                    &mut self.markdown_cache,
                                    text,
                                );
                            }
                            ReadingBlock::Image { alt, link } => {
                                let photo = photos.and_then(|p: &PostPreview| p.photo_of(link));
                                preview_photo(ui, photo, alt, max_width, thumbnails);
                            }
                        });
                    }
                }
                _ => {
                    ui.spinner();
                }
            });
    }

    /// The form's problem, or the last export's outcome; returns the folder to open when
    /// asked.
    fn result_row(&self, ui: &mut egui::Ui, workspace: &Workspace) -> Option<PathBuf> {
        let language = super::i18n::language(ui.ctx());
        let problem = self
            .refused
            .as_ref()
            .or(self.form.preview_options().err().as_ref())
            .map(|error| wording::export_form_error(error, language));
        if let Some(problem) = problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
            return None;
        }
        match workspace.last_export().filter(|_| self.started)? {
            Ok(report) => report_row(ui, report),
            Err(error) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    wording::export_error(error, language),
                );
                None
            }
        }
    }

    /// Draws the dialog for the open `trip`; returns what the user asked for.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        trip: TripId,
        workspace: &Workspace,
        thumbnails: &mut Thumbnails<'_>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        // The journal thread renders the preview whenever the options change; the old one stays
        // on screen until the new one arrives.
        actions.extend(self.preview_request(trip, workspace).map(Action::Send));
        let running = workspace.job(JobKind::Export);
        let mut open = true;
        // Most of the window: the preview is what the dialog is for.
        let room = ctx.content_rect().size();
        super::dialog(&t!(ctx, "export-title"), ctx)
            .open(&mut open)
            .default_size([
                (room.x - 48.0).clamp(320.0, 820.0),
                (room.y - 48.0).max(300.0),
            ])
            .show(ctx, |ui| {
                if self.options_grid(ui) {
                    actions.push(Action::ChooseExportFolder);
                }
                ui.horizontal(|ui| {
                    let export = egui::Button::new(t!(ctx, "export-export"));
                    if ui.add_enabled(running.is_none(), export).clicked() {
                        actions.extend(self.start());
                    }
                    if let Some((done, total)) = running {
                        super::progress_bar(ui, done, total, &t!(ctx, "export-images-unit"));
                        if ui.button(t!(ctx, "dialog-cancel")).clicked() {
                            actions.push(Action::Send(Command::Cancel(JobKind::Export)));
                        }
                    }
                });
                if running.is_none() {
                    actions.extend(self.result_row(ui, workspace).map(Action::OpenFolder));
                }
                ui.separator();
                self.preview_pane(ui, workspace, thumbnails);
            });
        if !open {
            actions.push(Action::CloseExportDialog);
        }
        actions
    }
}

/// The photos' rows: GPS, the gallery, the talks attended.
fn photo_rows(ui: &mut egui::Ui, form: &mut ExportForm) {
    let ctx = ui.ctx().clone();
    ui.label(t!(&ctx, "editor-photos"));
    ui.horizontal(|ui| {
        ui.checkbox(&mut form.keep_gps, t!(&ctx, "export-keep-gps"));
        ui.checkbox(&mut form.include_unassigned, t!(&ctx, "export-gallery"));
        ui.checkbox(&mut form.phone_size, t!(&ctx, "export-phone-size"))
            .on_hover_text(t!(&ctx, "export-phone-size-help"));
    });
    ui.end_row();
    ui.label(t!(&ctx, "export-programme"));
    ui.checkbox(&mut form.talks_attended, t!(&ctx, "export-talks-attended"))
        .on_hover_text(t!(&ctx, "export-talks-attended-help"));
    ui.end_row();
}

/// "Commit to Git" beside the destination (then the blog's repository), and the branch
/// when ticked.
fn git_choice(ui: &mut egui::Ui, form: &mut ExportForm) {
    let ctx = ui.ctx().clone();
    ui.checkbox(&mut form.git, t!(&ctx, "export-git"))
        .on_hover_text(t!(&ctx, "export-git-help"));
    if form.git {
        let label = ui.label(t!(&ctx, "export-git-branch"));
        ui.add(
            egui::TextEdit::singleline(&mut form.branch)
                .hint_text("tripjournal/<slug>")
                .desired_width(160.0),
        )
        .labelled_by(label.id);
    }
}

/// The post's rows: draft or published, overwrite, language, date and slug.
fn post_rows(ui: &mut egui::Ui, form: &mut ExportForm) {
    let ctx = ui.ctx().clone();
    ui.label(t!(&ctx, "export-post"));
    ui.horizontal(|ui| {
        ui.radio_value(&mut form.publish, false, t!(&ctx, "export-draft"));
        if ui
            .radio_value(&mut form.publish, true, t!(&ctx, "export-published"))
            .clicked()
        {
            // A published post is dated the day it goes out: today, to change.
            form.publish_today(chrono::Local::now().date_naive());
        }
        ui.checkbox(&mut form.force, t!(&ctx, "export-overwrite"))
            .on_hover_text(t!(&ctx, "export-overwrite-help"));
    });
    ui.end_row();
    super::trip_dialog::language_row(ui, &mut form.language);
    let label = ui.label(t!(&ctx, "export-post-date"));
    let hint = if form.publish {
        t!(&ctx, "date-hint")
    } else {
        t!(&ctx, "export-post-date-hint")
    };
    ui.add(
        egui::TextEdit::singleline(&mut form.date)
            .hint_text(hint)
            .desired_width(120.0),
    )
    .labelled_by(label.id);
    ui.end_row();
    let label = ui.label(t!(&ctx, "export-slug"));
    ui.add(
        egui::TextEdit::singleline(&mut form.slug)
            .hint_text(t!(&ctx, "export-slug-hint"))
            .desired_width(240.0),
    )
    .labelled_by(label.id)
    .on_hover_text(t!(&ctx, "export-slug-help"));
    ui.end_row();
}

/// A finished export: where it wrote, what it removed or kept, and *Open folder*.
fn report_row(ui: &mut egui::Ui, report: &crate::export::ExportReport) -> Option<PathBuf> {
    let mut open_folder = None;
    let ctx = ui.ctx().clone();
    ui.horizontal(|ui| {
        if let Some(git) = &report.git {
            ui.label(super::wording::git_outcome(
                git,
                super::i18n::language(&ctx),
            ));
            return;
        }
        let post = report.post.display().to_string();
        ui.label(t!(&ctx, "export-written", post = post));
        if !report.removed.is_empty() {
            ui.label(t!(&ctx, "export-removed", count = report.removed.len()));
        }
        if !report.kept.is_empty() {
            let kept: Vec<String> = report
                .kept
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            ui.label(t!(&ctx, "export-kept", count = report.kept.len()))
                .on_hover_text(kept.join("\n"));
        }
        if ui.button(t!(&ctx, "export-open-folder")).clicked() {
            open_folder = report.post.parent().map(|p| p.to_path_buf());
        }
    });
    open_folder
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
