//! The entropy-coded side of a baseline JPEG: a bit reader over the scan's bytes (byte
//! stuffing, markers, eight bytes at a time where no 0xFF is near) and Huffman tables with a
//! 9-bit lookup, plus a combined lookup that yields an AC coefficient's run and value at once.
//! Corrupt data gives an error or grey pixels, never a panic; the caller bounds every index.

/// Bits looked up at once; longer codes take the slow path.
const FAST_BITS: u32 = 11;
const FAST_SIZE: usize = 1 << FAST_BITS;

/// Why a scan could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Corrupt(pub &'static str);

/// One Huffman table (DC or AC) ready for decoding.
pub(super) struct HuffmanTable {
    /// `length << 8 | symbol` for codes up to FAST_BITS long, 0 where the code is longer.
    fast: Box<[u16; FAST_SIZE]>,
    /// For AC tables: `value << 16 | run << 8 | total_length` when a code and its value bits
    /// fit in FAST_BITS and the value is not zero, else 0.
    fast_ac: Box<[i32; FAST_SIZE]>,
    /// Largest code of each length (left-aligned to 16 bits, exclusive), for the slow path.
    max_code: [u32; 18],
    /// Index into `symbols` of the first code of each length, minus that code.
    delta: [i32; 17],
    symbols: Vec<u8>,
}

impl HuffmanTable {
    /// Builds a table from a DHT segment's 16 counts and its symbols.
    pub(super) fn new(counts: &[u8; 16], symbols: &[u8], is_ac: bool) -> Result<Self, Corrupt> {
        let total: usize = counts.iter().map(|&count| usize::from(count)).sum();
        if total > 256 || total != symbols.len() {
            return Err(Corrupt("bad Huffman table"));
        }
        let mut fast = Box::new([0u16; FAST_SIZE]);
        let mut max_code = [0u32; 18];
        let mut delta = [0i32; 17];
        let mut code: u32 = 0;
        let mut index: usize = 0;
        for length in 1..=16u32 {
            let count = usize::from(counts[length as usize - 1]);
            delta[length as usize] = index as i32 - code as i32;
            for _ in 0..count {
                if code >= 1 << length {
                    return Err(Corrupt("bad Huffman table"));
                }
                if length <= FAST_BITS {
                    let first = (code << (FAST_BITS - length)) as usize;
                    let span = 1usize << (FAST_BITS - length);
                    let entry = (length as u16) << 8 | u16::from(symbols[index]);
                    fast[first..first + span].fill(entry);
                }
                code += 1;
                index += 1;
            }
            max_code[length as usize] = code << (16 - length);
            code <<= 1;
        }
        max_code[17] = u32::MAX;
        let mut table = HuffmanTable {
            fast,
            fast_ac: Box::new([0i32; FAST_SIZE]),
            max_code,
            delta,
            symbols: symbols.to_vec(),
        };
        if is_ac {
            table.build_fast_ac();
        }
        Ok(table)
    }

    fn build_fast_ac(&mut self) {
        for (bits, entry) in self.fast.iter().enumerate() {
            let length = u32::from(entry >> 8);
            if length == 0 {
                continue;
            }
            let symbol = u32::from(entry & 0xFF);
            let (run, size) = (symbol >> 4, symbol & 15);
            if size == 0 || length + size > FAST_BITS {
                continue;
            }
            let raw = ((bits as u32) << length & (FAST_SIZE as u32 - 1)) >> (FAST_BITS - size);
            let value = extend(raw, size);
            self.fast_ac[bits] = value << 16 | (run << 8 | (length + size)) as i32;
        }
    }
}

/// The signed value of `size` raw bits (JPEG's EXTEND).
#[inline]
fn extend(raw: u32, size: u32) -> i32 {
    if size == 0 {
        return 0;
    }
    if raw < 1 << (size - 1) {
        raw as i32 - (1 << size) + 1
    } else {
        raw as i32
    }
}

/// Reads the bits of one scan; a marker or the end of data reads as zero bits.
pub(super) struct BitReader<'a> {
    data: &'a [u8],
    position: usize,
    /// Unread bits, left-aligned.
    bits: u64,
    count: u32,
    at_marker: bool,
}

impl<'a> BitReader<'a> {
    pub(super) fn new(data: &'a [u8]) -> Self {
        BitReader {
            data,
            position: 0,
            bits: 0,
            count: 0,
            at_marker: false,
        }
    }

    /// Makes sure at least `needed` (at most 57) bits are buffered; refilling takes the
    /// buffer to 57 or more, so most calls only compare.
    #[inline(always)]
    fn ensure(&mut self, needed: u32) {
        if self.count < needed {
            self.refill_bytes();
        }
    }

    #[inline(always)]
    fn refill_bytes(&mut self) {
        if !self.at_marker
            && let Some(chunk) = self.data.get(self.position..self.position + 8)
        {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let word = u64::from_be_bytes(word);
            let inverted = !word;
            let has_ff =
                inverted.wrapping_sub(0x0101_0101_0101_0101) & !inverted & 0x8080_8080_8080_8080;
            if has_ff == 0 {
                // Bytes past the whole ones taken are ORed in again, unchanged, next time.
                self.bits |= word >> self.count;
                let taken = (64 - self.count) / 8;
                self.position += taken as usize;
                self.count += taken * 8;
                return;
            }
        }
        while self.count <= 56 {
            let byte = self.next_byte();
            self.bits |= u64::from(byte) << (56 - self.count);
            self.count += 8;
        }
    }

    #[inline(always)]
    fn next_byte(&mut self) -> u8 {
        if self.at_marker {
            return 0;
        }
        match self.data.get(self.position..) {
            Some([0xFF, 0x00, ..]) => {
                self.position += 2;
                0xFF
            }
            Some([0xFF, ..]) | Some([]) | None => {
                self.at_marker = true;
                0
            }
            Some([byte, ..]) => {
                self.position += 1;
                *byte
            }
        }
    }

    #[inline(always)]
    fn consume(&mut self, length: u32) {
        self.bits <<= length;
        self.count = self.count.saturating_sub(length);
    }

    /// Decodes one Huffman symbol.
    #[inline(always)]
    pub(super) fn symbol(&mut self, table: &HuffmanTable) -> Result<u8, Corrupt> {
        self.ensure(16);
        let entry = table.fast[(self.bits >> (64 - FAST_BITS)) as usize];
        if entry != 0 {
            self.consume(u32::from(entry >> 8));
            return Ok(entry as u8);
        }
        let code16 = (self.bits >> 48) as u32;
        let mut length = FAST_BITS + 1;
        while code16 >= table.max_code[length as usize] {
            length += 1;
        }
        if length > 16 {
            return Err(Corrupt("bad Huffman code"));
        }
        let code = (code16 >> (16 - length)) as i32;
        let index = code + table.delta[length as usize];
        let symbol = usize::try_from(index)
            .ok()
            .and_then(|index| table.symbols.get(index))
            .ok_or(Corrupt("bad Huffman code"))?;
        self.consume(length);
        Ok(*symbol)
    }

    /// Reads `size` (at most 16) raw bits as a signed coefficient value.
    #[inline(always)]
    pub(super) fn value(&mut self, size: u32) -> i32 {
        if size == 0 {
            return 0;
        }
        self.ensure(size);
        let raw = (self.bits >> (64 - size)) as u32;
        self.consume(size);
        extend(raw, size)
    }

    /// Decodes one block's coefficients into `block` (natural order, which must be zeroed),
    /// updating the DC prediction. Returns how many zig-zag positions were reached.
    #[inline]
    pub(super) fn block(
        &mut self,
        dc: &HuffmanTable,
        ac: &HuffmanTable,
        prediction: &mut i32,
        block: &mut [i32; 64],
    ) -> Result<usize, Corrupt> {
        let size = u32::from(self.symbol(dc)?);
        if size > 11 {
            return Err(Corrupt("bad DC size"));
        }
        *prediction = prediction.wrapping_add(self.value(size));
        block[0] = *prediction;
        let mut position = 1usize;
        while position < 64 {
            self.ensure(FAST_BITS);
            let fast = ac.fast_ac[(self.bits >> (64 - FAST_BITS)) as usize];
            if fast != 0 {
                position += ((fast >> 8) & 0xFF) as usize;
                self.consume((fast & 0xFF) as u32);
                if position >= 64 {
                    return Err(Corrupt("coefficients past the end of a block"));
                }
                block[UNZIGZAG[position] & 63] = fast >> 16;
                position += 1;
                continue;
            }
            let symbol = u32::from(self.symbol(ac)?);
            let (run, size) = ((symbol >> 4) as usize, symbol & 15);
            if size == 0 {
                if run != 15 {
                    break;
                }
                position += 16;
                continue;
            }
            position += run;
            if position >= 64 {
                return Err(Corrupt("coefficients past the end of a block"));
            }
            block[UNZIGZAG[position] & 63] = self.value(size);
            position += 1;
        }
        Ok(position.min(64))
    }

    /// Skips to just after the restart marker that should come next and starts afresh.
    pub(super) fn restart(&mut self) {
        self.bits = 0;
        self.count = 0;
        self.at_marker = false;
        // The read-ahead may have passed bytes; markers are found from the consumed position.
        while let Some(rest) = self.data.get(self.position..) {
            match rest {
                [0xFF, 0xD0..=0xD7, ..] => {
                    self.position += 2;
                    return;
                }
                [] => return,
                _ => self.position += 1,
            }
        }
    }
}

/// The natural (row-major) index of each zig-zag position.
pub(super) const UNZIGZAG: [usize; 64] = [
    0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
    13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59,
    52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];
