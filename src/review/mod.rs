//! Spaced review (placeholder).
