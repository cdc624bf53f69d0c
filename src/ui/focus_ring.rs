//! A visible ring around the widget that has the keyboard, once the keyboard moved it (Tab,
//! Shift+Tab, arrows): egui's own focused look is the pressed look, which is hard to tell from
//! the rest. A click hides the ring again, as desktop toolkits do.

use egui::{Context, Rect, Stroke, StrokeKind};

use super::commands::{Cmd, was_pressed};

/// Whether the ring shows, and where it was drawn last.
#[derive(Default)]
pub struct FocusRing {
    moved_by_keys: bool,
    drawn: Option<Rect>,
}

impl FocusRing {
    /// Looks at this frame's input: a Tab shows the ring, a pointer press hides it. Call before
    /// the widgets take their keys.
    pub fn watch_input(&mut self, ctx: &Context) {
        ctx.input(|input| {
            if was_pressed(input, Cmd::NextField) {
                self.moved_by_keys = true;
            }
            if input.pointer.any_pressed() {
                self.moved_by_keys = false;
            }
        });
    }

    /// Draws the ring around the focused widget, above it in its own layer. Call after every
    /// widget was drawn.
    pub fn draw(&mut self, ctx: &Context) {
        self.drawn = None;
        if !self.moved_by_keys {
            return;
        }
        let Some(focused) = ctx.memory(|memory| memory.focused()) else {
            return;
        };
        let Some(response) = ctx.read_response(focused) else {
            return;
        };
        let rect = response.rect.expand(2.0);
        let color = ctx.global_style().visuals.selection.stroke.color;
        ctx.layer_painter(response.layer_id).rect_stroke(
            rect,
            4.0,
            Stroke::new(2.0, color),
            StrokeKind::Outside,
        );
        self.drawn = Some(rect);
    }

    /// Where the ring was drawn in the last frame, if it was.
    pub fn drawn(&self) -> Option<Rect> {
        self.drawn
    }
}
