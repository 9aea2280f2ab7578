//! The newspaper content: its model, the content-file format, the importer of raw pages,
//! and the archive's catalog. Pure: no browser APIs.

pub mod catalog;
pub mod format;
pub mod import;
pub mod model;
pub mod press;
pub mod similarity;

pub use catalog::{Catalog, ItemEntry, PageData, PageEntry, DATA_VERSION};
pub use model::{Byline, IsoDate, Item, ItemKind, Page, Paragraph, Quotation, Role};
