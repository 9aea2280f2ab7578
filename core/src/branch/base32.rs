//! The characters codes are written in (Crockford's base32: digits and capitals without
//! I, L, O and U, read back case-blind with I and L as 1 and O as 0), the bit packing
//! behind them, and the 20-bit check.

/// The 32 symbols, by value.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The value of a symbol as a reader may have typed it, or `None` for a character that is
/// not one.
pub fn symbol_value(c: char) -> Option<u8> {
    let upper = match c.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        other => other,
    };
    ALPHABET
        .iter()
        .position(|&s| char::from(s) == upper)
        .map(|v| v as u8)
}

/// Bits written most significant first, then read back as symbols.
#[derive(Debug, Default, Clone)]
pub struct BitWriter {
    bits: Vec<bool>,
}

impl BitWriter {
    /// Appends the low `width` bits of `value`, most significant first.
    pub fn put(&mut self, value: u128, width: u32) {
        for shift in (0..width).rev() {
            self.bits.push((value >> shift) & 1 == 1);
        }
    }

    pub fn put_bits(&mut self, bits: &[bool]) {
        self.bits.extend_from_slice(bits);
    }

    /// The bits as symbol values, the last one padded with zeros.
    pub fn symbols(&self) -> Vec<u8> {
        self.bits
            .chunks(5)
            .map(|chunk| {
                (0..5).fold(0u8, |acc, i| {
                    (acc << 1) | u8::from(chunk.get(i).copied().unwrap_or(false))
                })
            })
            .collect()
    }
}

/// Reads bits back from symbol values; `None` once they run out.
#[derive(Debug, Clone)]
pub struct BitReader<'a> {
    symbols: &'a [u8],
    position: usize,
}

impl<'a> BitReader<'a> {
    pub fn new(symbols: &'a [u8]) -> BitReader<'a> {
        BitReader {
            symbols,
            position: 0,
        }
    }

    pub fn take(&mut self, width: u32) -> Option<u128> {
        let mut value = 0u128;
        for _ in 0..width {
            let symbol = *self.symbols.get(self.position / 5)?;
            let bit = (symbol >> (4 - self.position % 5)) & 1;
            value = (value << 1) | u128::from(bit);
            self.position += 1;
        }
        Some(value)
    }

    pub fn take_bits(&mut self, n: usize) -> Option<Vec<bool>> {
        (0..n).map(|_| self.take(1).map(|b| b == 1)).collect()
    }

    /// How many symbols the bits read so far fill, the last one partly.
    pub fn symbols_used(&self) -> usize {
        self.position.div_ceil(5)
    }
}

/// Symbols as text.
pub fn encode(symbols: &[u8]) -> String {
    symbols
        .iter()
        .map(|&v| char::from(ALPHABET[usize::from(v & 31)]))
        .collect()
}

/// The check's width in bits.
pub const CHECK_BITS: u32 = 20;
/// The check's width in symbols.
pub const CHECK_SYMBOLS: usize = 4;

/// A CRC of degree 20 (generator 0x1_8359D has the constant term, so every burst of up to 20
/// bits — any single changed symbol — changes it) over `bytes`, from a non-zero start so
/// that leading zeros and the length count too.
pub fn check(bytes: impl IntoIterator<Item = u8>) -> u32 {
    const POLY: u32 = 0x8_359D;
    const TOP: u32 = 1 << 19;
    let mut crc: u32 = 0xF_FFFF;
    for byte in bytes {
        for shift in (0..8).rev() {
            let bit = u32::from((byte >> shift) & 1);
            let feedback = ((crc & TOP) != 0) as u32 ^ bit;
            crc = (crc << 1) & 0xF_FFFF;
            if feedback == 1 {
                crc ^= POLY;
            }
        }
    }
    crc
}

/// The check as four symbols.
pub fn check_symbols(check: u32) -> [u8; CHECK_SYMBOLS] {
    [15, 10, 5, 0].map(|shift| ((check >> shift) & 31) as u8)
}

/// `n` choose `k`, `None` beyond `u128`.
pub fn binomial(n: u32, k: u32) -> Option<u128> {
    if k > n {
        return Some(0);
    }
    let k = k.min(n - k);
    let mut value: u128 = 1;
    for i in 0..k {
        value = value.checked_mul(u128::from(n - i))? / u128::from(i + 1);
    }
    Some(value)
}

/// How many bits a number below `n` needs (0 for `n` ≤ 1).
pub fn bits_below(n: u128) -> u32 {
    if n <= 1 {
        0
    } else {
        128 - (n - 1).leading_zeros()
    }
}

/// The rank of a set of distinct, ascending numbers among all sets of its size
/// (the combinatorial number system): `Σ C(cᵢ, i+1)`.
pub fn subset_rank(ascending: &[u32]) -> Option<u128> {
    ascending
        .iter()
        .enumerate()
        .try_fold(0u128, |acc, (i, &c)| {
            acc.checked_add(binomial(c, i as u32 + 1)?)
        })
}

/// The `k` ascending numbers below `n` with this rank, the inverse of [`subset_rank`].
pub fn subset_unrank(mut rank: u128, n: u32, k: u32) -> Option<Vec<u32>> {
    let mut picked = Vec::with_capacity(k as usize);
    let mut below = n;
    for i in (1..=k).rev() {
        let mut c = below.checked_sub(1)?;
        while binomial(c, i)? > rank {
            c = c.checked_sub(1)?;
        }
        rank -= binomial(c, i)?;
        picked.push(c);
        below = c;
    }
    if rank != 0 {
        return None;
    }
    picked.reverse();
    Some(picked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsets_round_trip() {
        let sets: [&[u32]; 5] = [&[], &[0], &[3, 7, 9], &[0, 1, 2, 3], &[5, 17, 40, 63]];
        for set in sets {
            let rank = subset_rank(set).unwrap();
            assert!(rank < binomial(64, set.len() as u32).unwrap());
            assert_eq!(subset_unrank(rank, 64, set.len() as u32).unwrap(), set);
        }
        assert_eq!(bits_below(binomial(64, 10).unwrap()), 38);
    }

    #[test]
    fn symbols_read_back_case_blind() {
        assert_eq!(symbol_value('a'), Some(10));
        assert_eq!(symbol_value('I'), Some(1));
        assert_eq!(symbol_value('o'), Some(0));
        assert_eq!(symbol_value('U'), None);
        assert_eq!(symbol_value('码'), None);
    }
}
