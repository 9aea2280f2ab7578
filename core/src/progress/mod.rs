//! What a reader has done and chosen — settings, reading, favourites — as one value that
//! changes only through [`Progress::apply`], and its stored form with a schema version.
//! Pure: the UI owns storage and merely carries out what [`keeper::Keeper`] decides.

pub mod keeper;
pub mod key;
pub mod merge;
pub mod model;
pub mod reminder;
pub mod store;
pub mod transfer;

pub use keeper::{Decision, Found, Keeper, StorageKey, StorageNotice, Synced};
pub use key::{CardKey, ItemKey, KeyError, QuestionKey, QuizId, QuizKey, QuotationKey};
pub use merge::merge;
pub use model::{
    Attempt, FontStep, ItemReading, Progress, ProgressAction, QuestionRecord, Settings, ThemeChoice,
};
pub use reminder::{backup_due, worth_keeping};
pub use store::{load, save, LoadProblem, Loaded, SCHEMA_VERSION};
pub use transfer::{export_code, export_json, import, Catalog, ImportError};
