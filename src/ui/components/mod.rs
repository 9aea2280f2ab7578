//! Pieces shared by several views, one component per file.

pub mod archive;
pub mod backup;
pub mod backup_reminder;
pub mod drafted_label;
pub mod fragment_order;
pub mod highlighted;
pub mod install_hint;
pub mod meeting_clock;
pub mod meeting_entry;
pub mod notice;
pub mod offline_archive;
pub mod panel;
pub mod question_view;
pub mod quiz_check;
pub mod quiz_result;
pub mod read_aloud;
pub mod reading_bar;
pub mod result_code;
pub mod search_panel;
pub mod settings_panel;
pub mod share_bar;
pub mod update_prompt;
