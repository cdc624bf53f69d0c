//! Fonts: egui's defaults plus a shipped Simplified Chinese subset, so CJK text renders on
//! any machine; system fonts (when eframe finds them) cover the rest.

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};

/// Noto Sans CJK SC reduced to GB2312 and common punctuation (see assets/fonts/README.md).
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset.otf");

/// Adds the Chinese font after egui's own fonts, for both proportional and monospace text.
pub fn install(ctx: &egui::Context) {
    ctx.add_font(FontInsert::new(
        "noto-sans-sc-subset",
        egui::FontData::from_static(CJK_FONT),
        vec![
            InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: egui::FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
}
