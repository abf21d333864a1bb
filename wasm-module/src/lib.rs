//! textwasm-core: Unicode 16.0.0 normalization and UAX #29 segmentation, written to fit in
//! one WebAssembly module of at most 51,200 bytes raw and 15,360 bytes Brotli.
//!
//! # Implementation notes
//!
//! * **No imports, no panics.** The module imports nothing and must never trap on input.
//!   Outside tests there is no `unwrap`, no slice indexing that can fail on input, and every
//!   pointer and length that crosses the ABI is checked (see [`abi`]). Allocation failure is
//!   a status code, not an abort.
//! * **Tables are compact at rest and expanded at start-up.** The generated tables in
//!   [`tables`] are byte streams designed for Brotli (small deltas, repeated shapes). The first
//!   call expands them into tries and hash tables in linear memory ([`data`]); that costs a
//!   few milliseconds once per instance and keeps the shipped module small. Everything that
//!   can be derived is derived there: full decompositions, composition pairs, quick-check
//!   flags, NFKC_Casefold mappings.
//! * **Fast paths first.** Text that needs no change is recognised eight bytes at a time and
//!   never copied back; the host is told the input is unchanged.
//! * **One entry format.** Every operation reads UTF-8. The host encodes Java strings itself,
//!   which is where unpaired surrogates become U+FFFD.
//!
//! The layout follows the algorithm: [`utf8`] decodes, [`normalize`] implements UAX #15,
//! [`segment`] implements UAX #29, [`text`] builds word count, tokenize and truncate on top,
//! and [`abi`] is the only place that touches raw pointers handed in by the host.
#![cfg_attr(target_arch = "wasm32", no_std)]
#![deny(unsafe_op_in_unsafe_fn)]

pub mod abi;
pub mod buf;
pub mod data;
pub mod normalize;
pub mod segment;
pub mod tables;
pub mod text;
pub mod utf8;

/// Why an operation failed; the ABI maps each to a status code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// Ill-formed UTF-8 at this byte offset.
    InvalidUtf8(usize),
    OutOfMemory,
    /// The text ends (and more follows) before the answer is known.
    NeedMore,
    BadArgument,
}

/// The Unicode version every table in this crate was generated from.
pub const UNICODE_VERSION: (u8, u8, u8) = tables::UNICODE_VERSION;

#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn on_panic(_: &core::panic::PanicInfo) -> ! {
    // Unreachable by construction (see the notes above); trap rather than loop if it happens.
    core::arch::wasm32::unreachable()
}
