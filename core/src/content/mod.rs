//! The newspaper content: its model, the content-file format, the importer of raw pages,
//! and the archive's catalog. Pure: no browser APIs.

pub mod catalog;
pub mod format;
pub mod import;
pub mod model;
pub mod press;
pub mod similarity;

pub use catalog::{
    Catalog, CatalogPart, ItemEntry, PageData, PageEntry, VolumeRef, DATA_VERSION, VOLUME_PAGES,
};
pub use model::{Byline, IsoDate, Item, ItemKind, Page, Paragraph, Quotation, Role};
