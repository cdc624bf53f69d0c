//! Inverse DCT at reduced sizes: an 8×8 block of coefficients becomes a block of 1, 2, 4 or 8
//! pixels on each side, from its lowest frequencies only (as libjpeg's scaled IDCT does), so
//! a photo decoded at ½, ¼ or ⅛ never makes the pixels it would throw away. Each size is a
//! separable product with a table of cosines; only the rows and columns that hold non-zero
//! coefficients are summed. Then YCbCr to RGB in fixed point.

use std::f32::consts::PI;
use std::sync::OnceLock;

/// Cosine tables, `[size index][frequency u][output x]`, with the normalization of an 8-point
/// IDCT so a block of any size keeps its mean (the DC) and contrast. Rows are 8 wide whatever
/// the size (zeros past it) so the sums below run on whole vectors.
struct Cosines([[[f32; 8]; 8]; 4]);

fn cosines() -> &'static Cosines {
    static TABLE: OnceLock<Cosines> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [[[0f32; 8]; 8]; 4];
        for (size_index, sizes) in table.iter_mut().enumerate() {
            let size = 1usize << size_index;
            for (u, row) in sizes.iter_mut().enumerate().take(size) {
                for (x, cell) in row.iter_mut().enumerate().take(size) {
                    let normal = if u == 0 { 0.5 / 2f32.sqrt() } else { 0.5 };
                    let angle = (2 * x + 1) as f32 * u as f32 * PI / (2 * size) as f32;
                    *cell = normal * angle.cos();
                }
            }
        }
        Cosines(table)
    })
}

/// log2 of a block side of 1, 2, 4 or 8.
pub(super) fn size_index(side: usize) -> usize {
    side.trailing_zeros() as usize
}

/// The extent (rows and columns that may be non-zero) of a block whose zig-zag positions
/// before `reached` may be non-zero.
pub(super) fn extent(reached: usize) -> usize {
    EXTENT[reached.clamp(1, 64) - 1]
}

/// `EXTENT[k]`: 1 + the largest row or column among zig-zag positions 0..=k.
const EXTENT: [usize; 64] = {
    let mut table = [0usize; 64];
    let mut largest = 0;
    let mut k = 0;
    while k < 64 {
        let natural = super::entropy::UNZIGZAG[k];
        let (row, column) = (natural / 8, natural % 8);
        if row > largest {
            largest = row;
        }
        if column > largest {
            largest = column;
        }
        table[k] = largest + 1;
        k += 1;
    }
    table
};

/// Writes one block of `width`×`height` pixels (each 1, 2, 4 or 8) at `out` (row stride
/// `stride`) from dequantized coefficients in natural order, `extent` of whose rows and
/// columns may be non-zero.
pub(super) fn block(
    coefficients: &[f32; 64],
    extent: usize,
    (width, height): (usize, usize),
    out: &mut [u8],
    stride: usize,
) {
    if extent == 1 {
        let value = to_byte(coefficients[0] / 8.0 + 128.0);
        for row in out.chunks_mut(stride).take(height) {
            row[..width].fill(value);
        }
        return;
    }
    match (width, height) {
        (4, 4) => return block_4x4(coefficients, out, stride),
        (8, 8) => return block_8x8(coefficients, extent, out, stride),
        _ => {}
    }
    match width {
        8 => rows_of::<8>(coefficients, extent, (width, height), out, stride),
        4 => rows_of::<4>(coefficients, extent, (width, height), out, stride),
        _ => rows_of::<2>(coefficients, extent, (width, height), out, stride),
    }
}

/// [`block`] for the most common size (luma at ½, and every component of a 4:4:4 photo at ½),
/// with every loop of fixed length so that it compiles to straight vector code.
#[inline(always)]
fn block_4x4(coefficients: &[f32; 64], out: &mut [u8], stride: usize) {
    let cosines = &cosines().0[2];
    // Each row of frequencies as a row of pixels, then the rows combined.
    let mut partial = [[0f32; 4]; 4];
    for (v, row) in partial.iter_mut().enumerate() {
        for (u, cosine) in cosines.iter().enumerate().take(4) {
            let coefficient = coefficients[v * 8 + u];
            for x in 0..4 {
                row[x] += coefficient * cosine[x];
            }
        }
    }
    let mut sums = [128f32; 16];
    for (y, row_sums) in sums.chunks_exact_mut(4).enumerate() {
        for (v, row) in partial.iter().enumerate() {
            let weight = cosines[v][y];
            for x in 0..4 {
                row_sums[x] += weight * row[x];
            }
        }
    }
    let pixels = to_bytes(sums);
    for (y, row) in pixels.chunks_exact(4).enumerate() {
        out[y * stride..y * stride + 4].copy_from_slice(row);
    }
}

/// [`to_byte`] for a whole block at once, in a form the compiler turns into vector packs.
#[inline(always)]
fn to_bytes<const N: usize>(values: [f32; N]) -> [u8; N] {
    values.map(|value| {
        let rounded = (value + MAGIC).to_bits() as i32;
        rounded.wrapping_sub(MAGIC_BITS).clamp(0, 255) as u8
    })
}

/// 1.5 × 2²³: added to a float of magnitude under 2²², the sum's low mantissa bits are the
/// float rounded to an integer.
const MAGIC: f32 = 12_582_912.0;
const MAGIC_BITS: i32 = 0x4B40_0000;

/// [`block`] at full size (chroma of a 4:2:0 photo at ½). Pixel x and pixel 7 − x see each
/// frequency with the same cosine, negated for odd frequencies, so the even and odd sums are
/// made once for both: half the multiplications of the plain product, the same result.
#[inline(always)]
fn block_8x8(coefficients: &[f32; 64], extent: usize, out: &mut [u8], stride: usize) {
    let cosines = &cosines().0[3];
    let (rows, columns) = (extent.min(8), extent.min(8));
    let mut weights = [[0f32; 8]; 8];
    for y in 0..4 {
        let (mut even, mut odd) = ([0f32; 8], [0f32; 8]);
        for (sums, first) in [(&mut even, 0), (&mut odd, 1)] {
            for v in (first..rows).step_by(2) {
                let cosine = cosines[v][y];
                let source = &coefficients[v * 8..v * 8 + 8];
                for u in 0..8 {
                    sums[u] += cosine * source[u];
                }
            }
        }
        for u in 0..8 {
            weights[y][u] = even[u] + odd[u];
            weights[7 - y][u] = even[u] - odd[u];
        }
    }
    for (y, row_weights) in weights.iter().enumerate() {
        let (mut even, mut odd) = ([128f32; 4], [0f32; 4]);
        for (sums, first) in [(&mut even, 0), (&mut odd, 1)] {
            for u in (first..columns).step_by(2) {
                let weight = row_weights[u];
                for x in 0..4 {
                    sums[x] += weight * cosines[u][x];
                }
            }
        }
        let mut pixels = [0u8; 8];
        for x in 0..4 {
            pixels[x] = to_byte(even[x] + odd[x]);
            pixels[7 - x] = to_byte(even[x] - odd[x]);
        }
        out[y * stride..y * stride + 8].copy_from_slice(&pixels);
    }
}

/// [`block`] for blocks `WIDTH` pixels wide (2, 4 or 8; a 1-wide block uses 2 and keeps one),
/// so every row is summed as whole fixed-size vectors.
#[inline(always)]
fn rows_of<const WIDTH: usize>(
    coefficients: &[f32; 64],
    extent: usize,
    (width, height): (usize, usize),
    out: &mut [u8],
    stride: usize,
) {
    let table = cosines();
    let (across, down) = (&table.0[size_index(width)], &table.0[size_index(height)]);
    let rows = extent.min(height);
    let columns = extent.min(width);
    for (y, row) in out.chunks_mut(stride).take(height).enumerate() {
        // The row's weight of each horizontal frequency, then the pixels from those.
        let mut weights = [0f32; WIDTH];
        for (v, cosines_down) in down.iter().enumerate().take(rows) {
            let weight = cosines_down[y];
            let source = &coefficients[v * 8..v * 8 + WIDTH];
            for u in 0..WIDTH {
                weights[u] += weight * source[u];
            }
        }
        let mut sums = [128f32; WIDTH];
        for (u, &weight) in weights.iter().enumerate().take(columns) {
            let cosine = &across[u][..WIDTH];
            for x in 0..WIDTH {
                sums[x] += weight * cosine[x];
            }
        }
        let pixels = sums.map(to_byte);
        row[..width].copy_from_slice(&pixels[..width]);
    }
}

/// Rounds to the nearest byte value, clamping: adding 1.5 × 2²³ leaves the rounded integer in
/// the low bits of the float, a branch-free step that vectorizes (an `as u8` cast does not).
#[inline(always)]
fn to_byte(value: f32) -> u8 {
    (value.clamp(0.0, 255.0) + MAGIC).to_bits() as u8
}

/// Converts one row of JFIF YCbCr to RGB (ITU-R BT.601 full range), 16-bit fixed point.
pub(super) fn ycbcr_row(luma: &[u8], blue: &[u8], red: &[u8], rgb: &mut [u8]) {
    const ONE: i32 = 1 << 16;
    const HALF: i32 = 1 << 15;
    let fixed = |value: f32| (value * ONE as f32 + 0.5) as i32;
    let (red_cr, green_cb, green_cr, blue_cb) = (
        fixed(1.402),
        fixed(0.344_136),
        fixed(0.714_136),
        fixed(1.772),
    );
    for (((pixel, &y), &cb), &cr) in rgb.chunks_exact_mut(3).zip(luma).zip(blue).zip(red) {
        let y = i32::from(y) * ONE + HALF;
        let (cb, cr) = (i32::from(cb) - 128, i32::from(cr) - 128);
        pixel[0] = ((y + red_cr * cr) >> 16).clamp(0, 255) as u8;
        pixel[1] = ((y - green_cb * cb - green_cr * cr) >> 16).clamp(0, 255) as u8;
        pixel[2] = ((y + blue_cb * cb) >> 16).clamp(0, 255) as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The specialised sizes against the plain product, on random coefficients of every extent.
    #[test]
    fn specialised_blocks_match_the_plain_product() {
        let mut state: u32 = 0x1234_5678;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state % 801) as f32 - 400.0
        };
        for extent in 1..=8 {
            for _ in 0..50 {
                let mut coefficients = [0f32; 64];
                for v in 0..extent {
                    for u in 0..extent {
                        coefficients[v * 8 + u] = next();
                    }
                }
                coefficients[0] *= 2.0;
                for side in [4, 8] {
                    let (mut fast, mut plain) = ([0u8; 64], [0u8; 64]);
                    block(&coefficients, extent, (side, side), &mut fast, 8);
                    if side == 8 {
                        rows_of::<8>(&coefficients, extent, (8, 8), &mut plain, 8);
                    } else {
                        rows_of::<4>(&coefficients, extent, (4, 4), &mut plain, 8);
                    }
                    let worst = fast.iter().zip(&plain).map(|(a, b)| a.abs_diff(*b)).max();
                    assert!(
                        worst <= Some(1),
                        "{side}×{side}, extent {extent}: {worst:?}"
                    );
                    assert!(plain.iter().any(|&value| value != 0 && value != 255));
                }
            }
        }
    }
}
