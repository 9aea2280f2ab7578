//! FNV-1a, the small fixed hash behind the importer's item ids, a bank's version in result
//! codes and the seeds a quiz derives: stable across builds and platforms, never secret.

/// The 32-bit FNV-1a hash of `bytes`.
pub fn fnv1a_32(bytes: impl IntoIterator<Item = u8>) -> u32 {
    bytes.into_iter().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// The 64-bit FNV-1a hash of `bytes`.
pub fn fnv1a_64(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Four base-36 characters of the 32-bit FNV-1a hash of `key`: the part of an item id after
/// its kind's letter (`a-byfe`).
pub fn short_id(key: &str) -> String {
    let mut n = fnv1a_32(key.bytes()) % 36u32.pow(4);
    let mut out = ['0'; 4];
    for slot in out.iter_mut().rev() {
        *slot = char::from_digit(n % 36, 36).expect("below 36");
        n /= 36;
    }
    out.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_test_vectors() {
        assert_eq!(fnv1a_32(*b""), 0x811c_9dc5);
        assert_eq!(fnv1a_32(*b"a"), 0xe40c_292c);
        assert_eq!(fnv1a_32(*b"foobar"), 0xbf9c_f968);
        assert_eq!(fnv1a_64(*b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(*b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a_64(*b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn a_short_id_is_four_base_36_characters_of_the_hash() {
        let empty = fnv1a_32(*b"") % 36u32.pow(4);
        assert_eq!(u32::from_str_radix(&short_id(""), 36), Ok(empty));
        assert_eq!(short_id("").len(), 4);
        assert_eq!(short_id("a"), short_id("a"));
        assert_ne!(short_id("a"), short_id("b"));
    }
}
