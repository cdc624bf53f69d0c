//! Recognizes an image format by its first bytes, never by the file name.

use image::ImageFormat;

use super::ImportError;

/// A format this program decodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Jpeg,
    Png,
    WebP,
    Gif,
    /// HEIF with HEVC inside (iPhone photos), decoded by the system's converter.
    Heic,
    /// HEIF with AV1 inside, decoded where the system's converter can.
    Avif,
}

/// File name endings of the photos the import takes, for file pickers (the import itself
/// looks at the bytes, not the name).
pub const PHOTO_EXTENSIONS: [&str; 16] = [
    "jpg", "jpeg", "png", "webp", "gif", "heic", "heif", "avif", "JPG", "JPEG", "PNG", "WEBP",
    "GIF", "HEIC", "HEIF", "AVIF",
];

impl ImageKind {
    pub fn name(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "JPEG",
            ImageKind::Png => "PNG",
            ImageKind::WebP => "WebP",
            ImageKind::Gif => "GIF",
            ImageKind::Heic => "HEIC",
            ImageKind::Avif => "AVIF",
        }
    }

    pub fn mime_type(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Png => "image/png",
            ImageKind::WebP => "image/webp",
            ImageKind::Gif => "image/gif",
            ImageKind::Heic => "image/heic",
            ImageKind::Avif => "image/avif",
        }
    }

    /// The usual file name ending, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "jpg",
            ImageKind::Png => "png",
            ImageKind::WebP => "webp",
            ImageKind::Gif => "gif",
            ImageKind::Heic => "heic",
            ImageKind::Avif => "avif",
        }
    }

    /// Whether the image sits in a HEIF container and is decoded by the system's converter.
    pub fn is_heif(self) -> bool {
        matches!(self, ImageKind::Heic | ImageKind::Avif)
    }

    /// The `image` crate's decoder for this format; `None` for HEIF, which it cannot decode.
    pub(crate) fn image_format(self) -> Option<ImageFormat> {
        match self {
            ImageKind::Jpeg => Some(ImageFormat::Jpeg),
            ImageKind::Png => Some(ImageFormat::Png),
            ImageKind::WebP => Some(ImageFormat::WebP),
            ImageKind::Gif => Some(ImageFormat::Gif),
            ImageKind::Heic | ImageKind::Avif => None,
        }
    }
}

/// Tells which supported format `bytes` are, or why they cannot be imported.
pub fn sniff_format(bytes: &[u8]) -> Result<ImageKind, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(ImageKind::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(ImageKind::Png);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Ok(ImageKind::Gif);
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Ok(ImageKind::WebP);
    }
    if let Some(kind) = heif_kind(bytes) {
        return Ok(kind);
    }
    if let Some(name) = unsupported_format_name(bytes) {
        return Err(ImportError::Unsupported(name.to_string()));
    }
    Err(ImportError::NotAnImage)
}

/// Brands (in `ftyp`) of HEIF files holding AV1 images.
const AVIF_BRANDS: [&[u8; 4]; 2] = [b"avif", b"avis"];
/// Brands of HEIF files holding HEVC images, or of HEIF in general.
const HEIC_BRANDS: [&[u8; 4]; 10] = [
    b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1",
];

/// HEIC or AVIF, told by the major and compatible brands of the leading `ftyp` box (a file
/// branded `mif1` with `avif` among its compatible brands is AVIF).
fn heif_kind(bytes: &[u8]) -> Option<ImageKind> {
    if bytes.len() < 12 || &bytes[4..8] != b"ftyp" {
        return None;
    }
    let declared = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
    let ftyp = &bytes[..declared.clamp(12, bytes.len().min(256))];
    // Major brand, then (after the minor version) the compatible brands.
    let brands: Vec<&[u8]> = std::iter::once(&ftyp[8..12])
        .chain(ftyp.get(16..).unwrap_or_default().chunks_exact(4))
        .collect();
    let has = |known: &[&[u8; 4]]| brands.iter().any(|brand| known.iter().any(|k| k == brand));
    if has(&AVIF_BRANDS) {
        Some(ImageKind::Avif)
    } else if has(&HEIC_BRANDS) {
        Some(ImageKind::Heic)
    } else {
        None
    }
}

/// Names well-known image formats that are not supported, so the user learns what the file is.
fn unsupported_format_name(bytes: &[u8]) -> Option<&'static str> {
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        return (brand == b"crx ").then_some("Canon CR3 raw");
    }
    let known: [(&[u8], &'static str); 9] = [
        (b"BM", "BMP"),
        (b"II*\0", "TIFF"),
        (b"MM\0*", "TIFF"),
        (b"%PDF", "PDF"),
        (b"\0\0\x01\0", "ICO"),
        (b"8BPS", "Photoshop PSD"),
        (b"\xff\x0a", "JPEG XL"),
        (b"\0\0\0\x0cJXL ", "JPEG XL"),
        (b"qoif", "QOI"),
    ];
    known
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_content() {
        assert_eq!(
            sniff_format(&[0xFF, 0xD8, 0xFF, 0xE0]).ok(),
            Some(ImageKind::Jpeg)
        );
        assert_eq!(
            sniff_format(b"\x89PNG\r\n\x1a\n....").ok(),
            Some(ImageKind::Png)
        );
        assert_eq!(
            sniff_format(b"RIFF\0\0\0\0WEBPVP8 ").ok(),
            Some(ImageKind::WebP)
        );
        assert!(matches!(sniff_format(b""), Err(ImportError::Empty)));
        assert!(matches!(
            sniff_format(b"hello world"),
            Err(ImportError::NotAnImage)
        ));
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        assert_eq!(sniff_format(heic).ok(), Some(ImageKind::Heic));
        let avif = b"\0\0\0\x1cftypmif1\0\0\0\0mif1avifmiaf";
        assert_eq!(sniff_format(avif).ok(), Some(ImageKind::Avif));
        let cut = b"\xff\xff\xff\xffftypmif1\0\0";
        assert_eq!(sniff_format(cut).ok(), Some(ImageKind::Heic));
        match sniff_format(b"\0\0\0\x14ftypcrx \0\0\0\x01crx ") {
            Err(ImportError::Unsupported(name)) => assert_eq!(name, "Canon CR3 raw"),
            other => panic!("expected CR3 to be named, got {other:?}"),
        }
    }
}
