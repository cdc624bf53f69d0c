//! Web-ready images: upright, long edge at most the chosen width, never upscaled, JPEG (PNG
//! when the photo has transparency), with no metadata unless the user keeps GPS.
//!
//! The stored 1600 px preview is reused whenever it is large enough, so most exports never
//! decode an original again.

use std::io::Cursor;

use exif::experimental::Writer as ExifWriter;
use exif::{Field, In, Rational, Tag, Value};
use image::codecs::png::PngEncoder;
use image::{DynamicImage, ImageEncoder};

use super::plan::PlannedImage;
use crate::model::{GpsPosition, Photo};
use crate::photos::{
    ImportError, PREVIEW_LONG_EDGE, PhotoLimits, decode_upright, encode_web_jpeg, fitted_size,
};
use crate::store::{PhotoBytes, Store, StoreError};

/// Quality of exported JPEGs: good for the web, a fraction of the original's size.
const WEB_JPEG_QUALITY: u8 = 85;

/// Whether a stored photo has transparent pixels (only PNG, WebP and GIF can).
pub(crate) fn has_transparency(store: &Store, photo: &Photo) -> Result<bool, ImageJobError> {
    if !matches!(
        photo.metadata.mime_type.as_str(),
        "image/png" | "image/webp" | "image/gif"
    ) {
        return Ok(false);
    }
    let original = store.photo_bytes(photo.id, PhotoBytes::Original)?;
    let decoded = decode_upright(&original, PREVIEW_LONG_EDGE, &PhotoLimits::default())?;
    Ok(match decoded {
        DynamicImage::ImageRgba8(pixels) => pixels.pixels().any(|p| p[3] < 255),
        _ => false,
    })
}

/// Errors of one image, mapped by the caller to the photo they concern.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ImageJobError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Image(#[from] ImportError),
}

/// The pixel size [`web_image`] writes a photo at for `max_width`: fitted into it, and, below
/// the stored preview's size, fitted from that preview (as the image is made from it).
pub(crate) fn web_image_size(photo: &Photo, max_width: u32, as_png: bool) -> (u32, u32) {
    let (width, height) = (photo.metadata.width, photo.metadata.height);
    let long_edge = width.max(height);
    let target = max_width.min(long_edge);
    if !as_png && target < long_edge.min(PREVIEW_LONG_EDGE) {
        let (preview_width, preview_height) = fitted_size(width, height, PREVIEW_LONG_EDGE);
        return fitted_size(preview_width, preview_height, target);
    }
    fitted_size(width, height, target)
}

/// The bytes of one exported image.
pub(crate) fn web_image(
    store: &Store,
    planned: &PlannedImage,
    max_width: u32,
    keep_gps: bool,
) -> Result<Vec<u8>, ImageJobError> {
    let photo = &planned.photo;
    let long_edge = photo.metadata.width.max(photo.metadata.height);
    let target = max_width.min(long_edge);
    if planned.as_png {
        let original = store.photo_bytes(photo.id, PhotoBytes::Original)?;
        let image = decode_upright(&original, target, &PhotoLimits::default())?.into_rgba8();
        let mut bytes = Vec::new();
        PngEncoder::new(&mut bytes)
            .write_image(
                image.as_raw(),
                image.width(),
                image.height(),
                image::ExtendedColorType::Rgba8,
            )
            .map_err(|error| ImportError::Derive(error.to_string()))?;
        return Ok(bytes);
    }
    let preview_edge = long_edge.min(PREVIEW_LONG_EDGE);
    let jpeg = if target == preview_edge {
        // The stored preview is exactly what is wanted: upright, sized, metadata-free.
        store.photo_bytes(photo.id, PhotoBytes::Preview)?
    } else if target < preview_edge {
        let preview = store.photo_bytes(photo.id, PhotoBytes::Preview)?;
        let image = decode_upright(&preview, target, &PhotoLimits::default())?.into_rgb8();
        encode_web_jpeg(&image, WEB_JPEG_QUALITY)?
    } else {
        let original = store.photo_bytes(photo.id, PhotoBytes::Original)?;
        let image = decode_upright(&original, target, &PhotoLimits::default())?;
        encode_web_jpeg(&flatten(image), WEB_JPEG_QUALITY)?
    };
    match (keep_gps, photo.metadata.gps) {
        (true, Some(gps)) => Ok(with_gps(&jpeg, gps)),
        _ => Ok(jpeg),
    }
}

fn flatten(image: DynamicImage) -> image::RgbImage {
    image.into_rgb8()
}

/// Degrees as EXIF's degrees/minutes/seconds rationals.
fn dms(value: f64) -> Vec<Rational> {
    let value = value.abs();
    let degrees = value.floor();
    let minutes = ((value - degrees) * 60.0).floor();
    let seconds = ((value - degrees) * 60.0 - minutes) * 60.0;
    vec![
        Rational::from((degrees as u32, 1)),
        Rational::from((minutes as u32, 1)),
        Rational::from(((seconds * 10_000.0).round() as u32, 10_000)),
    ]
}

/// Inserts an EXIF segment holding only the GPS position right after the JPEG's SOI marker.
/// If the segment cannot be built the image is returned unchanged (without GPS).
fn with_gps(jpeg: &[u8], gps: GpsPosition) -> Vec<u8> {
    let fields = [
        Field {
            tag: Tag::GPSLatitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![if gps.latitude < 0.0 {
                b"S".to_vec()
            } else {
                b"N".to_vec()
            }]),
        },
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: Value::Rational(dms(gps.latitude)),
        },
        Field {
            tag: Tag::GPSLongitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![if gps.longitude < 0.0 {
                b"W".to_vec()
            } else {
                b"E".to_vec()
            }]),
        },
        Field {
            tag: Tag::GPSLongitude,
            ifd_num: In::PRIMARY,
            value: Value::Rational(dms(gps.longitude)),
        },
    ];
    let mut writer = ExifWriter::new();
    for field in &fields {
        writer.push_field(field);
    }
    let mut tiff = Cursor::new(Vec::new());
    if writer.write(&mut tiff, false).is_err() || jpeg.len() < 2 {
        return jpeg.to_vec();
    }
    let tiff = tiff.into_inner();
    let segment_length = tiff.len() + 2 + 6;
    let Ok(length) = u16::try_from(segment_length) else {
        return jpeg.to_vec();
    };
    let mut out = Vec::with_capacity(jpeg.len() + segment_length + 2);
    out.extend_from_slice(&jpeg[..2]);
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(&tiff);
    out.extend_from_slice(&jpeg[2..]);
    out
}
