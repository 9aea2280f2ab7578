//! The views the router shows in the main region, one file each.

pub mod branch;
pub mod favourites;
pub mod home;
pub mod item;
pub mod meeting;
pub mod mistakes;
pub mod not_found;
pub mod quiz;
pub mod quotation;
pub mod recite;
pub mod record;
pub mod review;
pub mod sheet;
