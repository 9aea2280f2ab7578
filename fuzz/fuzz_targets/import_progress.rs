//! The progress import (export file or `XUEXI.` code) on arbitrary text, against the
//! catalog of page 000, merged into an empty and into a realistic progress. It
//! must return `Ok` or `Err`, never panic; what it accepts must save, export and load
//! back unchanged (the app saves an import at once).

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use xuexi_core::content::format as page_format;
use xuexi_core::progress::{export_code, export_json, import, load, save, Catalog, Progress};
use xuexi_core::quiz::bank::format as bank_format;

/// Every id the app knows of page 000, as the app builds it from its catalog.
fn catalog() -> Catalog {
    let page = page_format::parse(include_str!("../../assets/content/000/page.md"))
        .expect("page 000 parses");
    let bank = bank_format::parse(include_str!("../../assets/content/000/quiz.md"), &page)
        .expect("bank 000 parses");
    let archive = xuexi_core::content::Catalog::new([(&page, Some(&bank), String::new())]);
    Catalog::of(&archive)
}

struct Fixture {
    catalog: Catalog,
    /// A reader who has already studied: one of the seed exports, imported.
    studied: Progress,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let catalog = catalog();
        let seed = include_str!("../seeds/import_progress/full.json");
        let studied = import(seed, &catalog, &Progress::default())
            .expect("the seed export imports into an empty progress");
        assert_ne!(studied, Progress::default());
        Fixture { catalog, studied }
    })
}

fn check_saved(progress: &Progress) {
    let stored = save(progress);
    let loaded = load(Some(&stored));
    assert_eq!(
        loaded.problem, None,
        "saved progress does not load: {stored}"
    );
    assert_eq!(
        &loaded.progress, progress,
        "saved progress loads changed: {stored}"
    );
    let _ = export_json(progress, u64::MAX);
    let _ = export_code(progress, 0);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let fixture = fixture();
    for current in [&Progress::default(), &fixture.studied] {
        match import(text, &fixture.catalog, current) {
            Ok(merged) => check_saved(&merged),
            Err(error) => {
                let _ = error.to_string();
            }
        }
    }
});
