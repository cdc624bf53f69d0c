//! HEIC and AVIF photos through the command line: decoded by the system's converter, upright
//! by the container's `irot` (never by the EXIF tag), with the container's EXIF read, the
//! original kept, JPEG exported, and hostile or undecodable files refused in one line.
//!
//! Tests that need a real converter (libheif's heif-dec/heif-convert, macOS' sips) say they
//! were skipped where none is installed, and fail instead when `CI` is set.

use std::path::{Path, PathBuf};
use std::process::Output;

use image::RgbImage;
use serde_json::Value;
use tripjournal::model::PhotoId;
use tripjournal::photos::{HEIF_DECODER_VARIABLE, PhotoLimits, decode_upright};
use tripjournal::store::{PhotoBytes, Store};

use crate::util::{
    HEIF_CONVERTERS, cli_command, cli_ok, fixture, heif_converter_on_path, names_in,
    output_timed_on_cpu, present_or_skipped, stderr, stdout,
};

/// Whether a HEIF converter is on PATH; says the test `test` is skipped when not, and fails
/// when `CI` is set (CI installs libheif-examples).
fn converter_present(test: &str) -> bool {
    let missing = format!("a HEIF converter ({HEIF_CONVERTERS:?}), needed by {test}");
    present_or_skipped(heif_converter_on_path(), &missing)
}

/// A journal holding the fixture `name` imported by `photo add`, and the photo as `photo list
/// --json` shows it; `None` when the test is skipped for want of a converter.
fn imported(test: &str, name: &str) -> Option<(Journal, Value)> {
    if !converter_present(test) {
        return None;
    }
    let journal = Journal::new();
    let output = journal.add(&fixture(name));
    assert!(output.status.success(), "{name}: {}", stdout(&output));
    let photo = journal.photos()[0].clone();
    Some((journal, photo))
}

/// A journal in a temporary folder with one trip, "Berlin".
struct Journal {
    dir: tempfile::TempDir,
}

impl Journal {
    fn new() -> Self {
        let journal = Journal {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        cli_ok(&journal.path(), &["trip", "new", "--name", "Berlin"]);
        journal
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("journal.sqlite")
    }

    /// `photo add` of `file`, its converter search left to the environment.
    fn add(&self, file: &Path) -> Output {
        self.add_command(file).output().expect("the binary runs")
    }

    /// `photo add` of `file` with `PATH` set to `path` and, when given, the converter named
    /// by the environment variable.
    fn add_with(&self, file: &Path, path: &Path, decoder: Option<&Path>) -> Output {
        let mut command = self.add_command(file);
        command.env("PATH", path);
        if let Some(decoder) = decoder {
            command.env(HEIF_DECODER_VARIABLE, decoder);
        }
        command.output().expect("the binary runs")
    }

    fn add_command(&self, file: &Path) -> std::process::Command {
        let file = file.to_str().expect("UTF-8 path");
        let mut command = cli_command(&self.path(), &["photo", "add", "--trip", "Berlin", file]);
        command.env_remove(HEIF_DECODER_VARIABLE);
        command
    }

    /// A new empty folder in the journal's folder.
    fn folder(&self, name: &str) -> PathBuf {
        let folder = self.dir.path().join(name);
        std::fs::create_dir_all(&folder).expect("creates the folder");
        folder
    }

    fn photos(&self) -> Value {
        let listed = cli_ok(
            &self.path(),
            &["photo", "list", "--trip", "Berlin", "--json"],
        );
        serde_json::from_str(&listed).expect("JSON")
    }

    /// The stored bytes of the trip's first photo.
    fn stored(&self, which: PhotoBytes) -> Vec<u8> {
        let id = self.photos()[0]["id"].as_i64().expect("photo id");
        let store = Store::open(&self.path()).expect("journal opens");
        store.photo_bytes(PhotoId(id), which).expect("stored bytes")
    }
}

/// `photo add` failed with exactly one line naming the file, saying `wanted`.
fn failed_with(output: &Output, wanted: &str) -> String {
    let printed = stdout(output);
    assert_eq!(output.status.code(), Some(1), "{printed}{}", stderr(output));
    assert!(!stderr(output).contains("panicked"), "{}", stderr(output));
    assert_eq!(printed.lines().count(), 1, "one line: {printed:?}");
    assert!(printed.starts_with("failed "), "{printed:?}");
    assert!(
        printed.contains(wanted),
        "{printed:?} should say {wanted:?}"
    );
    printed
}

/// Width and height as `photo list --json` gives them.
fn size(photo: &Value) -> (u64, u64) {
    let side = |name: &str| photo[name].as_u64().expect("a size");
    (side("width"), side("height"))
}

fn decode(bytes: &[u8]) -> RgbImage {
    image::load_from_memory(bytes).expect("decodes").to_rgb8()
}

/// Red (the block at the stored top-left) or yellow (stored bottom-right) at a fraction of
/// the image's width and height.
fn colour_at(image: &RgbImage, fx: f32, fy: f32) -> &'static str {
    let x = ((image.width() as f32 * fx) as u32).min(image.width() - 1);
    let y = ((image.height() as f32 * fy) as u32).min(image.height() - 1);
    match image.get_pixel(x, y).0 {
        [r, g, b] if r > 200 && g < 80 && b < 80 => "red",
        [r, g, b] if r > 200 && g > 180 && b < 100 => "yellow",
        [r, g, b] if r < 100 && g < 130 && b > 120 => "blue",
        _ => "other",
    }
}

/// Colours at the top-left, top-right, bottom-left and bottom-right corners.
fn corners(image: &RgbImage) -> [&'static str; 4] {
    [
        colour_at(image, 0.05, 0.05),
        colour_at(image, 0.95, 0.05),
        colour_at(image, 0.05, 0.95),
        colour_at(image, 0.95, 0.95),
    ]
}

#[test]
fn a_heic_imports_with_the_date_offset_gps_and_camera_of_its_container() {
    let Some((journal, photo)) = imported("heic_exif", "heic_exif_gps.heic") else {
        return;
    };
    assert_eq!(size(&photo), (64, 48));
    assert_eq!(photo["mime_type"], "image/heic");
    assert_eq!(photo["taken_at"], "2018-11-13T16:20:05+01:00");
    assert_eq!(photo["camera_model"], "TJ Phone 1");
    let gps = &photo["gps"];
    assert!(
        (gps["latitude"].as_f64().expect("lat") - 52.5).abs() < 1e-6,
        "{gps}"
    );
    assert!(
        (gps["longitude"].as_f64().expect("lon") - 13.274).abs() < 1e-6,
        "{gps}"
    );
    let original = std::fs::read(fixture("heic_exif_gps.heic")).expect("fixture");
    assert_eq!(
        journal.stored(PhotoBytes::Original),
        original,
        "kept byte for byte"
    );
    let preview = decode(&journal.stored(PhotoBytes::Preview));
    assert_eq!(preview.dimensions(), (64, 48));
    assert_eq!(corners(&preview), ["red", "blue", "blue", "yellow"]);
}

#[test]
fn irot_turns_a_heic_upright_and_its_exif_orientation_is_ignored() {
    let Some((journal, photo)) = imported("heic_irot", "heic_irot90.heic") else {
        return;
    };
    assert_eq!(size(&photo), (48, 64));
    // irot 90° anticlockwise: the stored top-left goes to the bottom-left. Had the stale
    // EXIF Orientation=3 been applied as well, red would be at the top-right.
    let upright = ["blue", "yellow", "red", "blue"];
    for which in [PhotoBytes::Preview, PhotoBytes::Thumbnail] {
        let image = decode(&journal.stored(which));
        assert_eq!(image.dimensions(), (48, 64));
        assert_eq!(corners(&image), upright);
    }
    // Large exports decode the original again; it is upright the same way.
    let original = std::fs::read(fixture("heic_irot90.heic")).expect("fixture");
    let decoded = decode_upright(&original, 1600, &PhotoLimits::default()).expect("decodes");
    assert_eq!(corners(&decoded.to_rgb8()), upright);
}

#[test]
fn the_export_of_a_heic_holds_an_upright_jpeg_and_no_heic() {
    if !converter_present("heic_export") {
        return;
    }
    let journal = Journal::new();
    for name in ["heic_irot90.heic", "heic_exif_gps.heic"] {
        assert!(journal.add(&fixture(name)).status.success(), "{name}");
    }
    let out = journal.dir.path().join("site");
    let out_text = out.to_str().expect("UTF-8");
    let args = [
        "export", "--trip", "Berlin", "--layout", "plain", "--out", out_text,
    ];
    cli_ok(&journal.path(), &args);
    let images = exported_images(&out);
    assert_eq!(images.len(), 2, "{images:?}");
    for image in &images {
        let name = image.to_string_lossy();
        assert!(name.ends_with(".jpg"), "{name}");
        let bytes = std::fs::read(image).expect("exported image");
        assert!(bytes.starts_with(&[0xFF, 0xD8, 0xFF]), "{name} is a JPEG");
        let picture = decode(&bytes);
        let expected = match picture.dimensions() {
            (48, 64) => ["blue", "yellow", "red", "blue"],
            (64, 48) => ["red", "blue", "blue", "yellow"],
            other => panic!("{name}: unexpected size {other:?}"),
        };
        assert_eq!(corners(&picture), expected, "{name}");
    }
}

/// Every file under `dir`, recursively, except the Markdown post.
fn exported_images(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for name in names_in(dir) {
        let path = dir.join(name);
        if path.is_dir() {
            found.extend(exported_images(&path));
        } else if path.extension().is_none_or(|ending| ending != "md") {
            found.push(path);
        }
    }
    found
}

#[test]
fn an_avif_imports_where_the_converter_decodes_av1() {
    let Some((journal, photo)) = imported("avif", "photo.avif") else {
        return;
    };
    assert_eq!(photo["mime_type"], "image/avif");
    let preview = decode(&journal.stored(PhotoBytes::Preview));
    assert_eq!(preview.dimensions(), (64, 48));
    assert_eq!(corners(&preview), ["red", "blue", "blue", "yellow"]);
}

/// A folder `bin` in the journal's folder holding a fake `heif-dec` and `heif-convert` that
/// copy `png` to their output (by absolute paths: they may run with an empty PATH), and the
/// file they create when they run.
#[cfg(unix)]
fn fake_converter(journal: &Journal, png: &Path) -> (PathBuf, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let bin = journal.folder("bin");
    let mark = bin.join("converter-ran");
    let script = format!(
        "#!/bin/sh\n: > '{}'\n/bin/cp '{}' \"$2\"\n",
        mark.display(),
        png.display()
    );
    for name in ["heif-dec", "heif-convert"] {
        let program = bin.join(name);
        std::fs::write(&program, &script).expect("writes the fake");
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    (bin, mark)
}

/// The fixture with every `ispe` box declaring 100000×100000 pixels.
pub fn claiming_huge_size(bytes: &[u8]) -> Vec<u8> {
    let mut patched = bytes.to_vec();
    let at: Vec<usize> = bytes
        .windows(4)
        .enumerate()
        .filter(|(_, window)| *window == b"ispe")
        .map(|(at, _)| at)
        .collect();
    assert!(!at.is_empty(), "the fixture has ispe boxes");
    for at in at {
        let size = 100_000u32.to_be_bytes();
        patched[at + 8..at + 12].copy_from_slice(&size);
        patched[at + 12..at + 16].copy_from_slice(&size);
    }
    patched
}

#[cfg(unix)]
#[test]
fn a_heic_declaring_too_many_pixels_is_refused_before_any_decoder_runs() {
    let journal = Journal::new();
    let (bin, mark) = fake_converter(&journal, &fixture("plain.jpg"));
    let huge = journal.dir.path().join("huge.heic");
    let original = std::fs::read(fixture("heic_exif_gps.heic")).expect("fixture");
    std::fs::write(&huge, claiming_huge_size(&original)).expect("writes");
    let mut command = journal.add_command(&huge);
    command.env("PATH", &bin);
    // CPU time: a loaded machine keeping the command waiting does not count.
    let (output, took) = output_timed_on_cpu(&mut command);
    failed_with(&output, "100000×100000 pixels, over the limit");
    assert!(
        took < std::time::Duration::from_secs(20),
        "took {took:?} of CPU"
    );
    assert!(!mark.exists(), "the converter must not run");
}

#[cfg(unix)]
#[test]
fn the_decoder_variable_names_the_converter_and_its_png_is_checked_like_any() {
    let journal = Journal::new();
    let empty = journal.folder("empty");
    // A converter whose "PNG" is really a JPEG: the PNG is decoded strictly, as a PNG.
    let (bin, mark) = fake_converter(&journal, &fixture("second.jpg"));
    let named = bin.join("heif-dec");
    let output = journal.add_with(&fixture("photo.heic"), &empty, Some(&named));
    failed_with(&output, "the PNG data is damaged");
    assert!(mark.exists(), "the named converter ran");
    fake_converter(&journal, &fixture("alpha.png"));
    let output = journal.add_with(&fixture("photo.heic"), &empty, Some(&named));
    assert!(output.status.success(), "{}", stdout(&output));
    let photo = &journal.photos()[0];
    assert_eq!(size(photo), (120, 90));
    assert_eq!(photo["mime_type"], "image/heic");
}

#[test]
fn with_no_converter_the_failure_names_what_to_install() {
    let journal = Journal::new();
    let empty = journal.folder("empty");
    let output = journal.add_with(&fixture("photo.heic"), &empty, None);
    let line = failed_with(&output, "no HEIF decoder found");
    let install = if cfg!(target_os = "linux") {
        "sudo apt install libheif-examples"
    } else if cfg!(target_os = "macos") {
        "brew install libheif"
    } else if cfg!(windows) {
        "heif-dec.exe"
    } else {
        "libheif"
    };
    assert!(line.contains(install), "{line:?} should say {install:?}");
}

#[test]
fn a_heic_with_a_garbled_container_fails_in_one_line() {
    let journal = Journal::new();
    let original = std::fs::read(fixture("heic_exif_gps.heic")).expect("fixture");
    let cut = journal.dir.path().join("cut.heic");
    std::fs::write(&cut, &original[..200]).expect("writes");
    let output = journal.add(&cut);
    failed_with(
        &output,
        "HEIC data is damaged or incomplete: a box runs past the end",
    );
}

#[test]
fn a_heic_with_damaged_image_data_fails_in_one_line() {
    if !converter_present("heic_damaged") {
        return;
    }
    let journal = Journal::new();
    let original = std::fs::read(fixture("heic_exif_gps.heic")).expect("fixture");
    let meta_end = 509; // ftyp (28 B) + meta (481 B); the coded image follows in mdat.
    assert_eq!(&original[meta_end + 4..meta_end + 8], b"mdat");
    let mut zeroed = original.clone();
    zeroed[meta_end + 8..].fill(0);
    let broken = journal.dir.path().join("zeroed.heic");
    std::fs::write(&broken, &zeroed).expect("writes");
    let output = journal.add(&broken);
    failed_with(&output, "the HEIC decoder heif-");
    // A file cut inside the image data is refused by the container check already.
    let cut = journal.dir.path().join("cut.heic");
    std::fs::write(&cut, &original[..meta_end + 100]).expect("writes");
    failed_with(&journal.add(&cut), "HEIC data is damaged or incomplete");
}
