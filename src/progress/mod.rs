//! What a reader has done and chosen — settings, reading, favourites — as one value that
//! changes only through [`Progress::apply`], and its stored form with a schema version.
//! Pure: the UI owns storage and merely saves what [`store::save`] returns.

pub mod model;
pub mod store;

pub use model::{
    item_key, local_day, question_key, Attempt, FontStep, ItemReading, Progress, ProgressAction,
    QuestionRecord, Settings, ThemeChoice,
};
pub use store::{load, save, LoadProblem, Loaded, SCHEMA_VERSION};
