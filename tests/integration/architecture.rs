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
