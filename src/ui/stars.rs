//! A star-rating widget with half stars: click (left half of a star = half), drag, or focus it
//! and use ←/→ or ↑/↓ (half a star), Home/End, type the value ("4", "4.5"), and Delete to
//! clear. The arrow keys stay with the widget while it has the focus; Tab leaves it.

use egui::{Pos2, Response, Sense, Shape, Stroke, Ui, Vec2, WidgetInfo};

use super::commands::{Cmd, take_presses_in_order};

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
        // Arrows change the rating instead of moving the focus to the next widget.
        ui.memory_mut(|memory| {
            memory.set_focus_lock_filter(
                response.id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    tab: false,
                    escape: false,
                },
            )
        });
        if let Some(typed) = typed_rating(ui, response.id) {
            new_half_stars = typed;
        }
        let presses = ui.input_mut(|input| {
            take_presses_in_order(
                input,
                &[
                    Cmd::StarsMore,
                    Cmd::StarsLess,
                    Cmd::StarsLowest,
                    Cmd::StarsHighest,
                    Cmd::StarsClear,
                ],
            )
        });
        for cmd in presses {
            new_half_stars = match cmd {
                Cmd::StarsMore => (new_half_stars + 1).min(10),
                Cmd::StarsLess => new_half_stars.saturating_sub(1).max(1),
                Cmd::StarsLowest => 1,
                Cmd::StarsHighest => 10,
                _ => 0,
            };
        }
    }
    if new_half_stars != half_stars {
        *rating = Rating::from_half_stars(new_half_stars).ok();
        response.mark_changed();
    }
    let shown = rating.map_or(0, Rating::half_stars);
    let value_text = rating.map_or(t!(ui.ctx(), "stars-none"), |r| {
        t!(ui.ctx(), "stars-value", rating = r.to_string())
    });
    response.widget_info(|| {
        let mut info =
            WidgetInfo::labeled(egui::Role::Slider, true, format!("{label}: {value_text}"));
        info.value = Some(f64::from(shown) / 2.0);
        info
    });

    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let filled = super::theme::rating_color(ui.visuals());
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
    let tooltip = t!(ui.ctx(), "stars-help", label = label, value = value_text);
    response.on_hover_text(tooltip)
}

/// The rating typed as digits while the widget has the focus ("4", then "4." and "4.5"), in
/// half stars. What was typed so far is kept in the widget's memory until it loses the focus.
fn typed_rating(ui: &Ui, id: egui::Id) -> Option<u8> {
    let typed: String = ui.input(|input| {
        input
            .events
            .iter()
            .filter_map(|event| match event {
                egui::Event::Text(text) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    });
    if typed.is_empty() {
        return None;
    }
    let key = id.with("typed");
    let mut so_far: String = ui.data_mut(|d| d.get_temp(key)).unwrap_or_default();
    let mut result = None;
    for character in typed.chars() {
        let character = if character == ',' { '.' } else { character };
        so_far.push(character);
        if rating_text_half_stars(&so_far).is_none() {
            so_far = character.to_string();
        }
        if let Some(half_stars) = rating_text_half_stars(&so_far) {
            result = Some(half_stars);
        } else {
            so_far.clear();
        }
    }
    ui.data_mut(|d| d.insert_temp(key, so_far));
    result
}

/// Half stars of a typed rating: "0"–"5" with an optional decimal ("4.", "4.5", "3.7" rounds
/// to the nearest half); anything else is `None`.
pub fn rating_text_half_stars(text: &str) -> Option<u8> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let whole_ok = whole.len() == 1 && whole.chars().all(|c| c.is_ascii_digit());
    let fraction_ok = fraction.len() <= 1 && fraction.chars().all(|c| c.is_ascii_digit());
    if !whole_ok || !fraction_ok {
        return None;
    }
    let value: f32 = format!("{whole}.{fraction}0").parse().ok()?;
    (value <= 5.0).then(|| (value * 2.0).round() as u8)
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
