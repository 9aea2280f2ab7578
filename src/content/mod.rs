//! The newspaper content: its model, the content-file format, the importer of raw pages,
//! and the code generator that bundles pages into the app. Pure: no browser APIs.
//!
//! `build.rs` compiles this module on its own (through `#[path]`), so nothing here may
//! reach outside `content`.

pub mod codegen;
pub mod format;
pub mod import;
pub mod model;
pub mod press;
pub mod similarity;

pub use model::{Byline, IsoDate, Item, ItemKind, Page, Paragraph, Quotation, Role};
