//! A star-rating widget with half stars: click (left half of a star = half), drag, or focus it
//! and use ←/→ (half a star), Home/End, and Delete to clear.

use egui::{Color32, Key, Pos2, Response, Sense, Shape, Stroke, Ui, Vec2, WidgetInfo};

use crate::model::Rating;

const STAR_SIZE: f32 = 20.0;

/// Shows the widget for an optional rating and returns its response (`changed()` on edits).
pub fn star_rating(ui: &mut Ui, label: &str, rating: &mut Option<Rating>) -> Response {
    let size = Vec2::new(STAR_SIZE * 5.0 + 8.0, STAR_SIZE);
    let (rect, mut response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    let half_stars = rating.map_or(0, Rating::half_stars);
    let mut new_half_stars = half_stars;

    if let Some(pointer) = response.interact_pointer_pos()
        && (response.clicked() || response.dragged())
    {
        let x = (pointer.x - rect.left()).clamp(0.0, STAR_SIZE * 5.0);
        new_half_stars = ((x / (STAR_SIZE / 2.0)).ceil() as u8).clamp(1, 10);
        response.request_focus();
    }
    if response.has_focus() {
        ui.input(|input| {
            if input.key_pressed(Key::ArrowRight) || input.key_pressed(Key::ArrowUp) {
                new_half_stars = (new_half_stars + 1).min(10);
            }
            if input.key_pressed(Key::ArrowLeft) || input.key_pressed(Key::ArrowDown) {
                new_half_stars = new_half_stars.saturating_sub(1).max(1);
            }
            if input.key_pressed(Key::Home) {
                new_half_stars = 1;
            }
            if input.key_pressed(Key::End) {
                new_half_stars = 10;
            }
            if input.key_pressed(Key::Delete) || input.key_pressed(Key::Backspace) {
                new_half_stars = 0;
            }
        });
    }
    if new_half_stars != half_stars {
        *rating = Rating::from_half_stars(new_half_stars).ok();
        response.mark_changed();
    }
    let shown = rating.map_or(0, Rating::half_stars);
    let value_text = rating.map_or("no rating".to_string(), |r| format!("{r} of 5 stars"));
    response.widget_info(|| {
        let mut info =
            WidgetInfo::labeled(egui::Role::Slider, true, format!("{label}: {value_text}"));
        info.value = Some(f64::from(shown) / 2.0);
        info
    });

    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let filled = Color32::from_rgb(245, 180, 30);
        let empty = ui.visuals().weak_text_color();
        for star in 0..5u8 {
            let center = Pos2::new(
                rect.left() + STAR_SIZE * (f32::from(star) + 0.5),
                rect.center().y,
            );
            let points = star_points(center, STAR_SIZE * 0.48);
            let fill = match shown.saturating_sub(star * 2) {
                0 => None,
                1 => Some(0.5),
                _ => Some(1.0),
            };
            painter.add(Shape::closed_line(points.clone(), Stroke::new(1.0, empty)));
            if let Some(fraction) = fill {
                let clip = egui::Rect::from_min_max(
                    Pos2::new(center.x - STAR_SIZE / 2.0, rect.top()),
                    Pos2::new(
                        center.x - STAR_SIZE / 2.0 + STAR_SIZE * fraction,
                        rect.bottom(),
                    ),
                );
                let clipped = ui.painter().with_clip_rect(clip);
                for i in 0..points.len() {
                    let next = points[(i + 1) % points.len()];
                    clipped.add(Shape::convex_polygon(
                        vec![center, points[i], next],
                        filled,
                        Stroke::NONE,
                    ));
                }
            }
        }
        if response.has_focus() {
            painter.rect_stroke(
                rect.expand(2.0),
                3.0,
                ui.visuals().selection.stroke,
                egui::StrokeKind::Outside,
            );
        }
    }
    response.on_hover_text(format!(
        "{label}: {value_text}. Click or use ←/→; Delete clears."
    ))
}

/// The ten points of a five-pointed star.
fn star_points(center: Pos2, radius: f32) -> Vec<Pos2> {
    (0..10)
        .map(|i| {
            let angle =
                std::f32::consts::PI * (f32::from(i as u8) / 5.0) - std::f32::consts::FRAC_PI_2;
            let r = if i % 2 == 0 { radius } else { radius * 0.45 };
            Pos2::new(center.x + r * angle.cos(), center.y + r * angle.sin())
        })
        .collect()
}

/// "★★★★½" for display in lists.
pub fn stars_text(rating: Option<Rating>) -> String {
    rating.map_or(String::new(), |r| {
        crate::export::text::stars_text(r.half_stars())
    })
}
