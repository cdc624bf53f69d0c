//! A decoder for the JPEGs cameras and phones write — baseline or extended Huffman, 8-bit,
//! one interleaved scan, grey or YCbCr with luma sampled at most twice chroma's — at ½, ¼ or
//! ⅛ of their size. It exists for speed: it decodes at the reduced size inside the inverse
//! DCT, gives each chroma block the IDCT size that lands it at the luma's resolution (so no
//! upsampling pass), and reads entropy-coded data eight bytes at a time. Anything else
//! (progressive, CMYK, 12-bit, separate scans per component, arithmetic coding) and anything
//! it finds damaged gives `None`, and the caller uses the general decoder, which also words
//! the errors.

mod entropy;
mod idct;

use entropy::{BitReader, Corrupt, HuffmanTable};

/// An RGB image decoded at a reduced scale.
pub(super) struct ScaledRgb {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// Decodes `bytes` at 1/`denominator` (2, 4 or 8) of its size, rounding sides up. `size` is
/// the size already checked against the pixel limit; a frame that says otherwise is refused.
pub(super) fn decode(bytes: &[u8], size: (u32, u32), denominator: usize) -> Option<ScaledRgb> {
    if !matches!(denominator, 2 | 4 | 8) {
        return None;
    }
    let (headers, scan) = read_headers(bytes).ok()??;
    if (headers.width, headers.height) != (size.0 as usize, size.1 as usize) {
        return None;
    }
    decode_scan(&headers, scan, denominator).ok()
}

struct Component {
    id: u8,
    horizontal: usize,
    vertical: usize,
    quantization: usize,
    dc_table: usize,
    ac_table: usize,
}

#[derive(Default)]
struct Headers {
    width: usize,
    height: usize,
    components: Vec<Component>,
    quantization: [Option<[f32; 64]>; 4],
    dc_tables: [Option<HuffmanTable>; 4],
    ac_tables: [Option<HuffmanTable>; 4],
    restart_interval: usize,
    adobe_transform: Option<u8>,
}

/// Reads the markers up to the first scan. `Ok(None)`: a JPEG this decoder does not take.
fn read_headers(bytes: &[u8]) -> Result<Option<(Headers, &[u8])>, Corrupt> {
    const DAMAGED: Corrupt = Corrupt("damaged markers");
    if bytes.get(..2) != Some(&[0xFF, 0xD8]) {
        return Err(DAMAGED);
    }
    let mut headers = Headers::default();
    let mut offset = 2;
    loop {
        let marker = match bytes.get(offset..offset + 2) {
            Some([0xFF, 0xFF]) => {
                offset += 1;
                continue;
            }
            Some([0xFF, marker]) => *marker,
            _ => return Err(DAMAGED),
        };
        let length = bytes
            .get(offset + 2..offset + 4)
            .map(|pair| usize::from(u16::from_be_bytes([pair[0], pair[1]])))
            .ok_or(DAMAGED)?;
        let segment = bytes.get(offset + 4..offset + 2 + length).ok_or(DAMAGED)?;
        if length < 2 {
            return Err(DAMAGED);
        }
        match marker {
            0xC0 | 0xC1 => read_frame(segment, &mut headers)?,
            // Progressive, lossless, hierarchical and arithmetic-coded frames.
            0xC2 | 0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => return Ok(None),
            0xC4 => read_huffman(segment, &mut headers)?,
            0xDB => read_quantization(segment, &mut headers)?,
            0xDD => {
                let interval = segment.get(..2).ok_or(DAMAGED)?;
                headers.restart_interval =
                    usize::from(u16::from_be_bytes([interval[0], interval[1]]));
            }
            0xEE if segment.starts_with(b"Adobe") => {
                headers.adobe_transform = segment.get(11).copied();
            }
            0xDA => {
                let scan_start = offset + 2 + length;
                return Ok(read_scan_header(segment, &mut headers)?
                    .then(|| (headers, bytes.get(scan_start..).unwrap_or(&[]))));
            }
            0xD9 => return Err(DAMAGED),
            _ => {}
        }
        offset += 2 + length;
    }
}

fn read_frame(segment: &[u8], headers: &mut Headers) -> Result<(), Corrupt> {
    const BAD: Corrupt = Corrupt("bad frame header");
    let [precision, h1, h0, w1, w0, count, rest @ ..] = segment else {
        return Err(BAD);
    };
    if *precision != 8 || !headers.components.is_empty() {
        return Err(BAD);
    }
    headers.height = usize::from(u16::from_be_bytes([*h1, *h0]));
    headers.width = usize::from(u16::from_be_bytes([*w1, *w0]));
    for triple in rest.chunks_exact(3).take(usize::from(*count)) {
        headers.components.push(Component {
            id: triple[0],
            horizontal: usize::from(triple[1] >> 4),
            vertical: usize::from(triple[1] & 15),
            quantization: usize::from(triple[2] & 3),
            dc_table: 0,
            ac_table: 0,
        });
    }
    if headers.components.len() != usize::from(*count) || headers.width == 0 || headers.height == 0
    {
        return Err(BAD);
    }
    Ok(())
}

fn read_huffman(mut segment: &[u8], headers: &mut Headers) -> Result<(), Corrupt> {
    const BAD: Corrupt = Corrupt("bad Huffman table");
    while let [class_and_id, rest @ ..] = segment {
        let counts: &[u8; 16] = rest.get(..16).and_then(|c| c.try_into().ok()).ok_or(BAD)?;
        let total: usize = counts.iter().map(|&count| usize::from(count)).sum();
        let symbols = rest.get(16..16 + total).ok_or(BAD)?;
        let (class, id) = (class_and_id >> 4, usize::from(class_and_id & 3));
        let table = HuffmanTable::new(counts, symbols, class == 1)?;
        match class {
            0 => headers.dc_tables[id] = Some(table),
            1 => headers.ac_tables[id] = Some(table),
            _ => return Err(BAD),
        }
        segment = &rest[16 + total..];
    }
    Ok(())
}

fn read_quantization(mut segment: &[u8], headers: &mut Headers) -> Result<(), Corrupt> {
    const BAD: Corrupt = Corrupt("bad quantization table");
    while let [precision_and_id, rest @ ..] = segment {
        let wide = precision_and_id >> 4 == 1;
        let size = if wide { 128 } else { 64 };
        let values = rest.get(..size).ok_or(BAD)?;
        let mut table = [0f32; 64];
        for (zigzag, &natural) in entropy::UNZIGZAG.iter().enumerate() {
            table[natural] = if wide {
                f32::from(u16::from_be_bytes([
                    values[2 * zigzag],
                    values[2 * zigzag + 1],
                ]))
            } else {
                f32::from(values[zigzag])
            };
        }
        headers.quantization[usize::from(precision_and_id & 3)] = Some(table);
        segment = &rest[size..];
    }
    Ok(())
}

/// Reads the scan header; `false` when the scan is not one interleaved scan of every
/// component in a layout this decoder takes.
fn read_scan_header(segment: &[u8], headers: &mut Headers) -> Result<bool, Corrupt> {
    const BAD: Corrupt = Corrupt("bad scan header");
    let [count, rest @ ..] = segment else {
        return Err(BAD);
    };
    let count = usize::from(*count);
    if rest.len() < 2 * count {
        return Err(BAD);
    }
    if count != headers.components.len() || !matches!(count, 1 | 3) {
        return Ok(false);
    }
    for (index, pair) in rest.chunks_exact(2).take(count).enumerate() {
        let component = &mut headers.components[index];
        if component.id != pair[0] {
            return Ok(false);
        }
        component.dc_table = usize::from(pair[1] >> 4);
        component.ac_table = usize::from(pair[1] & 15);
    }
    let ids: Vec<u8> = headers.components.iter().map(|c| c.id).collect();
    let rgb_by_ids = ids == b"RGB";
    let rgb_by_adobe = count == 3 && headers.adobe_transform == Some(0);
    Ok(!rgb_by_ids && !rgb_by_adobe && layout_is_supported(headers))
}

/// Luma (or grey) with sampling factors of 1 or 2, and chroma sampled 1×1.
fn layout_is_supported(headers: &Headers) -> bool {
    let Some((luma, chroma)) = headers.components.split_first() else {
        return false;
    };
    let factors_ok = (1..=2).contains(&luma.horizontal) && (1..=2).contains(&luma.vertical);
    let tables_ok = headers.components.iter().all(|component| {
        component.dc_table < 4
            && component.ac_table < 4
            && headers.quantization[component.quantization].is_some()
            && headers.dc_tables[component.dc_table].is_some()
            && headers.ac_tables[component.ac_table].is_some()
    });
    factors_ok
        && tables_ok
        && chroma
            .iter()
            .all(|component| component.horizontal == 1 && component.vertical == 1)
}

/// One component's pixels at the output scale, in whole blocks.
struct Plane {
    pixels: Vec<u8>,
    stride: usize,
    /// Block side in output pixels, across and down.
    block: (usize, usize),
}

/// A component's sampling factors as its scan uses them: a grey image's scan has one block
/// per MCU whatever its factors say.
fn sampling(headers: &Headers, component: &Component) -> (usize, usize) {
    if headers.components.len() == 1 {
        (1, 1)
    } else {
        (component.horizontal, component.vertical)
    }
}

/// The MCUs across and down, and each component's plane at the output scale.
fn planes_for(
    headers: &Headers,
    denominator: usize,
) -> Result<((usize, usize), Vec<Plane>), Corrupt> {
    let (max_h, max_v) = sampling(headers, &headers.components[0]);
    let mcus = (
        headers.width.div_ceil(8 * max_h),
        headers.height.div_ceil(8 * max_v),
    );
    let luma_block = 8 / denominator;
    let planes: Vec<Plane> = headers
        .components
        .iter()
        .map(|component| {
            let (h, v) = sampling(headers, component);
            let block = (luma_block * max_h / h, luma_block * max_v / v);
            let stride = mcus.0 * h * block.0;
            Plane {
                pixels: vec![0; stride * mcus.1 * v * block.1],
                stride,
                block,
            }
        })
        .collect();
    if planes
        .iter()
        .any(|plane| plane.block.0 > 8 || plane.block.1 > 8)
    {
        return Err(Corrupt("chroma block larger than 8"));
    }
    Ok((mcus, planes))
}

fn decode_scan(headers: &Headers, scan: &[u8], denominator: usize) -> Result<ScaledRgb, Corrupt> {
    let ((mcus_across, mcus_down), mut planes) = planes_for(headers, denominator)?;
    let tables = headers
        .components
        .iter()
        .map(|component| tables_of(headers, component))
        .collect::<Result<Vec<_>, _>>()?;
    let mut reader = BitReader::new(scan);
    let mut predictions = vec![0i32; headers.components.len()];
    let mut work = BlockWork {
        coefficients: [0; 64],
        dequantized: [0.0; 64],
    };
    let mut until_restart = headers.restart_interval;
    for mcu_y in 0..mcus_down {
        for mcu_x in 0..mcus_across {
            if headers.restart_interval > 0 {
                if until_restart == 0 {
                    reader.restart();
                    predictions.fill(0);
                    until_restart = headers.restart_interval;
                }
                until_restart -= 1;
            }
            for (index, component) in headers.components.iter().enumerate() {
                let (h, v) = sampling(headers, component);
                for block_y in 0..v {
                    for block_x in 0..h {
                        work.decode(
                            &mut reader,
                            tables[index],
                            &mut predictions[index],
                            &mut planes[index],
                            (mcu_x * h + block_x, mcu_y * v + block_y),
                        )?;
                    }
                }
            }
        }
    }
    Ok(to_rgb(headers, &planes, denominator))
}

/// A component's DC and AC Huffman tables and its dequantization steps.
type Tables<'a> = (&'a HuffmanTable, &'a HuffmanTable, &'a [f32; 64]);

/// The buffers one block passes through, reused from block to block.
struct BlockWork {
    coefficients: [i32; 64],
    dequantized: [f32; 64],
}

impl BlockWork {
    /// Decodes the next block of the scan into `plane` at block column and row `at`.
    #[inline(always)]
    fn decode(
        &mut self,
        reader: &mut BitReader,
        (dc, ac, steps): Tables,
        prediction: &mut i32,
        plane: &mut Plane,
        at: (usize, usize),
    ) -> Result<(), Corrupt> {
        let reached = reader.block(dc, ac, prediction, &mut self.coefficients)?;
        let extent = idct::extent(reached);
        dequantize(
            &mut self.coefficients,
            steps,
            (extent, plane.block.1),
            &mut self.dequantized,
        );
        let start = at.1 * plane.block.1 * plane.stride + at.0 * plane.block.0;
        idct::block(
            &self.dequantized,
            extent,
            plane.block,
            &mut plane.pixels[start..],
            plane.stride,
        );
        Ok(())
    }
}

/// Dequantizes every row of `coefficients` that a block `height` pixels tall may read (rows
/// past `extent` are zero), so nothing of an earlier block is left in `dequantized`, and
/// leaves `coefficients` all zero again for the next block (only rows below `extent` can be
/// non-zero).
#[inline(always)]
fn dequantize(
    coefficients: &mut [i32; 64],
    steps: &[f32; 64],
    (extent, height): (usize, usize),
    dequantized: &mut [f32; 64],
) {
    let read = 8 * height.min(8);
    for ((out, value), &step) in dequantized[..read]
        .iter_mut()
        .zip(coefficients[..read].iter_mut())
        .zip(steps)
    {
        *out = *value as f32 * step;
        *value = 0;
    }
    if extent > height {
        coefficients[read..8 * extent.min(8)].fill(0);
    }
}

fn tables_of<'a>(headers: &'a Headers, component: &Component) -> Result<Tables<'a>, Corrupt> {
    let missing = Corrupt("missing table");
    Ok((
        headers.dc_tables[component.dc_table]
            .as_ref()
            .ok_or(missing)?,
        headers.ac_tables[component.ac_table]
            .as_ref()
            .ok_or(missing)?,
        headers.quantization[component.quantization]
            .as_ref()
            .ok_or(missing)?,
    ))
}

fn to_rgb(headers: &Headers, planes: &[Plane], denominator: usize) -> ScaledRgb {
    let width = headers.width.div_ceil(denominator);
    let height = headers.height.div_ceil(denominator);
    let mut pixels = vec![0u8; width * height * 3];
    for (y, rgb) in pixels.chunks_exact_mut(width * 3).enumerate() {
        let row = |plane| plane_row(plane, y, width);
        match planes {
            [luma, blue, red] => idct::ycbcr_row(row(luma), row(blue), row(red), rgb),
            _ => {
                for (pixel, &value) in rgb.chunks_exact_mut(3).zip(row(&planes[0])) {
                    pixel.fill(value);
                }
            }
        }
    }
    ScaledRgb {
        width: width as u32,
        height: height as u32,
        pixels,
    }
}

fn plane_row(plane: &Plane, y: usize, width: usize) -> &[u8] {
    &plane.pixels[y * plane.stride..y * plane.stride + width]
}

#[cfg(test)]
mod tests;
