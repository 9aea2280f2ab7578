//! 学习伴侣: a study companion for one newspaper study page. Modules in reading order:
//! the pure core first (no browser APIs), then the bundled content, then the Yew UI.

pub mod content;
pub mod progress;
pub mod quiz;
pub mod recite;
pub mod review;
pub mod search;
pub mod text;

pub mod bundled;

pub mod ui;
