//! Start-up expansion of the compact tables into fast runtime structures.
pub mod formats;
pub mod norm;
pub mod stream;
pub mod trie;
