//! The page importer on arbitrary bytes: it must return `Ok` or `Err`, never panic.
//!
//! With `XUEXI_FUZZ_STRICT` set, an `Err(NotFaithful)` (the importer's own round-trip
//! check failing, "a bug in the importer") also counts as a crash.

#![no_main]

use libfuzzer_sys::fuzz_target;
use xuexi_core::content::import::{import, ImportErrorKind, ImportOptions};

fuzz_target!(|raw: &[u8]| {
    let options = ImportOptions {
        page_id: "000".to_string(),
        page_title: "本期学习".to_string(),
        source_file: Some("000_fuzz.txt".to_string()),
        date: None,
        issue: None,
    };
    match import(raw, &options) {
        Ok(imported) => {
            // What the `import` binary prints: the report and the file must format too.
            let _ = format!("{:?}", imported.report);
            let _ = imported.file.len();
        }
        Err(error) => {
            let _ = error.to_string();
            if let ImportErrorKind::NotFaithful { input, rendered } = &error.kind {
                if std::env::var_os("XUEXI_FUZZ_STRICT").is_some() {
                    panic!("NotFaithful:\n--- input\n{input}\n--- rendered\n{rendered}");
                }
            }
        }
    }
});
