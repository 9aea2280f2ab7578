//! 学习伴侣's pure core, in reading order: the content model and its formats, text helpers,
//! quizzes, recitation, spaced review, the reader's progress and search. It knows nothing
//! of the browser and reads no clock; the app and the native tools both build on it.

pub mod content;
pub mod hash;
pub mod line_format;
pub mod text;

pub mod quiz;
pub mod recite;
pub mod review;

pub mod branch;
pub mod progress;
pub mod search;
