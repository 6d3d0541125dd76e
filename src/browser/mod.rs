//! The thin browser layer: every Web API the app uses hides behind a function here that
//! returns plain values or a typed error. No app logic lives here.

pub mod crash;
pub mod dom;
pub mod download;
pub mod fetch;
pub mod history_db;
pub mod raster;
pub mod storage;
pub mod worker;
