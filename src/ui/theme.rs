//! The window's light and dark themes: egui's own, with weak text made an opaque grey and the
//! rating gold chosen per theme, so that every text the window draws reads at 4.5:1 or better
//! (WCAG AA) on every background it draws text on, and the rating stars at 3:1 (a graphic).
//! The colours of ratings live here once; the timeline, food board, schedule and editor use
//! them.

use egui::{Color32, Theme, Visuals};

/// The visuals of a theme.
pub fn visuals(theme: Theme) -> Visuals {
    let mut visuals = match theme {
        Theme::Dark => Visuals::dark(),
        Theme::Light => Visuals::light(),
    };
    // egui's weak text is the text colour at 60% alpha: too faint on the card tiles.
    visuals.weak_text_color = Some(match theme {
        Theme::Dark => Color32::from_gray(158),
        Theme::Light => Color32::from_gray(92),
    });
    // egui's bright link, warning and error colours are too light on the light panels.
    match theme {
        Theme::Dark => visuals.error_fg_color = Color32::from_rgb(255, 110, 100),
        Theme::Light => {
            visuals.hyperlink_color = Color32::from_rgb(0, 90, 190);
            visuals.warn_fg_color = Color32::from_rgb(170, 75, 0);
            visuals.error_fg_color = Color32::from_rgb(200, 0, 0);
        }
    }
    visuals
}

/// Installs both themes' visuals in the context (the window switches between them).
pub fn install(ctx: &egui::Context) {
    for theme in [Theme::Dark, Theme::Light] {
        ctx.set_visuals_of(theme, visuals(theme));
    }
}

/// The gold of rating stars, readable on the theme's backgrounds.
pub fn rating_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(240, 185, 45)
    } else {
        Color32::from_rgb(170, 110, 0)
    }
}

/// WCAG relative luminance of an opaque sRGB colour.
#[cfg(test)]
fn luminance(color: Color32) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
}

/// The contrast of `text` drawn over `background` (a translucent colour blended first).
#[cfg(test)]
pub(super) fn contrast(text: Color32, background: Color32) -> f32 {
    let shown = background.blend(text);
    let (a, b) = (luminance(shown), luminance(background));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The backgrounds the window draws labels on: panels, dialogs, card tiles (a tint over the
    /// panel) and fields.
    fn text_backgrounds(visuals: &Visuals) -> [Color32; 4] {
        [
            visuals.panel_fill,
            visuals.window_fill,
            visuals.panel_fill.blend(visuals.faint_bg_color),
            visuals.extreme_bg_color,
        ]
    }

    /// The pairs of text and background the window draws, by name.
    fn pairs(visuals: &Visuals) -> Vec<(String, Color32, Color32)> {
        let texts = [
            ("text", visuals.text_color()),
            ("weak", visuals.weak_text_color()),
            ("strong", visuals.strong_text_color()),
            ("link", visuals.hyperlink_color),
            ("warning", visuals.warn_fg_color),
            ("error", visuals.error_fg_color),
        ];
        let mut pairs = Vec::new();
        for background in text_backgrounds(visuals) {
            for (name, text) in texts {
                pairs.push((name.to_owned(), text, background));
            }
        }
        let widgets = &visuals.widgets;
        for (name, state) in [
            ("button", &widgets.inactive),
            ("hovered button", &widgets.hovered),
            ("pressed button", &widgets.active),
        ] {
            let fill = visuals.panel_fill.blend(state.weak_bg_fill);
            pairs.push((name.to_owned(), state.fg_stroke.color, fill));
        }
        let selected = visuals.selection.stroke.color;
        pairs.push(("selected".to_owned(), selected, visuals.selection.bg_fill));
        pairs
    }

    #[test]
    fn every_text_colour_reads_at_4_5_to_1_on_its_backgrounds_in_both_themes() {
        let mut failures = Vec::new();
        for theme in [Theme::Dark, Theme::Light] {
            let visuals = visuals(theme);
            for (name, text, background) in pairs(&visuals) {
                let ratio = contrast(text, background);
                if ratio < 4.5 {
                    failures.push(format!(
                        "{theme:?}: {name} {text:?} on {background:?} is {ratio:.2}:1"
                    ));
                }
            }
            for background in text_backgrounds(&visuals) {
                let stars = contrast(rating_color(&visuals), background);
                if stars < 3.0 {
                    failures.push(format!("{theme:?}: stars on {background:?} {stars:.2}:1"));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        // egui's own weak text fails the same check: the change is needed.
        let plain = Visuals::dark();
        let tile = plain.panel_fill.blend(plain.faint_bg_color);
        assert!(contrast(plain.weak_text_color(), tile) < 4.5);
    }
}
