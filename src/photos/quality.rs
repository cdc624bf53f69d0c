//! How close one image is to another, for the checks that a faster way of making previews
//! keeps their quality (the tests and `cargo bench -- import`).

/// Peak signal-to-noise ratio in dB between two 8-bit buffers of equal length (a few hundred
/// dB when they are identical; higher is closer).
pub fn psnr(a: &[u8], b: &[u8]) -> f64 {
    assert_eq!(a.len(), b.len(), "PSNR of buffers of different sizes");
    let squared: f64 = a
        .iter()
        .zip(b)
        .map(|(x, y)| (f64::from(*x) - f64::from(*y)).powi(2))
        .sum();
    let mean = (squared / a.len().max(1) as f64).max(1e-20);
    10.0 * (255.0f64 * 255.0 / mean).log10()
}

#[cfg(test)]
mod tests {
    use super::psnr;

    #[test]
    fn closer_images_measure_higher() {
        let original = [10u8, 20, 30, 40];
        let off_by_one = [11u8, 21, 31, 41];
        let off_by_ten = [20u8, 30, 40, 50];
        let (near, far) = (psnr(&original, &off_by_one), psnr(&original, &off_by_ten));
        assert!((near - 48.13).abs() < 0.01, "{near}");
        assert!((near - far - 20.0).abs() < 1e-9, "{near} {far}");
        assert!(psnr(&original, &original) > 200.0);
    }
}
