//! Photos in, photos out: recognizing formats, reading EXIF, decoding safely, deriving upright
//! previews and thumbnails, and importing batches of files on worker threads.
//!
//! Decoding never takes the process down: files are sniffed by their bytes, images whose
//! header declares too many pixels are refused before any large allocation, and decoders run
//! under `catch_unwind`. Each file of a batch ends as imported, duplicate or failed with a
//! reason, and each photo is committed whole.

mod derive;
mod exif_data;
mod format;
mod heif;
mod import;
mod jpeg_baseline;
mod jpeg_scaled;
mod orient;
mod quality;
mod repair;

pub(crate) use derive::fitted_size;
pub use derive::{
    PREVIEW_LONG_EDGE, PREVIEW_QUALITY, PhotoLimits, PreparedPhoto, THUMBNAIL_LONG_EDGE,
    decode_upright, downscale_rgb, prepare_photo,
};
pub use exif_data::{ExifSummary, read_exif};
pub use format::{ImageKind, PHOTO_EXTENSIONS, sniff_format};
pub use heif::DECODER_VARIABLE as HEIF_DECODER_VARIABLE;
pub use import::{
    FileOutcome, ImportEvent, ImportOutcome, ImportRequest, import_bytes, import_files,
};
pub use quality::psnr;
pub use repair::rebuild_derivatives;

use std::path::PathBuf;

use crate::store::StoreError;

/// Why one photo could not be imported. The message is one line meant for the user.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read the file: {0}")]
    Read(#[source] std::io::Error),
    #[error("the file is empty")]
    Empty,
    #[error("the file is too large ({size_mb} MB; the limit is {limit_mb} MB)")]
    FileTooLarge { size_mb: u64, limit_mb: u64 },
    #[error("unsupported format {0}; tripjournal imports JPEG, PNG, WebP, GIF, HEIC and AVIF")]
    Unsupported(String),
    #[error("not an image (the content is not JPEG, PNG, WebP, GIF, HEIC or AVIF)")]
    NotAnImage,
    #[error(
        "the image is {width}×{height} pixels, over the limit of {limit_megapixels} megapixels"
    )]
    TooManyPixels {
        width: u32,
        height: u32,
        limit_megapixels: u64,
    },
    #[error("the {format} data is damaged or incomplete: {message}")]
    Damaged {
        format: &'static str,
        message: String,
    },
    #[error("the {format} decoder failed on this file")]
    DecoderPanicked { format: &'static str },
    #[error("cannot decode {format}: no HEIF decoder found on this system; {install}")]
    NoHeifDecoder {
        format: &'static str,
        install: &'static str,
    },
    #[error("the {format} decoder {program} failed: {message}")]
    HeifDecoder {
        format: &'static str,
        program: String,
        message: String,
    },
    #[error("cannot write the decoder's temporary files: {0}")]
    Scratch(#[source] std::io::Error),
    #[error("cannot make the preview: {0}")]
    Derive(String),
    #[error("cannot store the photo: {0}")]
    Store(#[from] StoreError),
    #[error("cancelled")]
    Cancelled,
    #[error("no such file: {0}")]
    Missing(PathBuf),
}

/// Encodes RGB pixels as a baseline JPEG with no metadata at all.
pub fn encode_web_jpeg(image: &image::RgbImage, quality: u8) -> Result<Vec<u8>, ImportError> {
    derive::encode_jpeg(image, quality)
}
