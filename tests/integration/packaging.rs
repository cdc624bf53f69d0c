//! The files that make tripjournal an installed desktop app agree with each other and with the
//! program: one application id in the desktop entry, the AppStream file, the icons and the
//! window; every file the Debian package lists exists; the man page names every command; the
//! icons are the sizes their folders say; the freedesktop validators accept the files. (The
//! package itself is built, installed, launched and removed by `.ci/package-check`.)

use std::path::{Path, PathBuf};
use std::process::Command;

use tripjournal::APP_ID;

use crate::util::present_or_skipped;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn desktop_file() -> String {
    read(&format!("assets/linux/{APP_ID}.desktop"))
}

/// The value of `key=` in the desktop entry.
fn desktop_value(key: &str) -> String {
    desktop_file()
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key}= in the desktop file"))
        .to_string()
}

#[test]
fn one_application_id_names_the_desktop_entry_icon_and_appstream_file() {
    assert_eq!(desktop_value("Icon"), APP_ID);
    // X11 matches the window to its entry by WM_CLASS, which eframe sets from the app id.
    assert_eq!(desktop_value("StartupWMClass"), APP_ID);
    assert_eq!(desktop_value("Exec"), "tripjournal %F");
    let types = desktop_value("MimeType");
    for wanted in [
        "text/calendar",
        "application/x-frab-schedule+xml",
        "application/x-tripjournal",
    ] {
        assert!(types.split(';').any(|t| t == wanted), "{types}");
    }
    let mime = read(&format!("assets/linux/{APP_ID}.xml"));
    assert!(mime.contains("type=\"application/x-tripjournal\""));
    assert!(mime.contains("type=\"application/x-frab-schedule+xml\""));
    // The journal's magic is the application id the store writes into every journal.
    let app_id_hex = format!("0x{:08x}", tripjournal::store::APPLICATION_ID);
    assert!(mime.contains(&app_id_hex), "{app_id_hex}");

    let metainfo = read(&format!("assets/linux/{APP_ID}.metainfo.xml"));
    assert!(metainfo.contains(&format!("<id>{APP_ID}</id>")));
    assert!(metainfo.contains(&format!(
        "<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>"
    )));
    assert!(
        metainfo.contains(&format!(
            "<release version=\"{}\"",
            env!("CARGO_PKG_VERSION")
        )),
        "the AppStream file names this version's release"
    );
}

#[test]
fn every_file_the_package_lists_exists_and_icons_have_their_sizes() {
    let manifest = read("Cargo.toml");
    let listed: Vec<&str> = manifest
        .lines()
        .filter_map(|line| line.trim().strip_prefix("[\""))
        .filter_map(|rest| rest.split('"').next())
        .filter(|source| !source.starts_with("target/"))
        .collect();
    assert!(listed.len() >= 10, "{listed:?}");
    for source in &listed {
        assert!(repo(source).is_file(), "listed but missing: {source}");
    }
    let pngs: Vec<&&str> = listed.iter().filter(|s| s.ends_with(".png")).collect();
    assert_eq!(pngs.len(), 8, "16 to 512 px");
    for source in pngs {
        let size: u32 = source
            .split('/')
            .find_map(|part| part.split_once('x').and_then(|(w, _)| w.parse().ok()))
            .expect("a size folder");
        let decoder = png::Decoder::new(std::io::BufReader::new(
            std::fs::File::open(repo(source)).expect("icon"),
        ));
        let info = decoder.read_info().expect("a PNG");
        assert_eq!(
            (info.info().width, info.info().height),
            (size, size),
            "{source}"
        );
        assert!(
            matches!(info.info().color_type, png::ColorType::Rgba),
            "{source} has transparency"
        );
    }
}

#[test]
fn the_man_page_names_every_command() {
    let help = Command::new(env!("CARGO_BIN_EXE_tripjournal"))
        .arg("--help")
        .output()
        .expect("runs");
    let help = String::from_utf8(help.stdout).expect("UTF-8");
    let commands: Vec<&str> = help
        .split("Commands:")
        .nth(1)
        .expect("a command list")
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .collect();
    assert!(commands.len() >= 8, "{commands:?}");
    let man = read("assets/linux/tripjournal.1");
    for command in commands {
        assert!(
            man.lines().any(|line| line == format!(".B {command}")),
            "the man page does not describe `{command}`"
        );
    }
}

fn tool_on_path(name: &str) -> bool {
    Command::new(name).arg("--version").output().is_ok()
}

#[test]
fn the_desktop_entry_and_appstream_file_pass_their_validators() {
    if present_or_skipped(
        tool_on_path("desktop-file-validate"),
        "desktop-file-validate (Debian desktop-file-utils)",
    ) {
        let output = Command::new("desktop-file-validate")
            .arg(repo(&format!("assets/linux/{APP_ID}.desktop")))
            .output()
            .expect("runs");
        let said = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success() && said.trim().is_empty(), "{said}");
    }
    if present_or_skipped(
        tool_on_path("appstreamcli"),
        "appstreamcli (Debian appstream)",
    ) {
        let output = Command::new("appstreamcli")
            .args(["validate", "--no-net"])
            .arg(repo(&format!("assets/linux/{APP_ID}.metainfo.xml")))
            .output()
            .expect("runs");
        let said = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{said}");
        // Errors and warnings fail; infos (a tag newer than this appstream) are listed only.
        assert!(
            !said
                .lines()
                .any(|l| l.starts_with("E:") || l.starts_with("W:")),
            "{said}"
        );
    }
}
