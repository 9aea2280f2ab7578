//! The last build step, after prerender (`xuexi_tools::precache` says what it does): the app
//! meta in place of Trunk's loader, the stylesheet and `boot.js` inside every page, the build's
//! version, `dist/sw.js` and `dist/version.json`.
//!
//! Usage: `cargo run --bin precache -- [dist]`

use std::path::PathBuf;
use std::process::ExitCode;

use xuexi_tools::{cli, precache};

fn main() -> ExitCode {
    let dist = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "dist".to_string()),
    );
    let result = precache::run(&dist).map(|(version, n_files)| {
        println!(
            "precache: build {version}, {n_files} files in {}/sw.js",
            dist.display()
        )
    });
    cli::finish("precache", result)
}
