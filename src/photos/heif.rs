//! HEIF photos (HEIC from phones, and AVIF): a small reader of the container's boxes and a
//! decoder borrowed from the system at run time.
//!
//! tripjournal links no HEVC or AV1 decoder (the build needs no system packages and the
//! licence stays MIT/Apache-2.0). Instead, the primary image's declared size (`ispe`) is read
//! from the ISO-BMFF boxes and checked against the pixel limit *before* anything decodes;
//! then a command-line converter found on `PATH` (libheif's `heif-dec`/`heif-convert`, macOS'
//! `sips`) writes a PNG in a private temporary folder, and the PNG goes through the same
//! checked decoding as any other file. The converters apply the container's rotation and
//! mirroring (`irot`, `imir`), which is why the EXIF orientation tag of a HEIF file is ignored,
//! as the HEIF specification asks. The reader trusts no length: every box is bounded by its
//! parent, only the path `meta` → `iprp` → `ipco`/`ipma` is descended, and counts are capped.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use super::ImportError;
use super::derive::PhotoLimits;
use super::format::ImageKind;

/// Environment variable naming the converter to use instead of searching `PATH`.
pub const DECODER_VARIABLE: &str = "TRIPJOURNAL_HEIF_DECODER";

/// A converter still running after this long is killed and the photo fails.
const CONVERT_TIMEOUT: Duration = Duration::from_secs(60);

/// More boxes than this at one level means the file is not a photo (or is hostile).
const MAX_BOXES: usize = 4096;

/// What the container says about the primary image, before any decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HeifHeader {
    /// Size of the coded image (`ispe`), before rotation.
    pub width: u32,
    pub height: u32,
    /// Anticlockwise quarter turns to show it upright (`irot`, 0..=3).
    pub quarter_turns: u8,
    /// Whether the image is mirrored (`imir`).
    pub mirrored: bool,
}

impl HeifHeader {
    /// The size as shown: a quarter or three-quarter turn swaps the sides.
    pub fn upright_size(&self) -> (u32, u32) {
        if self.quarter_turns % 2 == 1 {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

/// Checks the declared size against `limits`, runs the system's converter and returns the
/// upright image as PNG bytes.
pub(crate) fn convert_to_png(
    bytes: &[u8],
    kind: ImageKind,
    limits: &PhotoLimits,
) -> Result<Vec<u8>, ImportError> {
    let header = read_header(bytes).map_err(|message| ImportError::Damaged {
        format: kind.name(),
        message: message.to_string(),
    })?;
    let (width, height) = header.upright_size();
    let pixels = u64::from(width) * u64::from(height);
    if pixels > limits.max_pixels || pixels == 0 {
        return Err(ImportError::TooManyPixels {
            width,
            height,
            limit_megapixels: limits.max_pixels / 1_000_000,
        });
    }
    let converter = find_converter().ok_or(ImportError::NoHeifDecoder {
        format: kind.name(),
        install: INSTALL_HINT,
    })?;
    run_converter(&converter, bytes, kind, CONVERT_TIMEOUT)
}

// ---------------------------------------------------------------------------------------
// The container

/// One ISO-BMFF box: its four-character type and its body (after the header).
#[derive(Debug, Clone, Copy)]
struct BmffBox<'a> {
    kind: [u8; 4],
    body: &'a [u8],
}

/// The boxes laid one after another in `data`, each checked to fit.
fn boxes(data: &[u8]) -> Result<Vec<BmffBox<'_>>, &'static str> {
    let mut found = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        if found.len() == MAX_BOXES {
            return Err("too many boxes");
        }
        let (one, after) = split_box(rest)?;
        found.push(one);
        rest = after;
    }
    Ok(found)
}

/// The first box of `data` and what follows it.
fn split_box(data: &[u8]) -> Result<(BmffBox<'_>, &[u8]), &'static str> {
    let short = "a box header is cut short";
    let size32 = be_u32(data, 0).ok_or(short)?;
    let kind: [u8; 4] = data
        .get(4..8)
        .and_then(|k| k.try_into().ok())
        .ok_or(short)?;
    let (header, size) = match size32 {
        0 => (8, data.len() as u64),
        1 => (16, be_u64(data, 8).ok_or(short)?),
        size => (8, u64::from(size)),
    };
    if size < header as u64 {
        return Err("a box is smaller than its header");
    }
    let size = usize::try_from(size)
        .ok()
        .filter(|size| *size <= data.len())
        .ok_or("a box runs past the end of its container")?;
    let one = BmffBox {
        kind,
        body: &data[header..size],
    };
    Ok((one, &data[size..]))
}

/// The first box of `kind` in `data`, if there is one.
fn find<'a>(data: &'a [u8], kind: &[u8; 4]) -> Result<Option<BmffBox<'a>>, &'static str> {
    Ok(boxes(data)?.into_iter().find(|one| &one.kind == kind))
}

/// A required child box, or why the file is not a HEIF image.
fn require<'a>(
    data: &'a [u8],
    kind: &[u8; 4],
    missing: &'static str,
) -> Result<&'a [u8], &'static str> {
    find(data, kind)?.map(|one| one.body).ok_or(missing)
}

/// A full box's version and the body after its version and flags.
fn full_box(body: &[u8]) -> Result<(u8, u32, &[u8]), &'static str> {
    let word = be_u32(body, 0).ok_or("a box is cut short")?;
    Ok(((word >> 24) as u8, word & 0x00FF_FFFF, &body[4..]))
}

/// Reads the primary item's size, rotation and mirroring from the container.
pub(crate) fn read_header(bytes: &[u8]) -> Result<HeifHeader, &'static str> {
    let (_, _, meta) = full_box(require(bytes, b"meta", "no meta box (not a HEIF image)")?)?;
    let primary = primary_item(require(meta, b"pitm", "no primary item (pitm)")?)?;
    let iprp = require(meta, b"iprp", "no item properties (iprp)")?;
    let properties = boxes(require(iprp, b"ipco", "no item properties (ipco)")?)?;
    let ipma = require(iprp, b"ipma", "no property associations (ipma)")?;
    let mut size = None;
    let mut header = HeifHeader {
        width: 0,
        height: 0,
        quarter_turns: 0,
        mirrored: false,
    };
    for index in associations(ipma, primary)? {
        let property = properties
            .get(usize::from(index) - 1)
            .ok_or("a property index is out of range")?;
        match &property.kind {
            b"ispe" if size.is_none() => size = Some(image_size(property.body)?),
            b"irot" => header.quarter_turns = first_byte(property.body)? & 0b11,
            b"imir" => header.mirrored = true,
            _ => {}
        }
    }
    (header.width, header.height) = size.ok_or("the primary image has no size (ispe)")?;
    Ok(header)
}

fn primary_item(pitm: &[u8]) -> Result<u32, &'static str> {
    let (version, _, body) = full_box(pitm)?;
    let id = if version == 0 {
        be_u16(body, 0).map(u32::from)
    } else {
        be_u32(body, 0)
    };
    id.ok_or("the primary item box is cut short")
}

/// The 1-based property indices associated with `item` (index 0, "none", is left out).
fn associations(ipma: &[u8], item: u32) -> Result<Vec<u16>, &'static str> {
    let short = "the property associations are cut short";
    let (version, flags, body) = full_box(ipma)?;
    let id_len = if version < 1 { 2 } else { 4 };
    let wide_index = flags & 1 == 1;
    let entries = be_u32(body, 0).ok_or(short)?;
    let mut at = 4;
    for _ in 0..entries {
        let id = if id_len == 2 {
            be_u16(body, at).map(u32::from)
        } else {
            be_u32(body, at)
        };
        let id = id.ok_or(short)?;
        let count = usize::from(*body.get(at + id_len).ok_or(short)?);
        at += id_len + 1;
        let index_len = if wide_index { 2 } else { 1 };
        let list = body.get(at..at + count * index_len).ok_or(short)?;
        if id == item {
            let indices = if wide_index {
                list.chunks_exact(2)
                    .map(|pair| u16::from_be_bytes([pair[0], pair[1]]) & 0x7FFF)
                    .collect::<Vec<_>>()
            } else {
                list.iter().map(|byte| u16::from(byte & 0x7F)).collect()
            };
            return Ok(indices.into_iter().filter(|index| *index > 0).collect());
        }
        at += list.len();
    }
    Err("the primary image has no properties")
}

fn image_size(ispe: &[u8]) -> Result<(u32, u32), &'static str> {
    let (_, _, body) = full_box(ispe)?;
    let short = "the image size box (ispe) is cut short";
    Ok((be_u32(body, 0).ok_or(short)?, be_u32(body, 4).ok_or(short)?))
}

fn first_byte(body: &[u8]) -> Result<u8, &'static str> {
    body.first().copied().ok_or("a property box is empty")
}

fn be_u16(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn be_u32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

fn be_u64(data: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_be_bytes(data.get(at..at + 8)?.try_into().ok()?))
}

// ---------------------------------------------------------------------------------------
// The system's converter

/// How a converter takes its input and output files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Arguments {
    /// `PROGRAM INPUT OUTPUT.png` (libheif's heif-dec and heif-convert).
    InputOutput,
    /// `sips -s format png INPUT --out OUTPUT.png` (macOS).
    Sips,
}

/// A converter found on this system.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Converter {
    program: PathBuf,
    arguments: Arguments,
}

/// Programs tried in order, by operating system.
#[cfg(target_os = "macos")]
const CONVERTERS: &[(&str, Arguments)] = &[
    ("sips", Arguments::Sips),
    ("heif-dec", Arguments::InputOutput),
    ("heif-convert", Arguments::InputOutput),
];
#[cfg(windows)]
const CONVERTERS: &[(&str, Arguments)] = &[
    ("heif-dec.exe", Arguments::InputOutput),
    ("heif-convert.exe", Arguments::InputOutput),
];
#[cfg(not(any(target_os = "macos", windows)))]
const CONVERTERS: &[(&str, Arguments)] = &[
    ("heif-dec", Arguments::InputOutput),
    ("heif-convert", Arguments::InputOutput),
];

/// What to install when no converter is found, by operating system.
#[cfg(target_os = "macos")]
const INSTALL_HINT: &str = "macOS' sips is missing from PATH (it lives in /usr/bin); \
     or install libheif (brew install libheif)";
#[cfg(windows)]
const INSTALL_HINT: &str = "install libheif's heif-dec.exe and put it on PATH \
     (vcpkg: vcpkg install libheif[tools]; MSYS2: pacman -S mingw-w64-ucrt-x86_64-libheif)";
#[cfg(target_os = "linux")]
const INSTALL_HINT: &str = "install libheif-examples (Debian/Ubuntu: sudo apt install \
     libheif-examples; Fedora: sudo dnf install libheif-tools; Arch: sudo pacman -S libheif)";
#[cfg(not(any(target_os = "macos", windows, target_os = "linux")))]
const INSTALL_HINT: &str = "install libheif with its tools (FreeBSD: pkg install libheif) \
     so that heif-dec or heif-convert is on PATH";

/// The converter named by [`DECODER_VARIABLE`], else the first of [`CONVERTERS`] on `PATH`.
fn find_converter() -> Option<Converter> {
    if let Some(program) = std::env::var_os(DECODER_VARIABLE).filter(|value| !value.is_empty()) {
        let program = PathBuf::from(program);
        let is_sips = program.file_stem() == Some(OsStr::new("sips"));
        let arguments = if is_sips {
            Arguments::Sips
        } else {
            Arguments::InputOutput
        };
        return Some(Converter { program, arguments });
    }
    let path = std::env::var_os("PATH")?;
    find_on_path(&path, CONVERTERS)
}

/// The first of `candidates` found as a file in one of `path`'s folders.
fn find_on_path(path: &OsStr, candidates: &[(&str, Arguments)]) -> Option<Converter> {
    let folders: Vec<PathBuf> = std::env::split_paths(path).collect();
    candidates.iter().find_map(|(name, arguments)| {
        folders
            .iter()
            .map(|folder| folder.join(name))
            .find(|program| is_program(program))
            .map(|program| Converter {
                program,
                arguments: *arguments,
            })
    })
}

#[cfg(unix)]
fn is_program(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .is_ok_and(|metadata| metadata.is_file() && metadata.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_program(path: &Path) -> bool {
    path.is_file()
}

/// Writes `bytes` to a private temporary folder, converts them to PNG there and returns the
/// PNG's bytes; the folder is removed whatever happens.
fn run_converter(
    converter: &Converter,
    bytes: &[u8],
    kind: ImageKind,
    timeout: Duration,
) -> Result<Vec<u8>, ImportError> {
    let failed = |message: String| ImportError::HeifDecoder {
        format: kind.name(),
        program: program_name(&converter.program),
        message,
    };
    let folder = private_folder().map_err(ImportError::Scratch)?;
    let input = folder.path().join(format!("photo.{}", kind.extension()));
    let output = folder.path().join("photo.png");
    let errors = folder.path().join("errors.txt");
    crate::store::private::create_private_file(&input)
        .and_then(|mut file| std::io::Write::write_all(&mut file, bytes))
        .map_err(ImportError::Scratch)?;
    let mut command = Command::new(&converter.program);
    command
        .args(arguments(converter.arguments, &input, &output))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(File::create(&errors).map_err(ImportError::Scratch)?);
    // In a process group of its own, so that whatever it starts ends with it.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command
        .spawn()
        .map_err(|error| failed(format!("cannot run it: {error}")))?;
    let waited = wait_or_kill(&mut child, timeout);
    end_process_group(&child);
    let status = waited
        .map_err(|error| failed(format!("cannot wait for it: {error}")))?
        .ok_or_else(|| failed(format!("it did not finish within {} s", timeout.as_secs())))?;
    if !status.success() {
        return Err(failed(
            first_line_of(&errors).unwrap_or_else(|| format!("it ended with {status}")),
        ));
    }
    let png = converted_file(folder.path(), &output)
        .ok_or_else(|| failed("it wrote no PNG".to_string()))?;
    std::fs::read(png).map_err(ImportError::Scratch)
}

/// A new temporary folder only its owner can enter (0700 on Unix), removed when dropped.
fn private_folder() -> std::io::Result<tempfile::TempDir> {
    let mut builder = tempfile::Builder::new();
    builder.prefix("tripjournal-heif-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o700));
    }
    builder.tempdir()
}

fn arguments(style: Arguments, input: &Path, output: &Path) -> Vec<OsString> {
    let (input, output) = (input.as_os_str().to_owned(), output.as_os_str().to_owned());
    match style {
        Arguments::InputOutput => vec![input, output],
        Arguments::Sips => vec![
            "-s".into(),
            "format".into(),
            "png".into(),
            input,
            "--out".into(),
            output,
        ],
    }
}

/// `output`, or where heif-convert writes the first image of a file holding several
/// (`photo-1.png`, …).
fn converted_file(folder: &Path, output: &Path) -> Option<PathBuf> {
    if output.is_file() {
        return Some(output.to_path_buf());
    }
    let mut numbered: Vec<PathBuf> = std::fs::read_dir(folder)
        .ok()?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.file_name()
                .and_then(OsStr::to_str)
                .is_some_and(|name| name.starts_with("photo-") && name.ends_with(".png"))
        })
        .collect();
    numbered.sort();
    numbered.into_iter().next()
}

/// Waits for `child`; `None` if it was still running after `timeout` (it is then killed).
fn wait_or_kill(child: &mut Child, timeout: Duration) -> std::io::Result<Option<ExitStatus>> {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if started.elapsed() >= timeout {
            end_process_group(child);
            child.kill()?;
            child.wait()?;
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Kills what is left of the converter's process group (the programs it started), whether
/// it finished or was stopped; a group already gone is fine.
#[cfg(unix)]
fn end_process_group(child: &Child) {
    let group = rustix::process::Pid::from_child(child);
    let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
}

#[cfg(not(unix))]
fn end_process_group(_child: &Child) {}

/// The first non-empty line the converter wrote to its error output (read bounded).
fn first_line_of(errors: &Path) -> Option<String> {
    let mut text = String::new();
    File::open(errors)
        .ok()?
        .take(4096)
        .read_to_string(&mut text)
        .ok()?;
    text.lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .map(|line| line.chars().filter(|c| !c.is_control()).collect())
}

fn program_name(program: &Path) -> String {
    program.file_name().map_or_else(
        || program.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bmff(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut out = ((body.len() + 8) as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(body);
        out
    }

    fn full(kind: &[u8; 4], version: u8, flags: u32, body: &[u8]) -> Vec<u8> {
        let mut content = (u32::from(version) << 24 | flags).to_be_bytes().to_vec();
        content.extend_from_slice(body);
        bmff(kind, &content)
    }

    fn ispe(width: u32, height: u32) -> Vec<u8> {
        let mut body = width.to_be_bytes().to_vec();
        body.extend_from_slice(&height.to_be_bytes());
        full(b"ispe", 0, 0, &body)
    }

    /// A HEIF file whose primary item 2 has the properties `indices` of `properties`
    /// (item 1, a tile, has property 1).
    fn heif(properties: &[Vec<u8>], indices: &[u8]) -> Vec<u8> {
        let mut ipma = 2u32.to_be_bytes().to_vec();
        ipma.extend_from_slice(&[0, 1, 1, 0x81]);
        ipma.extend_from_slice(&[0, 2, indices.len() as u8]);
        ipma.extend_from_slice(indices);
        let iprp = bmff(
            b"iprp",
            &[
                bmff(b"ipco", &properties.concat()),
                full(b"ipma", 0, 0, &ipma),
            ]
            .concat(),
        );
        let meta = full(
            b"meta",
            0,
            0,
            &[full(b"pitm", 0, 0, &[0, 2]), iprp].concat(),
        );
        [
            bmff(b"ftyp", b"heic\0\0\0\0mif1heic"),
            meta,
            bmff(b"mdat", b""),
        ]
        .concat()
    }

    #[test]
    fn the_primary_items_size_rotation_and_mirror_are_read() {
        let properties = [
            ispe(64, 64),
            ispe(4032, 3024),
            bmff(b"irot", &[1]),
            bmff(b"imir", &[0]),
        ];
        let header = read_header(&heif(&properties, &[2, 0x83, 4])).expect("reads");
        assert_eq!(
            header,
            HeifHeader {
                width: 4032,
                height: 3024,
                quarter_turns: 1,
                mirrored: true
            }
        );
        assert_eq!(header.upright_size(), (3024, 4032));
        let upside_down = read_header(&heif(&properties, &[0x82, 0x83])).expect("reads");
        let turned = HeifHeader {
            quarter_turns: 1,
            mirrored: false,
            ..header
        };
        assert_eq!(upside_down, turned);
        let half = read_header(&heif(&[ispe(40, 30), bmff(b"irot", &[2])], &[1, 2]));
        assert_eq!(half.map(|h| h.upright_size()), Ok((40, 30)));
    }

    #[test]
    fn wide_property_indices_and_32_bit_item_ids_are_read() {
        let mut ipma = 1u32.to_be_bytes().to_vec();
        ipma.extend_from_slice(&7u32.to_be_bytes());
        ipma.extend_from_slice(&[1, 0x80, 0x01]);
        let iprp = bmff(
            b"iprp",
            &[bmff(b"ipco", &ispe(10, 20)), full(b"ipma", 1, 1, &ipma)].concat(),
        );
        let pitm = full(b"pitm", 1, 0, &7u32.to_be_bytes());
        let file = full(b"meta", 0, 0, &[pitm, iprp].concat());
        assert_eq!(read_header(&file).map(|h| h.upright_size()), Ok((10, 20)));
    }

    #[test]
    fn garbled_containers_are_refused_without_panicking() {
        let good = heif(&[ispe(64, 48)], &[1]);
        assert!(read_header(&good).is_ok());
        for cut in 0..good.len() {
            let _ = read_header(&good[..cut]);
        }
        for at in 0..good.len() {
            for value in [0x00, 0x01, 0x7F, 0xFF] {
                let mut broken = good.clone();
                broken[at] = value;
                let _ = read_header(&broken);
            }
        }
        assert_eq!(read_header(b"hello"), Err("a box header is cut short"));
        assert!(read_header(&heif(&[ispe(64, 48)], &[5])).is_err());
        assert!(read_header(&heif(&[bmff(b"irot", &[1])], &[1])).is_err());
        let huge = [&[0, 0, 0, 1][..], b"meta", &u64::MAX.to_be_bytes()].concat();
        assert!(read_header(&huge).is_err());
        let many = bmff(b"free", b"").repeat(MAX_BOXES + 1);
        assert_eq!(read_header(&many), Err("too many boxes"));
    }

    #[test]
    fn converters_are_found_in_path_order_of_preference() {
        let first = tempfile::tempdir().expect("temp dir");
        let second = tempfile::tempdir().expect("temp dir");
        let table = [
            ("heif-dec", Arguments::InputOutput),
            ("sips", Arguments::Sips),
        ];
        let path = std::env::join_paths([first.path(), second.path()]).expect("joins");
        assert_eq!(find_on_path(&path, &table), None);
        let sips = second.path().join("sips");
        write_program(&sips, "exit 0");
        let found = find_on_path(&path, &table).expect("finds sips");
        assert_eq!((found.program, found.arguments), (sips, Arguments::Sips));
        let dec = second.path().join("heif-dec");
        write_program(&dec, "exit 0");
        assert_eq!(find_on_path(&path, &table).map(|c| c.program), Some(dec));
    }

    #[cfg(unix)]
    fn write_program(path: &Path, script: &str) {
        use std::os::unix::fs::PermissionsExt;
        std::fs::write(path, format!("#!/bin/sh\n{script}\n")).expect("writes");
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }

    #[cfg(not(unix))]
    fn write_program(path: &Path, script: &str) {
        std::fs::write(path, script).expect("writes");
    }

    #[cfg(unix)]
    fn fake(script: &str) -> (tempfile::TempDir, Converter) {
        let folder = tempfile::tempdir().expect("temp dir");
        let program = folder.path().join("heif-dec");
        write_program(&program, script);
        let converter = Converter {
            program,
            arguments: Arguments::InputOutput,
        };
        (folder, converter)
    }

    #[cfg(unix)]
    #[test]
    fn a_hanging_converter_is_killed_and_a_failing_one_is_quoted() {
        let (_folder, hangs) = fake("exec sleep 30");
        let started = Instant::now();
        let error = run_converter(&hangs, b"x", ImageKind::Heic, Duration::from_millis(300))
            .expect_err("times out");
        assert!(started.elapsed() < Duration::from_secs(10));
        assert!(error.to_string().contains("did not finish"), "{error}");
        let (_folder, fails) = fake("echo >&2; echo 'Could not read HEIF file' >&2; exit 1");
        let error =
            run_converter(&fails, b"x", ImageKind::Heic, CONVERT_TIMEOUT).expect_err("fails");
        assert_eq!(
            error.to_string(),
            "the HEIC decoder heif-dec failed: Could not read HEIF file"
        );
    }

    /// Whether a process is gone (or a zombie waiting only for its parent to read its end).
    #[cfg(target_os = "linux")]
    fn ended(pid: &str) -> bool {
        std::fs::read_to_string(format!("/proc/{pid}/stat")).map_or(true, |stat| {
            stat.rsplit_once(") ")
                .is_some_and(|(_, rest)| rest.starts_with('Z'))
        })
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_programs_a_converter_starts_end_with_it() {
        for script in [
            // Times out while its child still runs.
            "sleep 300 & echo $! > \"$0.child\"; sleep 300",
            // Finishes, leaving its child behind.
            "sleep 300 & echo $! > \"$0.child\"; exit 1",
        ] {
            let (folder, converter) = fake(script);
            let result = run_converter(
                &converter,
                b"x",
                ImageKind::Heic,
                Duration::from_millis(500),
            );
            assert!(result.is_err());
            let pid = std::fs::read_to_string(folder.path().join("heif-dec.child"))
                .expect("the fake converter started a child");
            let deadline = Instant::now() + Duration::from_secs(30);
            while !ended(pid.trim()) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(20));
            }
            assert!(
                ended(pid.trim()),
                "{script}: its child {} still runs",
                pid.trim()
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_input_lies_in_a_private_folder_that_is_removed_afterwards() {
        let (folder, copies) = fake(
            "stat -c %a \"$(dirname \"$1\")\" > \"$0.mode\"; echo \"$1\" > \"$0.input\"; \
             cp \"$1\" \"$2\"",
        );
        let png = run_converter(&copies, b"\x89PNG fake", ImageKind::Avif, CONVERT_TIMEOUT)
            .expect("converts");
        assert_eq!(png, b"\x89PNG fake");
        let read = |ending: &str| {
            std::fs::read_to_string(folder.path().join(format!("heif-dec.{ending}")))
                .expect("the fake converter wrote it")
        };
        assert_eq!(read("mode").trim(), "700");
        let input = PathBuf::from(read("input").trim());
        assert!(input.ends_with("photo.avif"), "{}", input.display());
        assert!(!input.exists() && input.parent().is_some_and(|dir| !dir.exists()));
    }
}
