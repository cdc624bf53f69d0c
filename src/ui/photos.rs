//! Photos in the window: a texture cache fed by the decoding pool, the strip of an entry's
//! photos, the tray of the trip's unassigned photos with suggestions, and the large viewer
//! with its caption. Only thumbnails on screen are decoded; textures unused for a while are
//! dropped.

use std::collections::{HashMap, HashSet};

use egui::{Id, Sense, TextureHandle, TextureOptions, Ui, Vec2};

use super::app::TripJournalApp;
use crate::app::{Command, DecodedImage, ThumbnailPool, suggestion_inputs, suggestions_by_entry};
use crate::model::{EntryId, Photo, PhotoId};

const THUMB_BOX: f32 = 96.0;
/// Frames a texture may go unused before it is dropped.
const EVICT_AFTER_FRAMES: u64 = 300;
/// Textures kept at most; beyond this the least recently used go first.
const MAX_TEXTURES: usize = 400;

/// Uploaded thumbnails and previews, with what is already asked for.
#[derive(Default)]
pub struct TextureCache {
    textures: HashMap<(PhotoId, bool), (TextureHandle, u64)>,
    requested: HashSet<(PhotoId, bool)>,
    failed: HashMap<PhotoId, String>,
    frame: u64,
}

impl TextureCache {
    pub fn insert(&mut self, ctx: &egui::Context, image: DecodedImage) {
        let key = (image.photo, image.large);
        self.requested.remove(&key);
        let color = egui::ColorImage::from_rgba_unmultiplied(
            [image.width as usize, image.height as usize],
            &image.rgba,
        );
        let name = format!(
            "photo-{}-{}",
            image.photo.0,
            if image.large { "large" } else { "thumb" }
        );
        let texture = ctx.load_texture(name, color, TextureOptions::LINEAR);
        self.textures.insert(key, (texture, self.frame));
    }

    pub fn failed(&mut self, photo: PhotoId, message: String) {
        self.requested.remove(&(photo, false));
        self.requested.remove(&(photo, true));
        self.failed.insert(photo, message);
    }

    fn get(&mut self, photo: PhotoId, large: bool) -> Option<TextureHandle> {
        let frame = self.frame;
        self.textures
            .get_mut(&(photo, large))
            .map(|(texture, used)| {
                *used = frame;
                texture.clone()
            })
    }

    /// How many textures are resident (for tests and the status of big trips).
    pub fn resident(&self) -> usize {
        self.textures.len()
    }

    pub fn end_frame(&mut self) {
        self.frame += 1;
        let frame = self.frame;
        self.textures.retain(|(_, large), (_, used)| {
            let limit = if *large { 10 } else { EVICT_AFTER_FRAMES };
            frame.saturating_sub(*used) <= limit
        });
        if self.textures.len() > MAX_TEXTURES {
            let mut by_age: Vec<((PhotoId, bool), u64)> = self
                .textures
                .iter()
                .map(|(k, (_, used))| (*k, *used))
                .collect();
            by_age.sort_by_key(|(_, used)| *used);
            for (key, _) in by_age.iter().take(self.textures.len() - MAX_TEXTURES) {
                self.textures.remove(key);
            }
        }
    }
}

/// The texture cache with the pool that fills it, lent to a panel for one frame.
pub struct Thumbnails<'a> {
    pub cache: &'a mut TextureCache,
    pub pool: Option<&'a ThumbnailPool>,
}

impl Thumbnails<'_> {
    /// The thumbnail texture of a photo, asking the pool to decode it when missing.
    pub fn thumbnail(&mut self, photo: PhotoId) -> Option<TextureHandle> {
        self.texture(photo, false)
    }

    /// A thumbnail or large preview, asked of the pool when missing.
    pub fn texture(&mut self, photo: PhotoId, large: bool) -> Option<TextureHandle> {
        if let Some(texture) = self.cache.get(photo, large) {
            return Some(texture);
        }
        if !self.cache.failed.contains_key(&photo)
            && self.cache.requested.insert((photo, large))
            && let Some(pool) = self.pool
        {
            pool.request(photo, large);
        }
        None
    }
}

impl TripJournalApp {
    /// The thumbnail texture of a photo, asking the pool to decode it when missing.
    pub(super) fn thumbnail_texture(&mut self, photo: PhotoId) -> Option<TextureHandle> {
        self.texture(photo, false)
    }

    fn texture(&mut self, photo: PhotoId, large: bool) -> Option<TextureHandle> {
        Thumbnails {
            cache: &mut self.textures,
            pool: self.thumbnails.as_ref(),
        }
        .texture(photo, large)
    }

    /// How many photo textures are resident.
    pub fn resident_textures(&self) -> usize {
        self.textures.resident()
    }

    /// Whether a thumbnail is on screen as a texture (for tests).
    pub fn has_thumbnail(&self, photo: PhotoId) -> bool {
        self.textures.textures.contains_key(&(photo, false))
    }

    /// The photos of an entry (or the unassigned ones) as draggable thumbnails with a menu.
    pub(super) fn photo_strip(&mut self, ui: &mut Ui, entry: Option<EntryId>) {
        let Some(open) = &self.current else { return };
        let photos: Vec<Photo> = open
            .photos
            .iter()
            .filter(|p| p.entry == entry)
            .cloned()
            .collect();
        if photos.is_empty() {
            ui.weak(match entry {
                Some(_) => {
                    "No photos yet: drop files on the window, paste an image, or use Add photos."
                }
                None => "No unassigned photos.",
            });
            return;
        }
        let entries: Vec<(EntryId, String)> = open
            .entries
            .iter()
            .map(|e| {
                (
                    e.id,
                    if e.fields.title.is_empty() {
                        format!("#{}", e.id)
                    } else {
                        e.fields.title.clone()
                    },
                )
            })
            .collect();
        let trip = open.trip.id;
        ui.horizontal_wrapped(|ui| {
            for (index, photo) in photos.iter().enumerate() {
                let (rect, response) =
                    ui.allocate_exact_size(Vec2::splat(THUMB_BOX), Sense::click_and_drag());
                // Dragging carries the photo to an entry row in the timeline.
                response.dnd_set_drag_payload(photo.id);
                if ui.is_rect_visible(rect) {
                    match self.thumbnail_texture(photo.id) {
                        Some(texture) => {
                            let size = fit(texture.size_vec2(), THUMB_BOX);
                            let image_rect = egui::Rect::from_center_size(rect.center(), size);
                            egui::Image::new((texture.id(), size)).paint_at(ui, image_rect);
                        }
                        None => {
                            ui.painter()
                                .rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
                        }
                    }
                }
                let caption = if photo.caption.is_empty() {
                    &photo.metadata.original_name
                } else {
                    &photo.caption
                };
                let response = response.on_hover_text(format!(
                    "Photo: {caption}\nClick to view, drag onto an entry to move"
                ));
                if response.clicked() {
                    self.viewer = Some(photo.id);
                }
                response.context_menu(|ui| {
                    if ui.button("View…").clicked() {
                        self.viewer = Some(photo.id);
                        ui.close();
                    }
                    ui.menu_button("Move to", |ui| {
                        if entry.is_some() && ui.button("Unassigned photos").clicked() {
                            self.move_photo(photo.id, None);
                            ui.close();
                        }
                        for (entry_id, title) in &entries {
                            if Some(*entry_id) != entry && ui.button(title).clicked() {
                                self.move_photo(photo.id, Some(*entry_id));
                                ui.close();
                            }
                        }
                    });
                    if index > 0 && ui.button("Move left").clicked() {
                        let mut order: Vec<PhotoId> = photos.iter().map(|p| p.id).collect();
                        order.swap(index, index - 1);
                        self.send(Command::ReorderPhotos(trip, order));
                        ui.close();
                    }
                    if index + 1 < photos.len() && ui.button("Move right").clicked() {
                        let mut order: Vec<PhotoId> = photos.iter().map(|p| p.id).collect();
                        order.swap(index, index + 1);
                        self.send(Command::ReorderPhotos(trip, order));
                        ui.close();
                    }
                    if ui.button("Set as trip cover").clicked() {
                        self.send(Command::SetCover(trip, Some(photo.id)));
                        ui.close();
                    }
                    if ui.button("Delete photo").clicked() {
                        self.send(Command::DeletePhoto(photo.id));
                        if self.viewer == Some(photo.id) {
                            self.viewer = None;
                        }
                        ui.close();
                    }
                });
            }
        });
    }

    /// The trip's photos that belong to no entry; drag them onto an entry in the timeline.
    pub(super) fn unassigned_tray(&mut self, ui: &mut Ui) {
        let count = self
            .current
            .as_ref()
            .map_or(0, |o| o.photos.iter().filter(|p| p.entry.is_none()).count());
        if count == 0 {
            return;
        }
        egui::CollapsingHeader::new(format!("Unassigned photos ({count})"))
            .id_salt("unassigned-tray")
            .default_open(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("tray-scroll")
                    .max_height(THUMB_BOX * 2.3)
                    .show(ui, |ui| self.photo_strip(ui, None));
            });
        ui.separator();
    }

    /// Unassigned photos taken during an entry (or nearest it that day), offered for it.
    pub(super) fn suggestions_for(&mut self, ui: &mut Ui, entry: EntryId) {
        let Some(open) = &self.current else { return };
        let zone = open.trip.fields.time_zone;
        // Matching every unassigned photo against every entry is too much for each frame of a
        // big trip; it is redone only when the photos or the entries' times change.
        let inputs = suggestion_inputs(&open.photos, &open.entries, zone);
        if self
            .suggestions
            .as_ref()
            .is_none_or(|(key, _)| *key != inputs)
        {
            let by_entry = suggestions_by_entry(&open.photos, &open.entries, zone);
            self.suggestions = Some((inputs, by_entry));
        }
        let suggested: Vec<PhotoId> = self
            .suggestions
            .as_ref()
            .and_then(|(_, by_entry)| by_entry.get(&entry).cloned())
            .unwrap_or_default();
        if suggested.is_empty() {
            return;
        }
        ui.horizontal(|ui| {
            ui.label(format!(
                "💡 {} unassigned photo(s) were taken around this entry.",
                suggested.len()
            ));
            if ui.button("Add them").clicked() {
                for photo in &suggested {
                    self.move_photo(*photo, Some(entry));
                }
            }
        });
    }

    /// The large viewer of one photo, with its caption and actions.
    pub(super) fn photo_viewer_window(&mut self, ctx: &egui::Context) {
        let Some(photo_id) = self.viewer else { return };
        let Some(photo) = self
            .current
            .as_ref()
            .and_then(|o| o.photos.iter().find(|p| p.id == photo_id))
            .cloned()
        else {
            self.viewer = None;
            return;
        };
        let trip = photo.trip;
        let mut open = true;
        let mut close_clicked = false;
        let large = self
            .texture(photo_id, true)
            .or_else(|| self.textures.get(photo_id, false));
        egui::Window::new("Photo")
            .id(Id::unique("photo-viewer"))
            .open(&mut open)
            .default_size([820.0, 680.0])
            .show(ctx, |ui| {
                let available = ui.available_size() - Vec2::new(0.0, 90.0);
                match &large {
                    Some(texture) => {
                        let size = fit(
                            texture.size_vec2(),
                            available.x.min(available.y * 1.5).max(100.0),
                        );
                        let size = if size.y > available.y.max(100.0) {
                            size * (available.y.max(100.0) / size.y)
                        } else {
                            size
                        };
                        ui.vertical_centered(|ui| ui.add(egui::Image::new((texture.id(), size))));
                    }
                    None => {
                        ui.add_sized(
                            [available.x.max(100.0), available.y.max(100.0)],
                            egui::Spinner::new(),
                        );
                    }
                }
                let (editing_id, mut text, original) = match self.caption_edit.take() {
                    Some(edit) if edit.0 == photo_id => edit,
                    _ => (photo_id, photo.caption.clone(), photo.caption.clone()),
                };
                ui.horizontal(|ui| {
                    let label = ui.label("Caption");
                    let response = ui
                        .add(
                            egui::TextEdit::singleline(&mut text)
                                .desired_width(ui.available_width() - 10.0),
                        )
                        .labelled_by(label.id);
                    if response.lost_focus() || (response.changed() && !response.has_focus()) {
                        self.set_caption(photo_id, text.clone());
                    }
                });
                self.caption_edit = Some((editing_id, text, original));
                let meta = &photo.metadata;
                let mut details = vec![
                    format!("{}×{}", meta.width, meta.height),
                    meta.original_name.clone(),
                ];
                if let Some(taken) = meta.taken_at {
                    details.push(format!("taken {}", taken.to_iso()));
                }
                if let Some(camera) = &meta.camera_model {
                    details.push(camera.clone());
                }
                if meta.gps.is_some() {
                    details.push("has GPS (not exported unless asked)".into());
                }
                ui.weak(details.join(" · "));
                ui.horizontal(|ui| {
                    if ui.button("Set as trip cover").clicked() {
                        self.send(Command::SetCover(trip, Some(photo_id)));
                    }
                    if ui.button("Delete photo").clicked() {
                        self.send(Command::DeletePhoto(photo_id));
                        self.viewer = None;
                    }
                    if ui.button("Close viewer").clicked() {
                        close_clicked = true;
                    }
                });
            });
        if !open || close_clicked {
            if let Some((id, text, _)) = self.caption_edit.take() {
                self.set_caption(id, text);
            }
            self.viewer = None;
        }
    }
}

/// Scales a size to fit a square of `edge`, keeping its aspect ratio.
fn fit(size: Vec2, edge: f32) -> Vec2 {
    let scale = (edge / size.x.max(size.y)).min(1.0_f32.max(edge / size.x.max(size.y)));
    size * scale
}
