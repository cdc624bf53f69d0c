//! From a file's bytes to a stored photo: checks, safe decoding, and the upright preview and
//! thumbnail that the app and the export show.
//!
//! Downscaling happens before rotation (rotating a 12 MP image costs more than scaling it) and
//! uses fast_image_resize; derivatives are baseline JPEGs with no metadata at all.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use fast_image_resize::images::Image as ResizeImage;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::codecs::jpeg::JpegEncoder;
use image::metadata::Orientation;
use image::{DynamicImage, ImageReader, Limits, RgbImage, RgbaImage};

use super::ImportError;
use super::exif_data::{ExifSummary, read_exif};
use super::format::{ImageKind, sniff_format};
use super::heif;
use super::jpeg_scaled::decode_scaled;
use super::orient::upright;
use crate::model::PhotoMetadata;
use crate::store::hex_sha256;

/// Long edge of the stored display preview, in pixels.
pub const PREVIEW_LONG_EDGE: u32 = 1600;
/// Long edge of the stored thumbnail, in pixels.
pub const THUMBNAIL_LONG_EDGE: u32 = 256;

/// JPEG quality of the stored preview.
pub const PREVIEW_QUALITY: u8 = 85;
const THUMBNAIL_QUALITY: u8 = 80;

/// Limits that protect the process from hostile or absurd files.
#[derive(Debug, Clone, Copy)]
pub struct PhotoLimits {
    /// Images whose header declares more pixels are refused before decoding.
    pub max_pixels: u64,
    /// Files larger than this are refused before reading them whole.
    pub max_file_bytes: u64,
}

impl Default for PhotoLimits {
    fn default() -> Self {
        PhotoLimits {
            max_pixels: 100_000_000,
            max_file_bytes: 512 * 1024 * 1024,
        }
    }
}

/// A decoded photo, ready to be stored.
#[derive(Debug, Clone)]
pub struct PreparedPhoto {
    pub metadata: PhotoMetadata,
    pub original: Vec<u8>,
    pub preview_jpeg: Vec<u8>,
    pub thumbnail_jpeg: Vec<u8>,
}

/// Checks, decodes and derives one photo from its bytes.
pub fn prepare_photo(
    original: Vec<u8>,
    original_name: &str,
    limits: &PhotoLimits,
) -> Result<PreparedPhoto, ImportError> {
    let kind = sniff_format(&original)?;
    let sha256 = hex_sha256(&original);
    let exif = guarded(kind, || Ok(read_exif(&original))).unwrap_or_default();
    let orientation = exif_orientation(kind, &exif);
    let (preview, thumbnail, width, height) = guarded(kind, || {
        derive_previews(&original, kind, orientation, limits)
    })?;
    let preview_jpeg = encode_jpeg(&preview, PREVIEW_QUALITY)?;
    let thumbnail_jpeg = encode_jpeg(&thumbnail, THUMBNAIL_QUALITY)?;
    Ok(PreparedPhoto {
        metadata: PhotoMetadata {
            sha256,
            mime_type: kind.mime_type().to_string(),
            width,
            height,
            taken_at: exif.taken_at,
            gps: exif.gps,
            camera_model: exif.camera_model,
            original_name: original_name.to_string(),
            byte_size: original.len() as u64,
        },
        original,
        preview_jpeg,
        thumbnail_jpeg,
    })
}

/// Decodes an image and returns it upright, its long edge at most `max_long_edge` (never
/// upscaled). Transparency is kept (RGBA) when the image has any.
pub fn decode_upright(
    bytes: &[u8],
    max_long_edge: u32,
    limits: &PhotoLimits,
) -> Result<DynamicImage, ImportError> {
    let kind = sniff_format(bytes)?;
    let exif = guarded(kind, || Ok(read_exif(bytes))).unwrap_or_default();
    guarded(kind, || {
        let decoded = decode_checked(bytes, kind, limits, max_long_edge)?.image;
        let mut scaled = if decoded.color().has_alpha() {
            DynamicImage::ImageRgba8(downscale_rgba(decoded.to_rgba8(), max_long_edge)?)
        } else {
            DynamicImage::ImageRgb8(downscale_rgb(decoded.to_rgb8(), max_long_edge)?)
        };
        if let Some(orientation) = exif_orientation(kind, &exif).and_then(Orientation::from_exif) {
            scaled.apply_orientation(orientation);
        }
        Ok(scaled)
    })
}

/// Runs decoder work so that a panic inside it becomes an error for this one file.
fn guarded<T>(
    kind: ImageKind,
    work: impl FnOnce() -> Result<T, ImportError>,
) -> Result<T, ImportError> {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or(Err(ImportError::DecoderPanicked {
        format: kind.name(),
    }))
}

/// The EXIF orientation to apply. HEIF files carry theirs in the container (`irot`, `imir`),
/// which the converter has applied; their EXIF tag is ignored, as the HEIF specification says.
fn exif_orientation(kind: ImageKind, exif: &ExifSummary) -> Option<u8> {
    if kind.is_heif() {
        None
    } else {
        exif.orientation
    }
}

/// A decoded image and the size of the whole photo (a JPEG decoded at a scale is smaller).
struct Decoded {
    image: DynamicImage,
    full_size: (u32, u32),
}

/// Decodes after checking the declared size against the pixel limit, a JPEG scaled down in
/// its decoder when `long_edge` is at most half its size (see `jpeg_scaled`). HEIF goes
/// through the system's converter (after its own size check) and then decodes as the PNG it
/// made.
fn decode_checked(
    bytes: &[u8],
    kind: ImageKind,
    limits: &PhotoLimits,
    long_edge: u32,
) -> Result<Decoded, ImportError> {
    let Some(format) = kind.image_format() else {
        let png = heif::convert_to_png(bytes, kind, limits)?;
        return decode_checked(&png, ImageKind::Png, limits, long_edge);
    };
    let damaged = |error: image::ImageError| ImportError::Damaged {
        format: kind.name(),
        message: first_line(&error.to_string()),
    };
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(damaged)?;
    let pixels = u64::from(width) * u64::from(height);
    if pixels > limits.max_pixels || width == 0 || height == 0 {
        return Err(ImportError::TooManyPixels {
            width,
            height,
            limit_megapixels: limits.max_pixels / 1_000_000,
        });
    }
    if kind == ImageKind::Jpeg && !jpeg_has_end(bytes) {
        return Err(ImportError::Damaged {
            format: kind.name(),
            message: "the file ends before the image does (truncated)".to_string(),
        });
    }
    let full_size = (width, height);
    if kind == ImageKind::Jpeg
        && let Some(image) = decode_scaled(bytes, full_size, long_edge)?
    {
        return Ok(Decoded { image, full_size });
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut decode_limits = Limits::default();
    decode_limits.max_image_width = Some(width);
    decode_limits.max_image_height = Some(height);
    // Room for a 16-bit RGBA decode plus the decoder's own buffers.
    decode_limits.max_alloc = Some(pixels.saturating_mul(8).saturating_add(64 * 1024 * 1024));
    reader.limits(decode_limits);
    let image = reader.decode().map_err(damaged)?;
    Ok(Decoded { image, full_size })
}

/// Whether a JPEG's entropy-coded data is followed by an end-of-image marker, i.e. the file
/// was not cut short. Markers before the first scan (EXIF thumbnails included) are skipped.
fn jpeg_has_end(bytes: &[u8]) -> bool {
    let mut offset = 2;
    while offset + 4 <= bytes.len() {
        if bytes[offset] != 0xFF {
            return false;
        }
        let marker = bytes[offset + 1];
        if marker == 0xFF {
            offset += 1;
            continue;
        }
        let length = usize::from(u16::from_be_bytes([bytes[offset + 2], bytes[offset + 3]]));
        if marker == 0xDA {
            let scan = &bytes[offset + 2..];
            // From the end: the marker is almost always in the last bytes.
            return scan.windows(2).rev().any(|pair| pair == [0xFF, 0xD9]);
        }
        offset += 2 + length;
    }
    false
}

/// Makes the preview and thumbnail (upright) and returns them with the upright size.
fn derive_previews(
    bytes: &[u8],
    kind: ImageKind,
    exif_orientation: Option<u8>,
    limits: &PhotoLimits,
) -> Result<(RgbImage, RgbImage, u32, u32), ImportError> {
    let decoded = decode_checked(bytes, kind, limits, PREVIEW_LONG_EDGE)?;
    let (width, height) = decoded.full_size;
    let flat = flatten_on_white(decoded.image);
    let preview = downscale_rgb(flat, PREVIEW_LONG_EDGE)?;
    let thumbnail = downscale_rgb(preview.clone(), THUMBNAIL_LONG_EDGE)?;
    let (preview, thumbnail) = match exif_orientation {
        Some(code) => (upright(preview, code), upright(thumbnail, code)),
        None => (preview, thumbnail),
    };
    let swaps_sides = matches!(exif_orientation, Some(5..=8));
    let (upright_width, upright_height) = if swaps_sides {
        (height, width)
    } else {
        (width, height)
    };
    Ok((preview, thumbnail, upright_width, upright_height))
}

/// RGB pixels, with any transparency composited over white (JPEG has no alpha).
fn flatten_on_white(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    let (width, height) = rgba.dimensions();
    let mut flat = RgbImage::new(width, height);
    for (target, source) in flat.pixels_mut().zip(rgba.pixels()) {
        let alpha = u32::from(source[3]);
        for channel in 0..3 {
            let value = u32::from(source[channel]) * alpha + 255 * (255 - alpha);
            target[channel] = ((value + 127) / 255) as u8;
        }
    }
    flat
}

/// The size that fits `long_edge` keeping the aspect ratio, never larger than the original.
pub(crate) fn fitted_size(width: u32, height: u32, long_edge: u32) -> (u32, u32) {
    let longest = width.max(height);
    if longest <= long_edge {
        return (width, height);
    }
    let scale = f64::from(long_edge) / f64::from(longest);
    let scaled = |side: u32| ((f64::from(side) * scale).round() as u32).max(1);
    (scaled(width), scaled(height))
}

fn resize_error(error: impl std::fmt::Display) -> ImportError {
    ImportError::Derive(error.to_string())
}

/// Fits an RGB image into `long_edge` with Lanczos3 (never upscaling): how previews are
/// resized, and the reference the quality checks measure against.
pub fn downscale_rgb(image: RgbImage, long_edge: u32) -> Result<RgbImage, ImportError> {
    downscale(image, long_edge, PixelType::U8x3)
}

fn downscale_rgba(image: RgbaImage, long_edge: u32) -> Result<RgbaImage, ImportError> {
    downscale(image, long_edge, PixelType::U8x4)
}

/// Fits an 8-bit image into `long_edge` (never upscaling); `pixel_type` matches `P`.
fn downscale<P: image::Pixel<Subpixel = u8>>(
    image: image::ImageBuffer<P, Vec<u8>>,
    long_edge: u32,
    pixel_type: PixelType,
) -> Result<image::ImageBuffer<P, Vec<u8>>, ImportError> {
    let (width, height) = image.dimensions();
    let (target_width, target_height) = fitted_size(width, height, long_edge);
    if (target_width, target_height) == (width, height) {
        return Ok(image);
    }
    let pixels = resize_raw(
        image.into_raw(),
        width,
        height,
        target_width,
        target_height,
        pixel_type,
    )?;
    image::ImageBuffer::from_raw(target_width, target_height, pixels)
        .ok_or_else(|| resize_error("resized buffer has the wrong size"))
}

fn resize_raw(
    pixels: Vec<u8>,
    width: u32,
    height: u32,
    target_width: u32,
    target_height: u32,
    pixel_type: PixelType,
) -> Result<Vec<u8>, ImportError> {
    let source =
        ResizeImage::from_vec_u8(width, height, pixels, pixel_type).map_err(resize_error)?;
    let mut target = ResizeImage::new(target_width, target_height, pixel_type);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(&source, &mut target, &options)
        .map_err(resize_error)?;
    Ok(target.into_vec())
}

/// Encodes RGB pixels as a baseline JPEG without any metadata. jpeg-encoder (SIMD where the
/// CPU has it) is several times faster than `image`'s encoder; `image`'s is kept for sides
/// beyond JPEG's 65,535 pixels, which jpeg-encoder cannot take.
pub(crate) fn encode_jpeg(image: &RgbImage, quality: u8) -> Result<Vec<u8>, ImportError> {
    let (width, height) = image.dimensions();
    let mut bytes = Vec::new();
    if let (Ok(width), Ok(height)) = (u16::try_from(width), u16::try_from(height)) {
        jpeg_encoder::Encoder::new(&mut bytes, quality)
            .encode(image.as_raw(), width, height, jpeg_encoder::ColorType::Rgb)
            .map_err(|error| ImportError::Derive(first_line(&error.to_string())))?;
        return Ok(bytes);
    }
    JpegEncoder::new_with_quality(&mut bytes, quality)
        .encode_image(image)
        .map_err(|error| ImportError::Derive(first_line(&error.to_string())))?;
    Ok(bytes)
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or("").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_never_upscales_and_keeps_the_ratio() {
        assert_eq!(fitted_size(4032, 3024, 1600), (1600, 1200));
        assert_eq!(fitted_size(3024, 4032, 256), (192, 256));
        assert_eq!(fitted_size(100, 50, 1600), (100, 50));
        assert_eq!(fitted_size(10000, 1, 256), (256, 1));
    }

    #[test]
    fn truncated_jpeg_scan_is_detected() {
        let mut image = RgbImage::new(64, 64);
        for (x, y, pixel) in image.enumerate_pixels_mut() {
            *pixel = image::Rgb([(x * 4) as u8, (y * 4) as u8, ((x ^ y) * 4) as u8]);
        }
        let jpeg = encode_jpeg(&image, 90).expect("encodes");
        assert!(jpeg_has_end(&jpeg));
        assert!(!jpeg_has_end(&jpeg[..jpeg.len() / 2]));
    }
}
