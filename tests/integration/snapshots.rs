use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions};
use tripjournal::ui::TripJournalApp;

/// Pixels may differ a little between machines' software renderers.
pub(crate) fn options() -> SnapshotOptions {
    SnapshotOptions::new()
        .threshold(2.0)
        .max_failed_pixels(2000)
}

fn step_until(
    harness: &mut Harness<'static, TripJournalApp>,
    what: &str,
    done: impl Fn(&TripJournalApp) -> bool,
) {
    let deadline = Instant::now() + crate::util::PATIENCE;
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    for _ in 0..3 {
        harness.step();
    }
}

/// The unassigned tray's photos have their thumbnail textures (the only photos on screen at
/// 800×600, where the trips list steps aside and the entry's photos are below the editor's
/// fold).
fn tray_thumbnails_loaded(app: &TripJournalApp) -> bool {
    app.current_trip().is_some_and(|open| {
        open.photos
            .iter()
            .filter(|photo| photo.entry.is_none())
            .all(|photo| app.has_thumbnail(photo.id))
    })
}

/// Every photo on screen has its thumbnail texture: the unassigned tray, the trip's cover
/// and the selected entry's photos.
fn thumbnails_loaded(app: &TripJournalApp) -> bool {
    app.current_trip().is_some_and(|open| {
        open.photos
            .iter()
            .filter(|photo| {
                photo.entry.is_none()
                    || photo.entry == app.selected_entry()
                    || open.trip.fields.cover_photo == Some(photo.id)
            })
            .all(|photo| app.has_thumbnail(photo.id))
    })
}

#[test]
fn main_window_editor_and_export_dialog_look_right() {
    main_views_in(Theme::Dark);
}

#[test]
fn main_window_editor_and_export_dialog_look_right_in_the_light_theme() {
    main_views_in(Theme::Light);
}

/// Which of the window's two themes a snapshot shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Theme {
    Dark,
    Light,
}

impl Theme {
    /// The snapshot's name in this theme: the dark ones keep their first names.
    pub(crate) fn name(self, view: &str) -> String {
        match self {
            Theme::Dark => view.to_string(),
            Theme::Light => format!("{view}_light"),
        }
    }

    /// Switches the window to this theme with its toolbar button, as a person does (the
    /// window starts dark).
    pub(crate) fn choose(self, harness: &mut Harness<'static, TripJournalApp>) {
        if self == Theme::Light {
            harness.get_by_label("☀ Light").click();
            for _ in 0..3 {
                harness.step();
            }
            assert_eq!(harness.ctx.theme(), egui::Theme::Light, "still dark");
        }
    }
}

/// The main window, the entry editor and the export dialog on the demo trip, in `theme`.
fn main_views_in(theme: Theme) {
    let (_dir, mut harness) = welcome_window(egui::vec2(1280.0, 800.0));
    harness.get_by_label("Open the demo trip").click();
    step_until(&mut harness, "the demo with thumbnails", |app| {
        app.current_trip().is_some_and(|o| !o.photos.is_empty()) && thumbnails_loaded(app)
    });
    theme.choose(&mut harness);
    harness.state_mut().clear_notices();
    harness.step();
    harness.snapshot(theme.name("main_window"));

    harness.get_by_label("柏林肘子 No.1").click();
    step_until(&mut harness, "the editor with its photo", |app| {
        app.selected_entry().is_some() && thumbnails_loaded(app)
    });
    harness.snapshot(theme.name("entry_editor"));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    for _ in 0..3 {
        harness.step();
    }
    harness.get_by_label("Destination folder").click();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Destination folder")
        .type_text("/tmp/blog");
    // Esc a frame later, as a person presses it: it leaves the field (a second Esc would close
    // the dialog).
    harness.step();
    harness.key_press(Key::Escape);
    let deadline = std::time::Instant::now() + crate::util::PATIENCE;
    while harness.state().export_preview().is_none() {
        assert!(std::time::Instant::now() < deadline, "no preview");
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    for _ in 0..3 {
        harness.step();
    }
    // Centred on the window, and most of its height for the preview.
    let dialog = harness
        .ctx
        .memory(|memory| memory.area_rect(egui::Id::unique("Export as a blog post")))
        .expect("the export dialog's area");
    let window = harness.ctx.content_rect();
    assert!(
        (dialog.center() - window.center()).length() < 40.0
            && dialog.height() > 0.85 * window.height(),
        "the dialog {dialog:?} in the window {window:?}"
    );
    let preview_top = harness.get_by_label("Rendered").rect().bottom();
    assert!(
        dialog.bottom() - preview_top > 350.0,
        "the preview gets {} px",
        dialog.bottom() - preview_top
    );
    harness.snapshot(theme.name("export_dialog"));
}

/// Toolbar buttons and the panels' widgets of the window at `size`, with an entry open: no two
/// toolbar buttons overlap, each lies inside the window, and the timeline keeps a usable width.
/// `thumbnails_shown` says when the photos this size shows have their thumbnails.
fn window_at(size: egui::Vec2, name: &str, thumbnails_shown: fn(&TripJournalApp) -> bool) {
    let (_dir, mut harness) = welcome_window(size);
    harness.get_by_label("Open the demo trip").click();
    step_until(&mut harness, "the demo", |app| {
        app.current_trip().is_some_and(|o| !o.photos.is_empty())
    });
    harness
        .get_by_label("Keynotes: Open Infrastructure")
        .click();
    // Thumbnails on screen arrive from the decoding threads.
    step_until(&mut harness, "the editor with the thumbnails", |app| {
        app.selected_entry().is_some() && thumbnails_shown(app)
    });
    harness.state_mut().clear_notices();
    harness.step();
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
    let toolbar = [
        "🎤 Session",
        "🍴 Meal",
        "⭐ Food rating",
        "📝 Note",
        "📷 Add photos…",
        "Export…",
        "Undo",
        "Redo",
        "☀ Light",
        "Help",
    ];
    let rects: Vec<(&str, egui::Rect)> = toolbar
        .iter()
        .map(|label| {
            let button = harness.get_by_role_and_label(egui::accesskit::Role::Button, label);
            (*label, button.rect())
        })
        .collect();
    for (i, (a, rect_a)) in rects.iter().enumerate() {
        assert!(
            window.contains_rect(*rect_a),
            "{name}: “{a}” {rect_a:?} is outside the window"
        );
        for (b, rect_b) in &rects[i + 1..] {
            assert!(
                !rect_a.intersects(*rect_b),
                "{name}: “{a}” {rect_a:?} overlaps “{b}” {rect_b:?}"
            );
        }
    }
    // The timeline's search field keeps room to type into beside the open editor.
    let search = harness.get_by_label("🔍").rect();
    let title = harness.get_by_label("Title").rect();
    assert!(
        search.right() < title.left(),
        "{name}: the timeline {search:?} runs under the editor {title:?}"
    );
    harness.snapshot(name);

    // Scrolled to the editor's last fields, its Close button stays in reach.
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Add photos…")
        .scroll_to_me();
    for _ in 0..4 {
        harness.step();
    }
    let close = harness.get_by_label("Close").rect();
    let scrolled_title = harness.get_by_label("Title").rect();
    // At 600 px the editor's fields run past the window: the scroll must have moved them.
    assert!(
        size.y > 700.0 || scrolled_title.top() < title.top() - 50.0,
        "{name}: the editor did not scroll (title {title:?} → {scrolled_title:?})"
    );
    assert!(
        window.contains_rect(close),
        "{name}: scrolled down, Close {close:?} left the window"
    );
}

#[test]
fn the_window_fits_at_800_by_600() {
    window_at(
        egui::vec2(800.0, 600.0),
        "window_800x600",
        tray_thumbnails_loaded,
    );
}

#[test]
fn the_window_fits_at_1400_by_900() {
    window_at(
        egui::vec2(1400.0, 900.0),
        "window_1400x900",
        thumbnails_loaded,
    );
}

/// The window at `size` on a new journal in a temporary folder, once its welcome view shows.
fn welcome_window(size: egui::Vec2) -> (tempfile::TempDir, Harness<'static, TripJournalApp>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    let mut harness = Harness::builder()
        .with_size(size)
        .with_options(options())
        .allow_missing_glyphs()
        .build_eframe(move |cc| TripJournalApp::new(cc, journal));
    step_until(&mut harness, "the welcome view", |app| {
        app.trips_loaded() && app.current_trip().is_none()
    });
    (dir, harness)
}

/// The window switched to `language` through its 🌐 menu, as a person does, on the welcome
/// view; returns the harness for more.
fn welcome_in(
    language: &str,
    size: egui::Vec2,
) -> (tempfile::TempDir, Harness<'static, TripJournalApp>) {
    let (dir, mut harness) = welcome_window(size);
    harness.get_by_label("🌐 English").click();
    step_until(&mut harness, "the language menu", |_| true);
    harness.get_by_label(language).click();
    step_until(&mut harness, "the new words", |_| true);
    (dir, harness)
}

#[test]
fn the_window_switches_language_without_a_restart() {
    let (_dir, mut harness) = welcome_in("中文（简体）", egui::vec2(1280.0, 800.0));
    for label in [
        "🎤 讲座",
        "📷 添加照片…",
        "导出…",
        "欢迎使用 tripjournal",
        "打开示例旅程",
    ] {
        assert!(harness.query_by_label(label).is_some(), "no “{label}”");
    }
    assert!(harness.query_by_label("🎤 Session").is_none());
    harness.snapshot("welcome_zh");

    // The demo trip in Chinese: views, day headings from the post's tables, the editor.
    harness.get_by_label("打开示例旅程").click();
    step_until(&mut harness, "the demo with thumbnails", |app| {
        app.current_trip().is_some_and(|o| !o.photos.is_empty()) && thumbnails_loaded(app)
    });
    harness.state_mut().clear_notices();
    harness.step();
    for label in ["按天", "美食榜", "日程", "未归类照片（2）"] {
        assert!(harness.query_by_label(label).is_some(), "no “{label}”");
    }
    assert!(
        harness
            .query_by_label_contains("第2天 · 2018年11月13日 星期二")
            .is_some(),
        "no Chinese day heading"
    );
    harness.get_by_label("柏林肘子 No.1").click();
    step_until(&mut harness, "the editor", |app| {
        app.selected_entry().is_some()
    });
    for label in ["标题", "餐厅", "总评", "关闭"] {
        assert!(harness.query_by_label(label).is_some(), "no “{label}”");
    }
    harness.snapshot("main_window_zh");
}

#[test]
fn german_words_fit_the_toolbar_at_800_by_600() {
    let (_dir, mut harness) = welcome_in("Deutsch", egui::vec2(800.0, 600.0));
    for label in [
        "🎤 Vortrag",
        "Willkommen bei tripjournal",
        "Die Beispielreise öffnen",
    ] {
        assert!(harness.query_by_label(label).is_some(), "no “{label}”");
    }
    harness.snapshot("welcome_de_800");
}
