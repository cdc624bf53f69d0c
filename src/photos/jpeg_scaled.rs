//! JPEG decoding at the size that is needed: when a preview is at most half the photo's size,
//! the decoder scales inside its inverse DCT (`jpeg-decoder`'s 1/2, 1/4 and 1/8 scales, as
//! libjpeg's "shrink-on-load" does), picking the smallest scale that still covers the target,
//! so most pixels are never made; a Lanczos3 resize then gives the exact size. Photos that
//! need their full size, and pixel formats this path does not take (16-bit grey, CMYK), go
//! through the full decoder instead (`None`).

use std::io::Cursor;

use image::{DynamicImage, GrayImage, RgbImage};
use jpeg_decoder::{Decoder, PixelFormat};

use super::ImportError;
use super::derive::fitted_size;
use super::jpeg_baseline;

/// Decodes a JPEG (already checked against the pixel limit and for truncation) at the
/// smallest of ½, ¼ and ⅛ that is still [`MARGIN`] times the size of `width`×`height` fitted
/// into `long_edge`. Baseline JPEGs take the fast decoder (`jpeg_baseline`), others
/// `jpeg-decoder`'s scaled IDCT. `None` when no scale leaves that margin or the format is not
/// one these take (CMYK, 16-bit grey): the caller decodes the whole photo.
pub(super) fn decode_scaled(
    bytes: &[u8],
    (width, height): (u32, u32),
    long_edge: u32,
) -> Result<Option<DynamicImage>, ImportError> {
    let (target_width, target_height) = fitted_size(width, height, long_edge);
    let Some(denominator) = reduction(width, height, target_width, target_height) else {
        return Ok(None);
    };
    if let Some(scaled) = jpeg_baseline::decode(bytes, (width, height), denominator) {
        let image = RgbImage::from_raw(scaled.width, scaled.height, scaled.pixels);
        return Ok(image.map(DynamicImage::ImageRgb8));
    }
    let request = |side: u32| u16::try_from(side.div_ceil(denominator as u32));
    let (Ok(request_width), Ok(request_height)) = (request(width), request(height)) else {
        return Ok(None);
    };
    let damaged = |error: jpeg_decoder::Error| ImportError::Damaged {
        format: "JPEG",
        message: error.to_string().lines().next().unwrap_or("").to_string(),
    };
    let mut decoder = Decoder::new(Cursor::new(bytes));
    let (out_width, out_height) = decoder
        .scale(request_width, request_height)
        .map_err(damaged)?;
    let (out_width, out_height) = (u32::from(out_width), u32::from(out_height));
    let covers = out_width >= u32::from(request_width) && out_height >= u32::from(request_height);
    let format = decoder.info().map(|info| info.pixel_format);
    if !covers
        || out_width >= width
        || !matches!(format, Some(PixelFormat::RGB24 | PixelFormat::L8))
    {
        return Ok(None);
    }
    // The scaled output and the decoder's own buffers, with room to spare.
    let budget = u64::from(out_width) * u64::from(out_height) * 8 + 64 * 1024 * 1024;
    decoder.set_max_decoding_buffer_size(usize::try_from(budget).unwrap_or(usize::MAX));
    let pixels = decoder.decode().map_err(damaged)?;
    let image = match format {
        Some(PixelFormat::L8) => GrayImage::from_raw(out_width, out_height, pixels)
            .map(|grey| DynamicImage::ImageRgb8(DynamicImage::ImageLuma8(grey).into_rgb8())),
        _ => RgbImage::from_raw(out_width, out_height, pixels).map(DynamicImage::ImageRgb8),
    };
    image.map(Some).ok_or_else(|| ImportError::Damaged {
        format: "JPEG",
        message: "the decoder returned fewer pixels than the image has".to_string(),
    })
}

/// How much larger than the target a scaled decode must stay. At an exact ½ or ¼ the DCT
/// scaling is the whole resize, and its box-like response is softer than Lanczos3 (1.9 dB
/// lower PSNR on the 64 px fixture, 0.16 dB on a 12 MP photo); with a Lanczos3 step of at
/// least this factor after it, the difference is gone (measured: 0.01 dB at 1.25). 12 MP
/// (4032 → 2016) and 48 MP (8000 → 2000) photos still decode scaled for a 1,600 px preview.
const MARGIN: (u32, u32) = (5, 4);

/// The largest of ½, ¼ and ⅛ (as its denominator) at which the photo still covers the
/// target with the margin.
fn reduction(width: u32, height: u32, target_width: u32, target_height: u32) -> Option<usize> {
    let (times, over) = MARGIN;
    let covers = |side: u32, target: u32| {
        u64::from(side) * u64::from(over) >= u64::from(target) * u64::from(times)
    };
    [8u32, 4, 2]
        .into_iter()
        .find(|&denominator| {
            covers(width.div_ceil(denominator), target_width)
                && covers(height.div_ceil(denominator), target_height)
        })
        .map(|denominator| denominator as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photos::{PREVIEW_LONG_EDGE, PhotoLimits, prepare_photo};
    use image::metadata::Orientation;

    /// A "painted" photo: smooth colour fields with fine noise, like a camera's output.
    fn painted(width: u32, height: u32) -> RgbImage {
        let mut state: u32 = 0x2545_f491;
        RgbImage::from_fn(width, height, |x, y| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let noise = (state % 24) as i32 - 12;
            let base = [
                (x * 255 / width) as i32,
                (y * 255 / height) as i32,
                (((x / 97) ^ (y / 61)) % 2 * 120 + 60) as i32,
            ];
            image::Rgb(base.map(|value| (value + noise).clamp(0, 255) as u8))
        })
    }

    fn encoded(
        image: &RgbImage,
        configure: impl Fn(&mut jpeg_encoder::Encoder<&mut Vec<u8>>),
    ) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut encoder = jpeg_encoder::Encoder::new(&mut bytes, 92);
        configure(&mut encoder);
        let (width, height) = image.dimensions();
        encoder
            .encode(
                image.as_raw(),
                width as u16,
                height as u16,
                jpeg_encoder::ColorType::Rgb,
            )
            .expect("encodes");
        bytes
    }

    fn psnr(a: &RgbImage, b: &RgbImage) -> f64 {
        assert_eq!(a.dimensions(), b.dimensions());
        crate::photos::psnr(a.as_raw(), b.as_raw())
    }

    fn reference_fit(image: RgbImage, long_edge: u32) -> RgbImage {
        crate::photos::downscale_rgb(image, long_edge).expect("resizes")
    }

    fn decoded(jpeg: &[u8]) -> RgbImage {
        image::load_from_memory(jpeg).expect("decodes").into_rgb8()
    }

    #[test]
    fn the_scaled_preview_is_as_good_as_a_full_decode_and_lanczos() {
        let photo = painted(4000, 3000);
        let original = encoded(&photo, |_| {});
        let scaled = decode_scaled(&original, (4000, 3000), PREVIEW_LONG_EDGE)
            .expect("decodes")
            .expect("a 12 MP photo is decoded at a scale");
        assert_eq!((scaled.width(), scaled.height()), (2000, 1500));

        // The reference: the whole photo decoded, then Lanczos3 to the preview's size; today's
        // path stored exactly that as a JPEG.
        let reference = reference_fit(decoded(&original), 1600);
        let full_path = decoded(
            &crate::photos::encode_web_jpeg(&reference, crate::photos::PREVIEW_QUALITY)
                .expect("jpeg"),
        );
        let prepared = prepare_photo(original, "p.jpg", &PhotoLimits::default()).expect("import");
        assert_eq!(
            (prepared.metadata.width, prepared.metadata.height),
            (4000, 3000)
        );
        let preview = decoded(&prepared.preview_jpeg);
        let (full_db, scaled_db) = (psnr(&full_path, &reference), psnr(&preview, &reference));
        println!(
            "preview against full decode + Lanczos3: scaled {scaled_db:.2} dB, full {full_db:.2} dB"
        );
        assert!(
            scaled_db >= full_db - 0.5,
            "the scaled preview measures {scaled_db:.2} dB, the full decode's {full_db:.2} dB"
        );
    }

    #[test]
    fn progressive_and_every_subsampling_take_the_scaled_path() {
        let photo = painted(1200, 900);
        for sampling in [
            jpeg_encoder::SamplingFactor::R_4_2_0,
            jpeg_encoder::SamplingFactor::R_4_2_2,
            jpeg_encoder::SamplingFactor::R_4_4_4,
        ] {
            for progressive in [false, true] {
                let bytes = encoded(&photo, |encoder| {
                    encoder.set_sampling_factor(sampling);
                    encoder.set_progressive(progressive);
                });
                let image = decode_scaled(&bytes, (1200, 900), 240)
                    .expect("decodes")
                    .expect("scaled");
                assert_eq!((image.width(), image.height()), (300, 225), "{sampling:?}");
                let small = reference_fit(decoded(&bytes), 300);
                let db = psnr(&image.into_rgb8(), &small);
                assert!(
                    db > 30.0,
                    "{sampling:?} progressive={progressive}: {db:.1} dB"
                );
            }
        }
    }

    #[test]
    fn grey_photos_scale_and_a_preview_as_large_as_the_photo_does_not() {
        let grey = DynamicImage::ImageRgb8(painted(800, 600)).into_luma8();
        let mut bytes = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90)
            .encode_image(&grey)
            .expect("encodes");
        let image = decode_scaled(&bytes, (800, 600), 160)
            .expect("decodes")
            .expect("scaled");
        assert_eq!((image.width(), image.height()), (200, 150));
        let pixel = image.into_rgb8().get_pixel(100, 75).0;
        assert!(
            pixel[0] == pixel[1] && pixel[1] == pixel[2],
            "grey stays grey: {pixel:?}"
        );
        assert!(
            decode_scaled(&bytes, (800, 600), 600)
                .expect("fine")
                .is_none()
        );
        // Exactly half leaves no Lanczos3 step after the DCT scaling: decoded whole.
        assert!(
            decode_scaled(&bytes, (800, 600), 400)
                .expect("fine")
                .is_none()
        );
    }

    /// The fixture photos (progressive, grey, CMYK, rotated, 4:2:0 and 4:4:4) through the
    /// export's decode at smaller sizes, encoded like a preview, against a full decode
    /// turned upright and resized with Lanczos3: never more than 0.5 dB below that reference
    /// encoded the same way (the full-decode path).
    #[test]
    fn fixture_photos_keep_their_quality_when_decoded_scaled() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        for name in [
            "plain.jpg",
            "progressive.jpg",
            "grayscale.jpg",
            "cmyk.jpg",
            "orient3.jpg",
            "orient6_gps.jpg",
            "orient8.jpg",
        ] {
            let bytes = std::fs::read(data.join(name)).expect("fixture");
            let full = image::load_from_memory(&bytes).expect("decodes");
            // ½ with a 1.25 and a 1.5 Lanczos3 step after it, and ¼ with 1.25.
            for divisor in [2.5f32, 3.0, 5.0] {
                let long_edge = (full.width().max(full.height()) as f32 / divisor) as u32;
                let full = full.clone();
                let ours =
                    crate::photos::decode_upright(&bytes, long_edge, &PhotoLimits::default())
                        .expect("decodes")
                        .into_rgb8();
                let exif = crate::photos::read_exif(&bytes);
                let mut upright = full;
                if let Some(orientation) = exif.orientation.and_then(Orientation::from_exif) {
                    upright.apply_orientation(orientation);
                }
                let reference = reference_fit(upright.into_rgb8(), long_edge);
                assert_eq!(ours.dimensions(), reference.dimensions(), "{name}");
                let as_preview = |image: &RgbImage| {
                    decoded(
                        &crate::photos::encode_web_jpeg(image, crate::photos::PREVIEW_QUALITY)
                            .expect("jpeg"),
                    )
                };
                let (ours_db, full_db) = (
                    psnr(&as_preview(&ours), &reference),
                    psnr(&as_preview(&reference), &reference),
                );
                // Above 45 dB (errors under one level RMS) the figures measure rounding.
                assert!(
                    ours_db >= full_db - 0.5 || ours_db >= 45.0,
                    "{name} at 1/{divisor}: {ours_db:.2} dB against the full decode's {full_db:.2} dB"
                );
            }
        }
    }
}
