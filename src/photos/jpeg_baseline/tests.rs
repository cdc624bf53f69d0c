//! The fast decoder against the general one: every layout it takes must give what a full
//! decode shrunk by averaging gives, every layout it does not take must come back `None`,
//! and damaged data must never panic.

use super::decode;
use crate::photos::psnr;
use image::{GenericImageView, GrayImage, RgbImage};
use jpeg_encoder::{ColorType, Encoder, SamplingFactor};

/// Smooth fields, edges and some texture: a photo's mix, in sizes that are not multiples of 16.
fn scene(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let (fx, fy) = (x as f32 / width as f32, y as f32 / height as f32);
        let texture = ((fx * 40.0).sin() * (fy * 29.0).cos() * 30.0) as i32;
        let edge = if (x / 37 + y / 23) % 3 == 0 { 50 } else { 0 };
        image::Rgb(
            [
                (40.0 + 180.0 * fy) as i32 + texture + edge,
                (200.0 - 120.0 * fx) as i32 - texture / 2,
                (90.0 + 90.0 * fx * fy) as i32 + edge,
            ]
            .map(|value| value.clamp(0, 255) as u8),
        )
    })
}

fn encode(
    pixels: &[u8],
    (width, height): (u32, u32),
    color: ColorType,
    configure: impl Fn(&mut Encoder<&mut Vec<u8>>),
) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = Encoder::new(&mut bytes, 90);
    configure(&mut encoder);
    encoder
        .encode(pixels, width as u16, height as u16, color)
        .expect("encodes");
    bytes
}

/// The full decode (jpeg-decoder) averaged over `denominator`² cells, as RGB.
fn reference(bytes: &[u8], denominator: u32) -> RgbImage {
    let full = image::load_from_memory(bytes).expect("decodes").into_rgb8();
    let (width, height) = full.dimensions();
    RgbImage::from_fn(
        width.div_ceil(denominator),
        height.div_ceil(denominator),
        |x, y| {
            let mut sums = [0u32; 3];
            let mut count = 0;
            for sy in y * denominator..((y + 1) * denominator).min(height) {
                for sx in x * denominator..((x + 1) * denominator).min(width) {
                    let pixel = full.get_pixel(sx, sy).0;
                    for (sum, value) in sums.iter_mut().zip(pixel) {
                        *sum += u32::from(value);
                    }
                    count += 1;
                }
            }
            image::Rgb(sums.map(|sum| ((sum + count / 2) / count) as u8))
        },
    )
}

/// Decodes at every scale and checks size and closeness to the reference.
fn assert_matches_reference(bytes: &[u8], label: &str) {
    for denominator in [2u32, 4, 8] {
        let size = image::load_from_memory(bytes)
            .expect("decodes")
            .dimensions();
        let ours = decode(bytes, size, denominator as usize)
            .unwrap_or_else(|| panic!("{label}: the fast path takes it at 1/{denominator}"));
        let expected = reference(bytes, denominator);
        assert_eq!(
            (ours.width, ours.height),
            expected.dimensions(),
            "{label} at 1/{denominator}"
        );
        let db = psnr(&ours.pixels, expected.as_raw());
        // Measured 42.6 to 60.2 dB; a wrong coefficient, table or restart gives far less.
        assert!(db > 38.0, "{label} at 1/{denominator}: {db:.1} dB");
    }
}

#[test]
fn every_subsampling_matches_a_full_decode_averaged() {
    let image = scene(203, 147);
    for sampling in [
        SamplingFactor::R_4_2_0,
        SamplingFactor::R_4_2_2,
        SamplingFactor::R_4_4_4,
        SamplingFactor::R_4_4_0,
    ] {
        let bytes = encode(image.as_raw(), image.dimensions(), ColorType::Rgb, |e| {
            e.set_sampling_factor(sampling)
        });
        assert_matches_reference(&bytes, &format!("{sampling:?}"));
    }
}

/// Without chroma subsampling both decoders do the same arithmetic (a reduced IDCT), so they
/// must agree to rounding; any block that used another block's coefficients would not. (At ⅛
/// jpeg-decoder truncates the DC where this decoder rounds; that scale is checked against the
/// averaged full decode above.)
#[test]
fn without_subsampling_it_agrees_with_jpeg_decoders_scaled_idct() {
    let image = scene(203, 147);
    let bytes = encode(image.as_raw(), image.dimensions(), ColorType::Rgb, |e| {
        e.set_sampling_factor(SamplingFactor::R_4_4_4)
    });
    for denominator in [2usize, 4] {
        let ours = decode(&bytes, (203, 147), denominator).expect("taken");
        let mut decoder = jpeg_decoder::Decoder::new(std::io::Cursor::new(&bytes));
        let size = decoder
            .scale(ours.width as u16, ours.height as u16)
            .expect("scales");
        assert_eq!(
            (u32::from(size.0), u32::from(size.1)),
            (ours.width, ours.height)
        );
        let theirs = decoder.decode().expect("decodes");
        let db = psnr(&ours.pixels, &theirs);
        assert!(db > 50.0, "1/{denominator}: {db:.1} dB");
    }
}

#[test]
fn restart_intervals_and_the_image_crates_encoder_are_read() {
    let image = scene(300, 200);
    for interval in [1u16, 3, 7] {
        let bytes = encode(image.as_raw(), image.dimensions(), ColorType::Rgb, |e| {
            e.set_restart_interval(interval)
        });
        assert_matches_reference(&bytes, &format!("restart interval {interval}"));
    }
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90)
        .encode_image(&image)
        .expect("encodes");
    assert_matches_reference(&bytes, "image's encoder");
}

#[test]
fn grey_photos_are_read_whatever_their_sampling_factors_say() {
    let grey: GrayImage = image::DynamicImage::ImageRgb8(scene(161, 97)).into_luma8();
    for sampling in [SamplingFactor::R_4_4_4, SamplingFactor::R_4_2_0] {
        let bytes = encode(grey.as_raw(), grey.dimensions(), ColorType::Luma, |e| {
            e.set_sampling_factor(sampling)
        });
        assert_matches_reference(&bytes, &format!("grey {sampling:?}"));
    }
}

#[test]
fn sixteen_bit_quantization_tables_are_read() {
    let image = scene(120, 90);
    let bytes = encode(image.as_raw(), image.dimensions(), ColorType::Rgb, |_| {});
    let widened = with_sixteen_bit_tables(&bytes);
    assert_ne!(widened, bytes);
    let ours = decode(&widened, (120, 90), 2).expect("taken");
    let expected = decode(&bytes, (120, 90), 2).expect("taken");
    assert_eq!(ours.pixels, expected.pixels);
}

/// Rewrites every 8-bit DQT table as the same values in 16-bit precision.
fn with_sixteen_bit_tables(bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes[..2].to_vec();
    let mut offset = 2;
    while bytes[offset + 1] != 0xDA {
        let length = usize::from(u16::from_be_bytes([bytes[offset + 2], bytes[offset + 3]]));
        let segment = &bytes[offset + 4..offset + 2 + length];
        if bytes[offset + 1] == 0xDB {
            let mut wide = Vec::new();
            for table in segment.chunks_exact(65) {
                wide.push(0x10 | table[0]);
                for &value in &table[1..] {
                    wide.extend_from_slice(&u16::from(value).to_be_bytes());
                }
            }
            out.extend_from_slice(&[0xFF, 0xDB]);
            out.extend_from_slice(&((wide.len() + 2) as u16).to_be_bytes());
            out.extend_from_slice(&wide);
        } else {
            out.extend_from_slice(&bytes[offset..offset + 2 + length]);
        }
        offset += 2 + length;
    }
    out.extend_from_slice(&bytes[offset..]);
    out
}

#[test]
fn layouts_it_does_not_take_fall_back() {
    let image = scene(64, 48);
    let rgba: Vec<u8> = image.pixels().flat_map(|p| [p[0], p[1], p[2], 0]).collect();
    let cases = [
        (
            "progressive",
            encode(image.as_raw(), (64, 48), ColorType::Rgb, |e| {
                e.set_progressive(true)
            }),
        ),
        ("CMYK", encode(&rgba, (64, 48), ColorType::Cmyk, |_| {})),
        (
            "4:1:1",
            encode(image.as_raw(), (64, 48), ColorType::Rgb, |e| {
                e.set_sampling_factor(SamplingFactor::F_4_1)
            }),
        ),
    ];
    for (label, bytes) in cases {
        assert!(
            image::load_from_memory(&bytes).is_ok(),
            "{label}: the general decoder reads it"
        );
        assert!(decode(&bytes, (64, 48), 2).is_none(), "{label} falls back");
    }
    let plain = encode(image.as_raw(), (64, 48), ColorType::Rgb, |_| {});
    assert!(decode(&plain, (64, 48), 3).is_none(), "only ½, ¼ and ⅛");
    assert!(
        decode(&plain, (64, 49), 2).is_none(),
        "a frame that is not the checked size"
    );
    assert!(decode(&plain, (64, 48), 2).is_some());
}

#[test]
fn damaged_data_never_panics() {
    let image = scene(96, 64);
    let bytes = encode(image.as_raw(), (96, 64), ColorType::Rgb, |e| {
        e.set_restart_interval(2)
    });
    let mut state: u32 = 0x9e37_79b9;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state as usize
    };
    for cut in (0..bytes.len()).step_by(7) {
        let _ = decode(&bytes[..cut], (96, 64), 2);
    }
    let mut decoded = 0;
    for _ in 0..3000 {
        let mut damaged = bytes.clone();
        for _ in 0..1 + next() % 4 {
            let at = next() % damaged.len();
            damaged[at] = next() as u8;
        }
        if let Some(image) = decode(&damaged, (96, 64), 1 << (1 + next() % 3)) {
            assert_eq!(image.pixels.len() as u32, image.width * image.height * 3);
            decoded += 1;
        }
    }
    assert!(
        decoded > 0,
        "most single-byte damage in pixels still decodes"
    );
}
