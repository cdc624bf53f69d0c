//! Photos in the window: a texture cache fed by the decoding pool, the strip of an entry's
//! photos, the tray of the trip's unassigned photos with suggestions, and the large viewer
//! with its caption. Only thumbnails on screen are decoded; textures unused for a while are
//! dropped.

use std::collections::{HashMap, HashSet};

use egui::{Id, Sense, TextureHandle, TextureOptions, Ui, Vec2};

use super::commands::{Cmd, command_button, was_pressed};
use crate::app::{
    Action, Command, DecodedImage, OpenTrip, ThumbnailPool, suggestion_inputs, suggestions_by_entry,
};
use crate::model::{EntryId, Photo, PhotoId, TripId};

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

impl TextureCache {
    /// Whether a thumbnail is on screen as a texture (for tests).
    pub fn has_thumbnail(&self, photo: PhotoId) -> bool {
        self.textures.contains_key(&(photo, false))
    }
}

/// The name of each entry of the trip, for the "Move to" menu.
pub(super) fn entry_titles(open: &OpenTrip) -> Vec<(EntryId, String)> {
    open.entries
        .iter()
        .map(|e| {
            let title = if e.fields.title.is_empty() {
                format!("#{}", e.id)
            } else {
                e.fields.title.clone()
            };
            (e.id, title)
        })
        .collect()
}

/// The photos of an entry (or the unassigned ones) as draggable thumbnails with a menu.
pub fn photo_strip(
    ui: &mut Ui,
    open: &OpenTrip,
    entry: Option<EntryId>,
    thumbnails: &mut Thumbnails<'_>,
) -> Vec<Action> {
    let photos: Vec<&Photo> = open.photos.iter().filter(|p| p.entry == entry).collect();
    let mut actions = Vec::new();
    if photos.is_empty() {
        ui.weak(match entry {
            Some(_) => t!(ui.ctx(), "photo-none-yet"),
            None => t!(ui.ctx(), "photo-no-unassigned"),
        });
        return actions;
    }
    let entries = entry_titles(open);
    let order: Vec<PhotoId> = photos.iter().map(|p| p.id).collect();
    ui.horizontal_wrapped(|ui| {
        for (index, photo) in photos.iter().enumerate() {
            let response = thumbnail(ui, photo, thumbnails);
            if response.clicked() {
                actions.push(Action::ViewPhoto(photo.id));
            }
            response.context_menu(|ui| {
                let menu = PhotoMenu {
                    trip: open.trip.id,
                    entry,
                    entries: &entries,
                    order: &order,
                    index,
                };
                actions.extend(menu.show(ui, photo.id));
            });
        }
    });
    actions
}

/// Paints a photo's thumbnail filling `rect` (cropped to its shape, rounded corners), or a
/// plain tile until the thumbnail is decoded.
pub fn paint_cover(ui: &Ui, rect: egui::Rect, photo: PhotoId, thumbnails: &mut Thumbnails<'_>) {
    if !ui.is_rect_visible(rect) {
        return;
    }
    let Some(texture) = thumbnails.thumbnail(photo) else {
        ui.painter()
            .rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
        return;
    };
    let size = texture.size_vec2();
    let (photo_aspect, box_aspect) = (size.x / size.y.max(1.0), rect.aspect_ratio());
    // The middle of the photo in the box's shape.
    let uv = if photo_aspect > box_aspect {
        let width = box_aspect / photo_aspect;
        egui::Rect::from_x_y_ranges((0.5 - width / 2.0)..=(0.5 + width / 2.0), 0.0..=1.0)
    } else {
        let height = photo_aspect / box_aspect;
        egui::Rect::from_x_y_ranges(0.0..=1.0, (0.5 - height / 2.0)..=(0.5 + height / 2.0))
    };
    egui::Image::new((texture.id(), rect.size()))
        .uv(uv)
        .corner_radius(4.0)
        .paint_at(ui, rect);
}

/// One draggable thumbnail with its hover text.
fn thumbnail(ui: &mut Ui, photo: &Photo, thumbnails: &mut Thumbnails<'_>) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(THUMB_BOX), Sense::click_and_drag());
    // Dragging carries the photo to an entry row in the timeline.
    response.dnd_set_drag_payload(photo.id);
    if ui.is_rect_visible(rect) {
        match thumbnails.thumbnail(photo.id) {
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
    let tooltip = t!(ui.ctx(), "photo-tooltip", caption = caption.as_str());
    response.on_hover_text(tooltip)
}

/// The context menu of a thumbnail in a strip.
struct PhotoMenu<'a> {
    trip: TripId,
    entry: Option<EntryId>,
    entries: &'a [(EntryId, String)],
    order: &'a [PhotoId],
    index: usize,
}

impl PhotoMenu<'_> {
    fn show(&self, ui: &mut Ui, photo: PhotoId) -> Vec<Action> {
        let mut actions = Vec::new();
        if command_button(ui, Cmd::ViewPhoto, true) {
            actions.push(Action::ViewPhoto(photo));
            ui.close();
        }
        ui.menu_button(t!(ui.ctx(), "photo-move-to"), |ui| {
            if self.entry.is_some() && ui.button(t!(ui.ctx(), "photo-unassigned")).clicked() {
                actions.push(Action::MovePhoto(photo, None));
                ui.close();
            }
            for (entry_id, title) in self.entries {
                if Some(*entry_id) != self.entry && ui.button(title).clicked() {
                    actions.push(Action::MovePhoto(photo, Some(*entry_id)));
                    ui.close();
                }
            }
        });
        let index = self.index;
        let moved = |other: usize| {
            let mut order = self.order.to_vec();
            order.swap(index, other);
            Action::Send(Command::ReorderPhotos(self.trip, order))
        };
        if index > 0 && command_button(ui, Cmd::MovePhotoLeft, true) {
            actions.push(moved(index - 1));
            ui.close();
        }
        if index + 1 < self.order.len() && command_button(ui, Cmd::MovePhotoRight, true) {
            actions.push(moved(index + 1));
            ui.close();
        }
        if command_button(ui, Cmd::CameraClock, true) {
            actions.push(Action::OpenClockDialog(photo));
            ui.close();
        }
        if command_button(ui, Cmd::SetCover, true) {
            actions.push(Action::Send(Command::SetCover(self.trip, Some(photo))));
            ui.close();
        }
        if command_button(ui, Cmd::DeletePhoto, true) {
            actions.push(Action::DeletePhoto(photo));
            ui.close();
        }
        actions
    }
}

/// The trip's photos that belong to no entry; drag them onto an entry in the timeline.
pub fn unassigned_tray(
    ui: &mut Ui,
    open: &OpenTrip,
    thumbnails: &mut Thumbnails<'_>,
) -> Vec<Action> {
    let count = open.photos.iter().filter(|p| p.entry.is_none()).count();
    if count == 0 {
        return Vec::new();
    }
    let mut actions = Vec::new();
    egui::CollapsingHeader::new(t!(ui.ctx(), "photo-unassigned-count", count = count))
        .id_salt("unassigned-tray")
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("tray-scroll")
                .max_height(THUMB_BOX * 2.3)
                .show(ui, |ui| actions = photo_strip(ui, open, None, thumbnails));
        });
    ui.separator();
    actions
}

/// Unassigned photos taken during an entry (or nearest it that day), offered for it. Matching
/// every unassigned photo against every entry is too much for each frame of a big trip; it is
/// redone only when the photos or the entries' times change.
#[derive(Debug, Default)]
pub struct Suggestions {
    cache: Option<(u64, HashMap<EntryId, Vec<PhotoId>>)>,
}

impl Suggestions {
    /// Offers the photos suggested for `entry`; "Add them" asks to move them there.
    pub fn show(&mut self, ui: &mut Ui, open: &OpenTrip, entry: EntryId) -> Vec<Action> {
        let zone = open.trip.fields.time_zone;
        let inputs = suggestion_inputs(&open.photos, &open.entries, zone);
        if self.cache.as_ref().is_none_or(|(key, _)| *key != inputs) {
            let by_entry = suggestions_by_entry(&open.photos, &open.entries, zone);
            self.cache = Some((inputs, by_entry));
        }
        let suggested: Vec<PhotoId> = self
            .cache
            .as_ref()
            .and_then(|(_, by_entry)| by_entry.get(&entry).cloned())
            .unwrap_or_default();
        let mut actions = Vec::new();
        if suggested.is_empty() {
            return actions;
        }
        ui.horizontal(|ui| {
            ui.label(t!(ui.ctx(), "photo-suggested", count = suggested.len()));
            if ui.button(t!(ui.ctx(), "photo-add-them")).clicked() {
                actions.extend(
                    suggested
                        .iter()
                        .map(|photo| Action::MovePhoto(*photo, Some(entry))),
                );
            }
        });
        actions
    }
}

/// The large viewer of one photo, with its caption being edited.
#[derive(Debug)]
pub struct PhotoViewer {
    photo: PhotoId,
    /// The caption as typed, until it is stored.
    caption: Option<String>,
}

impl PhotoViewer {
    /// A viewer of `photo`.
    pub fn new(photo: PhotoId) -> Self {
        PhotoViewer {
            photo,
            caption: None,
        }
    }

    /// The photo shown.
    pub fn photo(&self) -> PhotoId {
        self.photo
    }

    /// Draws the viewer; returns what the user asked for (closing stores the caption). Unless
    /// `editable` (a read-only journal) the caption and the buttons that change the photo are
    /// off.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        open: &OpenTrip,
        editable: bool,
        thumbnails: &mut Thumbnails<'_>,
    ) -> Vec<Action> {
        let photo_id = self.photo;
        let Some(photo) = open.photos.iter().find(|p| p.id == photo_id) else {
            return vec![Action::CloseViewer];
        };
        let mut actions = Vec::new();
        let mut window_open = true;
        let mut close_clicked = false;
        let mut step_to = None;
        let large = thumbnails
            .texture(photo_id, true)
            .or_else(|| thumbnails.cache.get(photo_id, false));
        super::dialog(&t!(ctx, "photo-viewer-title"), ctx)
            .id(Id::unique("photo-viewer"))
            .collapsible(true)
            .open(&mut window_open)
            .default_size([820.0, 680.0])
            .show(ctx, |ui| {
                let available = ui.available_size() - Vec2::new(0.0, 90.0);
                large_image(ui, large.as_ref(), available);
                actions.extend(
                    ui.add_enabled_ui(editable, |ui| self.caption_row(ui, photo))
                        .inner,
                );
                ui.weak(photo_details(photo, ctx));
                ui.horizontal(|ui| {
                    if let Some(step) = previous_next_buttons(ui, open, photo) {
                        step_to = Some(step);
                    }
                    ui.separator();
                    if command_button(ui, Cmd::SetCover, editable) {
                        actions.push(Action::Send(Command::SetCover(photo.trip, Some(photo_id))));
                    }
                    if command_button(ui, Cmd::DeletePhoto, editable) {
                        actions.push(Action::DeletePhoto(photo_id));
                    }
                    if ui.button(t!(ctx, "photo-close-viewer")).clicked() {
                        close_clicked = true;
                    }
                });
            });
        // ←/→ page through the photos beside this one, unless the caption is being typed.
        if step_to.is_none() && !ctx.egui_wants_keyboard_input() {
            let (left, right) = ctx.input(|i| {
                (
                    was_pressed(i, Cmd::ViewerPrevious),
                    was_pressed(i, Cmd::ViewerNext),
                )
            });
            step_to = neighbour_photo(open, photo, left, right);
        }
        if let Some(next) = step_to {
            actions.extend(self.close());
            actions.push(Action::ViewPhoto(next));
        } else if !window_open || close_clicked {
            actions.extend(self.close());
        }
        actions
    }

    /// Closing the viewer stores the caption as typed.
    pub fn close(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some(text) = self.caption.take() {
            actions.push(Action::SetCaption(self.photo, text));
        }
        actions.push(Action::CloseViewer);
        actions
    }

    fn caption_row(&mut self, ui: &mut Ui, photo: &Photo) -> Option<Action> {
        let text = self.caption.get_or_insert_with(|| photo.caption.clone());
        let mut action = None;
        ui.horizontal(|ui| {
            let label = ui.label(t!(ui.ctx(), "photo-caption"));
            let response = ui
                .add(egui::TextEdit::singleline(text).desired_width(ui.available_width() - 10.0))
                .labelled_by(label.id);
            if response.lost_focus() || (response.changed() && !response.has_focus()) {
                action = Some(Action::SetCaption(photo.id, text.clone()));
            }
        });
        action
    }
}

/// The photos shown together with `photo` (its entry's, or the unassigned ones) in order.
fn photo_siblings(open: &OpenTrip, photo: &Photo) -> Vec<PhotoId> {
    let mut siblings: Vec<&Photo> = open
        .photos
        .iter()
        .filter(|p| p.entry == photo.entry)
        .collect();
    siblings.sort_by_key(|p| (p.position, p.id));
    siblings.into_iter().map(|p| p.id).collect()
}

/// The photo before (`back`) or after (`forward`) `photo` among its siblings.
fn neighbour_photo(open: &OpenTrip, photo: &Photo, back: bool, forward: bool) -> Option<PhotoId> {
    let siblings = photo_siblings(open, photo);
    let index = siblings.iter().position(|id| *id == photo.id)?;
    if back {
        index.checked_sub(1).map(|i| siblings[i])
    } else if forward {
        siblings.get(index + 1).copied()
    } else {
        None
    }
}

/// "◀ Previous" and "Next ▶" (also ← and →); each is off at its end.
fn previous_next_buttons(ui: &mut Ui, open: &OpenTrip, photo: &Photo) -> Option<PhotoId> {
    let previous = neighbour_photo(open, photo, true, false);
    let next = neighbour_photo(open, photo, false, true);
    let mut step = None;
    let ctx = ui.ctx().clone();
    if ui
        .add_enabled(
            previous.is_some(),
            egui::Button::new(t!(&ctx, "photo-previous")),
        )
        .on_hover_text(t!(&ctx, "photo-previous-help"))
        .clicked()
    {
        step = previous;
    }
    if ui
        .add_enabled(next.is_some(), egui::Button::new(t!(&ctx, "photo-next")))
        .on_hover_text(t!(&ctx, "photo-next-help"))
        .clicked()
    {
        step = next;
    }
    step
}

/// The photo as large as fits, or a spinner while it is decoded.
fn large_image(ui: &mut Ui, large: Option<&TextureHandle>, available: Vec2) {
    match large {
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
}

/// Size, name, time, camera and GPS of a photo, in one line.
fn photo_details(photo: &Photo, ctx: &egui::Context) -> String {
    let meta = &photo.metadata;
    let mut details = vec![
        format!("{}×{}", meta.width, meta.height),
        meta.original_name.clone(),
    ];
    if let Some(taken) = meta.taken_at {
        details.push(t!(ctx, "photo-taken", time = taken.to_iso()));
    }
    if let Some(camera) = &meta.camera_model {
        details.push(camera.clone());
    }
    if meta.gps.is_some() {
        details.push(t!(ctx, "photo-has-gps"));
    }
    details.join(" · ")
}

/// Scales a size to fit a square of `edge`, keeping its aspect ratio.
fn fit(size: Vec2, edge: f32) -> Vec2 {
    let scale = (edge / size.x.max(size.y)).min(1.0_f32.max(edge / size.x.max(size.y)));
    size * scale
}
