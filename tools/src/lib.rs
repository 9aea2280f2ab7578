//! What the native build tools share: reading the content folders (every page and its
//! question bank, checked exactly as before they become data), writing the data files the
//! app fetches, writing drafted question banks, the precache step, the revision hash every
//! cached file is named by, and what every command's `main` (`cli`), file access (`files`)
//! and benchmark (`bench`) has in common.

pub mod bench;
pub mod cli;
pub mod content_dir;
pub mod data_files;
pub mod draft_file;
pub mod files;
pub mod precache;

use sha2::{Digest, Sha256};

/// Hex digits kept of a SHA-256 for revisions and the version: 64 bits, plenty to tell
/// builds apart.
pub const REVISION_DIGITS: usize = 16;

/// The revision of a file's bytes: the first [`REVISION_DIGITS`] hex digits of its SHA-256.
pub fn revision(bytes: &[u8]) -> String {
    let hex: String = Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    hex[..REVISION_DIGITS].to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn revisions_are_the_start_of_the_sha256() {
        // SHA-256("abc") = ba7816bf8f01cfea…
        assert_eq!(super::revision(b"abc"), "ba7816bf8f01cfea");
    }
}
