//! (in progress)
pub mod props;
