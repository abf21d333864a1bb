//! The generated Unicode tables (see `generated.rs`, written by ucdgen; never edit by hand).
mod generated;
pub use generated::*;
