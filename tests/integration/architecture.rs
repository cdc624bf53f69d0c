use std::path::Path;

/// Every Rust file under `dir`, recursively.
fn rust_files(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn only_the_ui_names_egui() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "found the sources in {}", src.display());
    let ui = src.join("ui");
    for file in files {
        if file.starts_with(&ui) || file == src.join("main.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("readable");
        for word in ["egui", "eframe"] {
            assert!(
                !text.contains(word),
                "{} names {word}; only src/ui (and main.rs) may",
                file.display()
            );
        }
    }
}

#[test]
fn every_module_starts_with_a_doc_paragraph() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        assert!(
            text.starts_with("//!"),
            "{} has no //! module doc",
            file.display()
        );
    }
}

fn source_files() -> Vec<std::path::PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable")
}

#[test]
fn no_source_file_is_a_hallway() {
    let app = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/window/mod.rs");
    let app_lines = read(&app).lines().count();
    assert!(
        app_lines <= 600,
        "src/ui/window/mod.rs has {app_lines} lines (at most 600)"
    );
    for file in source_files() {
        let lines = read(&file).lines().count();
        assert!(
            lines <= 1000,
            "{} has {lines} lines (at most 1,000)",
            file.display()
        );
    }
}

#[test]
fn the_workspace_lives_outside_the_ui_with_its_own_unit_tests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = root.join("src/app/workspace");
    let mut files = Vec::new();
    rust_files(&workspace, &mut files);
    let text: String = files.iter().map(|file| read(file)).collect();
    assert!(
        text.contains("pub struct Workspace"),
        "app::Workspace is defined there"
    );
    let tests = text.matches("#[test]").count();
    assert!(
        tests >= 15,
        "the workspace has {tests} unit tests (at least 15)"
    );
}

#[test]
fn each_key_is_written_once_in_the_command_table() {
    let table = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/commands.rs");
    for file in source_files() {
        if file == table {
            continue;
        }
        let text = read(&file);
        for pattern in ["Key::", "KeyboardShortcut::new", "Modifiers::COMMAND"] {
            assert!(
                !text.contains(pattern),
                "{} names a key ({pattern}); keys belong in src/ui/commands.rs",
                file.display()
            );
        }
    }
}

/// The error type of every `Result<T, E>` written in `text` (whitespace removed).
fn result_errors(text: &str) -> Vec<String> {
    let mut errors = Vec::new();
    for (start, _) in text.match_indices("Result<") {
        let mut depth = 0;
        let mut last_comma = None;
        for (offset, c) in text[start + "Result<".len()..].char_indices() {
            match c {
                '<' | '(' => depth += 1,
                ')' => depth -= 1,
                '>' if depth == 0 => {
                    if let Some(comma) = last_comma {
                        let inner = &text[start + "Result<".len()..][comma + 1..offset];
                        errors.push(inner.split_whitespace().collect());
                    }
                    break;
                }
                '>' => depth -= 1,
                ',' if depth == 0 => last_comma = Some(offset),
                _ => {}
            }
        }
    }
    errors
}

#[test]
fn the_result_scan_finds_string_errors() {
    let errors = result_errors("fn a() -> Result<Vec<(u8, u16)>,\n String> {} Result<(), E>");
    assert_eq!(errors, ["String", "E"]);
}

#[test]
fn errors_cross_into_the_window_typed() {
    for file in source_files() {
        let text = read(&file);
        let ui = file.components().any(|part| part.as_os_str() == "ui");
        if ui {
            assert!(
                !result_errors(&text).iter().any(|error| error == "String"),
                "{} has a Result<…, String>",
                file.display()
            );
        }
        assert!(
            !text.contains("BadOption(String)"),
            "{} words an option error as a String",
            file.display()
        );
    }
}

#[test]
fn the_model_imports_nothing_above_it() {
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    let mut files = Vec::new();
    rust_files(&model, &mut files);
    for file in files {
        let text = read(&file);
        for layer in [
            "crate::schedule",
            "crate::store",
            "crate::app",
            "crate::export",
            "crate::photos",
        ] {
            assert!(
                !text.contains(layer),
                "{} imports {layer}; the model is the bottom layer",
                file.display()
            );
        }
    }
}
