//! Loading stored progress from arbitrary text: never a panic, and whatever it yields
//! saves and loads back unchanged.

#![no_main]

use libfuzzer_sys::fuzz_target;
use xuexi_core::progress::{load, save};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let loaded = load(Some(text));
    if let Some(problem) = &loaded.problem {
        let _ = problem.to_string();
    }
    let stored = save(&loaded.progress);
    let again = load(Some(&stored));
    assert_eq!(
        again.problem, None,
        "saved progress does not load: {stored}"
    );
    assert_eq!(
        again.progress, loaded.progress,
        "saved progress loads changed: {stored}"
    );
});
