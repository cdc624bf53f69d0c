//! Odd, broken and malicious files fed to the import: each one imports correctly or fails with
//! a one-line reason, never a panic or a hang, memory stays bounded, and the rest of the batch
//! imports. Most files are made here from small generated images; a few come from tests/data.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use image::{DynamicImage, GrayImage, ImageFormat, RgbImage};
use tripjournal::photos::{ImportEvent, ImportOutcome, ImportRequest, import_files};
use tripjournal::store::Store;

use crate::util::{PATIENCE, Rng, TempJournal, fixture, heif_converter_on_path, stderr, stdout};

/// What a hostile file must end as.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    Imports,
    /// Fails, and the reason contains this text (lower case).
    Fails(&'static str),
    /// Either is correct (a decoder may or may not see damage in the pixels), but cleanly.
    Either,
}

struct Case {
    path: PathBuf,
    expect: Expect,
}

fn encode(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut bytes = Cursor::new(Vec::new());
    image.write_to(&mut bytes, format).expect("encodes");
    bytes.into_inner()
}

fn picture(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 7) as u8, (y * 5) as u8, ((x + y) * 3) as u8])
    }))
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    encode(&picture(width, height), ImageFormat::Jpeg)
}

/// Offset of the first SOF0 marker of a JPEG we encoded.
fn sof0(bytes: &[u8]) -> usize {
    bytes
        .windows(2)
        .position(|pair| pair == [0xFF, 0xC0])
        .expect("baseline JPEG has SOF0")
}

/// A JPEG with an EXIF segment holding these fields, right after SOI.
fn jpeg_with_exif(fields: &[exif::Field]) -> Vec<u8> {
    let mut writer = exif::experimental::Writer::new();
    for field in fields {
        writer.push_field(field);
    }
    let mut tiff = Cursor::new(Vec::new());
    writer.write(&mut tiff, false).expect("EXIF");
    with_app1(
        &jpeg(120, 80),
        &[b"Exif\0\0".as_slice(), &tiff.into_inner()].concat(),
    )
}

fn with_app1(jpeg: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn field(tag: exif::Tag, value: exif::Value) -> exif::Field {
    exif::Field {
        tag,
        ifd_num: exif::In::PRIMARY,
        value,
    }
}

fn ascii(text: &str) -> exif::Value {
    exif::Value::Ascii(vec![text.as_bytes().to_vec()])
}

fn rational(values: &[u32]) -> exif::Value {
    exif::Value::Rational(
        values
            .iter()
            .map(|&num| exif::Rational { num, denom: 1 })
            .collect(),
    )
}

/// A 64×48 PNG of an unusual colour type or depth, straight from the png crate.
fn small_png(
    color: png::ColorType,
    depth: png::BitDepth,
    palette: Option<&[u8]>,
    data: &[u8],
) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, 64, 48);
    encoder.set_color(color);
    encoder.set_depth(depth);
    if let Some(palette) = palette {
        encoder.set_palette(palette.to_vec());
    }
    let mut writer = encoder.write_header().expect("PNG header");
    writer.write_image_data(data).expect("PNG data");
    writer.finish().expect("PNG end");
    bytes
}

/// A zero-filled greyscale PNG: a few hundred KB on disk, `width`×`height` bytes decoded.
fn zero_png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_compression(png::Compression::Fast);
    {
        let mut writer = encoder.write_header().expect("PNG header");
        let mut stream = writer.stream_writer().expect("stream");
        let row = vec![0u8; width as usize];
        for _ in 0..height {
            std::io::Write::write_all(&mut stream, &row).expect("row");
        }
        stream.finish().expect("PNG end");
    }
    bytes
}

fn scramble(bytes: &[u8], from: f64, to: f64, seed: u64) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let mut rng = Rng::new(seed);
    let (start, end) = (
        (bytes.len() as f64 * from) as usize,
        (bytes.len() as f64 * to) as usize,
    );
    for byte in &mut out[start..end] {
        *byte = rng.next() as u8;
    }
    out
}

fn cut(bytes: &[u8], keep: f64) -> Vec<u8> {
    bytes[..(bytes.len() as f64 * keep) as usize].to_vec()
}

/// Writes every hostile file into `dir` with what it must end as.
fn hostile_files(dir: &Path) -> Vec<Case> {
    use Expect::*;
    use exif::{Tag, Value};
    let mut cases = Vec::new();
    let mut add = |name: &str, bytes: Vec<u8>, expect: Expect| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("writes the file");
        cases.push(Case { path, expect });
    };
    let good_jpeg = jpeg(320, 240);
    let good_png = encode(&picture(200, 150), ImageFormat::Png);
    let good_webp = std::fs::read(fixture("photo.webp")).expect("fixture");
    let good_gif = std::fs::read(fixture("animated.gif")).expect("fixture");

    // Not images at all.
    add("empty.jpg", Vec::new(), Fails("empty"));
    add(
        "text.jpg",
        std::fs::read(fixture("text.jpg")).expect("fixture"),
        Fails("not an image"),
    );
    let mut program = b"\x7fELF\x02\x01\x01\0".to_vec();
    program.extend((0..4000u32).map(|i| (i * 31) as u8));
    add("program.jpg", program, Fails("not an image"));
    add(
        "bitmap.jpg",
        b"BM\x36\0\0\0\0\0\0\0\x36\0\0\0".repeat(4),
        Fails("unsupported"),
    );
    // HEIC decodes where the system has a converter; elsewhere it fails naming HEIC.
    let heic = std::fs::read(fixture("photo.heic")).expect("fixture");
    let heic_expect = if heif_converter_on_path() {
        Imports
    } else {
        Fails("heic")
    };
    add("photo.heic.jpg", heic.clone(), heic_expect);
    add(
        "heic-claims-100000x100000.heic",
        crate::heic::claiming_huge_size(&heic),
        Fails("pixels"),
    );
    add("heic-cut-in-meta.heic", cut(&heic, 0.2), Fails("damaged"));

    // Broken JPEGs.
    add(
        "truncated.jpg",
        std::fs::read(fixture("truncated.jpg")).expect("fixture"),
        Fails("truncated"),
    );
    add("cut-in-header.jpg", cut(&good_jpeg, 0.05), Fails(""));
    add("soi-only.jpg", vec![0xFF, 0xD8], Fails(""));
    add(
        "corrupt-scan.jpg",
        scramble(&good_jpeg, 0.4, 0.6, 1),
        Either,
    );
    add(
        "corrupt-header.jpg",
        scramble(&good_jpeg, 0.0, 0.1, 2),
        Either,
    );
    let mut twelve_bit = good_jpeg.clone();
    twelve_bit[sof0(&good_jpeg) + 4] = 12;
    add("12-bit.jpg", twelve_bit, Either);
    let mut arithmetic = good_jpeg.clone();
    arithmetic[sof0(&good_jpeg) + 1] = 0xC9;
    add("arithmetic.jpg", arithmetic, Either);
    let mut huge = good_jpeg.clone();
    let at = sof0(&good_jpeg);
    huge[at + 5..at + 9].copy_from_slice(&[0xFD, 0xE8, 0xFD, 0xE8]); // 65000 × 65000
    add("claims-65000x65000.jpg", huge, Fails("pixels"));
    let mut trailing = good_jpeg.clone();
    trailing.extend(std::iter::repeat_n(0x5A, 20_000)); // like a motion photo's video
    add("data-after-end.jpg", trailing, Imports);
    add(
        "cmyk.jpg",
        std::fs::read(fixture("cmyk.jpg")).expect("fixture"),
        Either,
    );
    add("one-pixel.jpg", jpeg(1, 1), Imports);

    // Broken or unusual PNG, WebP and GIF.
    add("truncated.png", cut(&good_png, 0.5), Fails(""));
    add("corrupt.png", scramble(&good_png, 0.3, 0.7, 3), Either);
    add(
        "huge-header.png",
        std::fs::read(fixture("huge_header.png")).expect("fixture"),
        Fails("pixels"),
    );
    add(
        "bomb-144-megapixels.png",
        zero_png(12_000, 12_000),
        Fails("pixels"),
    );
    add("zeros-64-megapixels.png", zero_png(8_000, 8_000), Imports);
    use png::{BitDepth, ColorType};
    let sixteen: Vec<u8> = (0..64 * 48 * 3)
        .flat_map(|i: u32| ((i * 977) as u16).to_be_bytes())
        .collect();
    let indices: Vec<u8> = (0..64 * 48).map(|i: u32| (i % 4) as u8).collect();
    let palette = [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0];
    let grey_alpha: Vec<u8> = (0..64 * 48 * 2).map(|i: u32| (i * 13) as u8).collect();
    let rgb16 = small_png(ColorType::Rgb, BitDepth::Sixteen, None, &sixteen);
    let indexed = small_png(
        ColorType::Indexed,
        BitDepth::Eight,
        Some(&palette),
        &indices,
    );
    let grey = small_png(
        ColorType::GrayscaleAlpha,
        BitDepth::Eight,
        None,
        &grey_alpha,
    );
    add("16-bit.png", rgb16, Imports);
    add("palette.png", indexed, Imports);
    add("grey-alpha.png", grey, Imports);
    add(
        "thin-20000x1.png",
        encode(
            &DynamicImage::ImageLuma8(GrayImage::from_pixel(20_000, 1, image::Luma([90]))),
            ImageFormat::Png,
        ),
        Imports,
    );
    add("truncated.webp", cut(&good_webp, 0.5), Fails(""));
    add("corrupt.webp", scramble(&good_webp, 0.3, 0.8, 4), Either);
    add("truncated.gif", cut(&good_gif, 0.4), Either);
    add("corrupt.gif", scramble(&good_gif, 0.2, 0.9, 5), Either);

    // Right content, wrong extension.
    add("really-a-png.jpg", good_png.clone(), Imports);
    add("really-a-jpeg.png", good_jpeg.clone(), Imports);
    add("really-a-gif.webp", good_gif.clone(), Imports);

    // EXIF with absurd values.
    add(
        "orientation-9.jpg",
        jpeg_with_exif(&[field(Tag::Orientation, Value::Short(vec![9]))]),
        Imports,
    );
    add(
        "year-0.jpg",
        jpeg_with_exif(&[field(Tag::DateTimeOriginal, ascii("0000:01:01 00:00:00"))]),
        Imports,
    );
    add(
        "year-9999.jpg",
        jpeg_with_exif(&[field(Tag::DateTimeOriginal, ascii("9999:12:31 23:59:59"))]),
        Imports,
    );
    add(
        "date-nonsense.jpg",
        jpeg_with_exif(&[field(Tag::DateTimeOriginal, ascii("2018:13:45 99:99:99"))]),
        Imports,
    );
    add(
        "gps-out-of-range.jpg",
        jpeg_with_exif(&[
            field(Tag::GPSLatitudeRef, ascii("N")),
            field(Tag::GPSLatitude, rational(&[200, 0, 0])),
            field(Tag::GPSLongitudeRef, ascii("E")),
            field(Tag::GPSLongitude, rational(&[500, 0, 0])),
        ]),
        Imports,
    );
    add(
        "huge-exif.jpg",
        jpeg_with_exif(&[field(Tag::Model, ascii(&"Camera\u{7}".repeat(9000)))]),
        Imports,
    );
    let mut rng = Rng::new(6);
    let garbage: Vec<u8> = (0..60_000).map(|_| rng.next() as u8).collect();
    add(
        "garbage-exif.jpg",
        with_app1(
            &jpeg(120, 80),
            &[b"Exif\0\0MM\0\x2a".as_slice(), &garbage].concat(),
        ),
        Imports,
    );
    // An IFD whose next-IFD offset points back at itself.
    let mut looping = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01".to_vec();
    looping.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation = 6
    looping.extend_from_slice(&[0, 0, 0, 8]);
    add(
        "exif-loop.jpg",
        with_app1(&jpeg(120, 80), &looping),
        Imports,
    );

    // Names that break naive code.
    for name in [
        "北京 烤鸭.jpg",
        "🍺🥨 Biergarten.jpg",
        "with  spaces .jpg",
        "quote\"s and 'apostrophes'.jpg",
        "new\nline.jpg",
        "-rf --help.jpg",
        "tab\tand$dollar`tick`.jpg",
    ] {
        let mut bytes = jpeg(90, 60);
        bytes.extend_from_slice(name.as_bytes()); // distinct files, after the end marker
        add(name, bytes, Imports);
    }

    // Things that are not regular files.
    let folder = dir.join("folder.jpg");
    std::fs::create_dir(&folder).expect("folder");
    cases.push(Case {
        path: folder,
        expect: Fails("folder"),
    });
    let (loop_a, loop_b) = (dir.join("loop-a.jpg"), dir.join("loop-b.jpg"));
    std::os::unix::fs::symlink(&loop_b, &loop_a).expect("symlink");
    std::os::unix::fs::symlink(&loop_a, &loop_b).expect("symlink");
    cases.push(Case {
        path: loop_a,
        expect: Fails("cannot read"),
    });
    let dangling = dir.join("dangling.jpg");
    std::os::unix::fs::symlink(dir.join("nowhere.jpg"), &dangling).expect("symlink");
    cases.push(Case {
        path: dangling,
        expect: Fails(""),
    });
    let endless = dir.join("endless.jpg");
    std::os::unix::fs::symlink("/dev/zero", &endless).expect("symlink");
    cases.push(Case {
        path: endless,
        expect: Fails("not a regular file"),
    });
    let pipe = dir.join("pipe.jpg");
    let made = Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    cases.push(Case {
        path: pipe,
        expect: Fails("not a regular file"),
    });
    let sparse = dir.join("huge-file.jpg");
    let file = std::fs::File::create(&sparse).expect("file");
    file.set_len(600 * 1024 * 1024).expect("sparse 600 MB");
    cases.push(Case {
        path: sparse,
        expect: Fails("too large"),
    });
    let locked = dir.join("unreadable.jpg");
    std::fs::write(&locked, jpeg(50, 40)).expect("writes");
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000))
        .expect("chmod");
    // Root reads it anyway; everyone else must get a clean "cannot read".
    let readable = std::fs::File::open(&locked).is_ok();
    cases.push(Case {
        path: locked,
        expect: if readable {
            Imports
        } else {
            Fails("cannot read")
        },
    });

    cases
}

fn assert_outcome(case: &Case, outcome: &ImportOutcome) {
    let name = case.path.display();
    match (case.expect, outcome) {
        (Expect::Imports, ImportOutcome::Imported(_)) => {}
        (Expect::Fails(text), ImportOutcome::Failed(reason)) => {
            assert!(
                reason.to_lowercase().contains(text),
                "{name}: {reason:?} should mention {text:?}"
            );
        }
        (Expect::Either, ImportOutcome::Imported(_) | ImportOutcome::Failed(_)) => {}
        (expect, outcome) => panic!("{name}: expected {expect:?}, got {outcome:?}"),
    }
    if let ImportOutcome::Failed(reason) = outcome {
        assert!(
            !reason.is_empty() && !reason.contains('\n'),
            "{name}: {reason:?}"
        );
        assert!(!reason.contains("panicked"), "{name}: {reason}");
    }
}

/// Imports the files on a thread and waits at most `limit` for each file to be done: a hang
/// fails the test instead of blocking it, however slowly a busy machine gets through the batch.
fn import_within(journal: &Path, files: Vec<PathBuf>, limit: Duration) -> Vec<ImportOutcome> {
    let journal = journal.to_path_buf();
    let (sender, receiver) = std::sync::mpsc::channel();
    let (progress, events) = std::sync::mpsc::channel();
    let shown = format!(
        "{:?}",
        files.iter().map(|p| p.file_name()).collect::<Vec<_>>()
    );
    std::thread::spawn(move || {
        let mut store = Store::open(&journal).expect("journal");
        let trip = store.find_trip("Hostile").expect("trip").id;
        let outcomes = import_files(
            &mut store,
            &ImportRequest::new(trip, files),
            &AtomicBool::new(false),
            Some(&progress),
        )
        .expect("the batch runs");
        let _ = sender.send(outcomes.into_iter().map(|file| file.outcome).collect());
    });
    let mut done = 0;
    loop {
        match events.recv_timeout(limit) {
            Ok(ImportEvent::FileDone { done: now, .. }) => done = now,
            Ok(ImportEvent::Started { .. }) => {}
            Ok(ImportEvent::Finished { .. }) | Err(RecvTimeoutError::Disconnected) => break,
            Err(RecvTimeoutError::Timeout) => {
                panic!("import of {shown}: no file done for {limit:?} after {done} (hang?)")
            }
        }
    }
    receiver
        .recv_timeout(limit)
        .unwrap_or_else(|_| panic!("import of {shown} panicked or did not end after {done} files"))
}

#[test]
fn every_hostile_file_imports_or_fails_cleanly_alone_and_in_a_batch() {
    let journal = TempJournal::new();
    let mut fields = tripjournal::model::TripFields::named("Hostile");
    fields.city = "Berlin".into();
    journal.store.create_trip(&fields).expect("trip");
    let files_dir = journal.dir.path().join("files");
    std::fs::create_dir(&files_dir).expect("folder");
    let cases = hostile_files(&files_dir);
    assert!(cases.len() >= 30, "at least 30 kinds: {}", cases.len());

    // Alone, each within a time bound, into a journal of its own so none is a duplicate.
    for (index, case) in cases.iter().enumerate() {
        let own = journal.dir.path().join(format!("alone-{index}.sqlite"));
        Store::open(&own)
            .expect("journal")
            .create_trip(&tripjournal::model::TripFields::named("Hostile"))
            .expect("trip");
        let outcomes = import_within(&own, vec![case.path.clone()], PATIENCE);
        assert_outcome(case, &outcomes[0]);
    }

    // All together with good photos between them: every good photo and every importable
    // hostile file is there afterwards and the journal checks out.
    let good = crate::util::write_distinct_jpegs(&journal.dir.path().join("files"), 5, 160, 120);
    let mut batch: Vec<PathBuf> = cases.iter().map(|case| case.path.clone()).collect();
    for (index, path) in good.iter().enumerate() {
        batch.insert(index * 7, path.clone());
    }
    let outcomes = import_within(&journal.path(), batch.clone(), PATIENCE);
    for (path, outcome) in batch.iter().zip(&outcomes) {
        match cases.iter().find(|case| &case.path == path) {
            Some(case) => assert_outcome(case, outcome),
            None => assert!(
                matches!(outcome, ImportOutcome::Imported(_)),
                "{}: {outcome:?}",
                path.display()
            ),
        }
    }
    let store = Store::open(&journal.path()).expect("opens");
    let report = store.check().expect("check");
    assert!(report.is_ok(), "{:?}", report.problems);
    let photos = store
        .photos(store.find_trip("Hostile").expect("trip").id)
        .expect("photos");
    let imported = outcomes
        .iter()
        .filter(|o| matches!(o, ImportOutcome::Imported(_)))
        .count();
    assert_eq!(photos.len(), imported);
    for photo in &photos {
        let metadata = &photo.metadata;
        if let Some(taken) = metadata.taken_at {
            assert!(
                (1826..=2200).contains(&chrono::Datelike::year(&taken.local)),
                "{metadata:?}"
            );
        }
        if let Some(gps) = metadata.gps {
            assert!(
                gps.latitude.abs() <= 90.0 && gps.longitude.abs() <= 180.0,
                "{metadata:?}"
            );
        }
        if let Some(model) = &metadata.camera_model {
            assert!(
                model.chars().count() <= 120 && !model.contains('\u{7}'),
                "{model:?}"
            );
        }
        assert!(metadata.width > 0 && metadata.height > 0);
    }
}

#[test]
fn the_command_line_reports_each_hostile_file_on_one_line_with_bounded_memory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = hostile_files(dir.path());
    let journal = dir.path().join("journal.sqlite");
    crate::util::cli_ok(&journal, &["trip", "new", "--name", "Hostile"]);
    // 3 GiB of address space: far more than any accepted photo needs (100 MP at most), far less
    // than what the bombs would take if they were decoded.
    let output = Command::new("prlimit")
        .arg("--as=3221225472")
        .arg(env!("CARGO_BIN_EXE_tripjournal"))
        .arg("--journal")
        .arg(&journal)
        .args(["photo", "add", "--trip", "Hostile", "--"])
        .args(cases.iter().map(|case| &case.path))
        .env_remove("TRIPJOURNAL_JOURNAL")
        .output()
        .expect("runs under prlimit");
    let said = stdout(&output);
    assert_eq!(
        output.status.code(),
        Some(1),
        "some files fail: {said}{}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), cases.len(), "one line per file: {said}");
    for (line, case) in lines.iter().zip(&cases) {
        let expected_start = match case.expect {
            Expect::Imports => "imported ",
            Expect::Fails(_) => "failed ",
            Expect::Either => "",
        };
        assert!(
            line.starts_with(expected_start),
            "{}: {line}",
            case.path.display()
        );
    }
    assert!(
        said.contains("new\\nline.jpg"),
        "the newline in a name is shown escaped: {said}"
    );
}
