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
}

impl ImageKind {
    pub fn name(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "JPEG",
            ImageKind::Png => "PNG",
            ImageKind::WebP => "WebP",
            ImageKind::Gif => "GIF",
        }
    }

    pub fn mime_type(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Png => "image/png",
            ImageKind::WebP => "image/webp",
            ImageKind::Gif => "image/gif",
        }
    }

    pub(crate) fn image_format(self) -> ImageFormat {
        match self {
            ImageKind::Jpeg => ImageFormat::Jpeg,
            ImageKind::Png => ImageFormat::Png,
            ImageKind::WebP => ImageFormat::WebP,
            ImageKind::Gif => ImageFormat::Gif,
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
    if let Some(name) = unsupported_format_name(bytes) {
        return Err(ImportError::Unsupported(name.to_string()));
    }
    Err(ImportError::NotAnImage)
}

/// Names well-known image formats that are not supported, so the user learns what the file is.
fn unsupported_format_name(bytes: &[u8]) -> Option<&'static str> {
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        return Some(match brand {
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"hevm" | b"hevs"
            | b"mif1" | b"msf1" => "HEIC",
            b"avif" | b"avis" => "AVIF",
            b"crx " => "Canon CR3 raw",
            _ => return None,
        });
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
        match sniff_format(heic) {
            Err(ImportError::Unsupported(name)) => assert_eq!(name, "HEIC"),
            other => panic!("expected HEIC to be named, got {other:?}"),
        }
    }
}
