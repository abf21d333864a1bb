//! The plugin side of the textwasm plugin ABI (docs/plugin-abi.md), small enough to read in one
//! sitting. A plugin crate writes its transforms as `fn(&str, &mut Buf) -> Result<(), Failure>`
//! and names them in [`plugin!`]; the macro emits the exports and the metadata section.
//!
//! # Implementation notes
//!
//! * **No `alloc` crate.** On wasm32 the crate is `no_std` with its own allocator ([`heap`]):
//!   Rust 1.63 cannot use `alloc` without a nightly-only error handler, and a failed
//!   allocation must become a status the plugin can report, not a trap. Native builds (the
//!   unit tests) run the same code over the system allocator.
//! * **No panics on the plugin's path.** Nothing here unwraps or indexes; the panic handler
//!   exists only because `no_std` requires one, and it traps.
//! * **Host calls are wasm-only.** Natively they answer [`host::HostError::Unavailable`], so
//!   plugin logic that needs the engine takes it as a parameter and tests pass a stand-in.
#![cfg_attr(target_arch = "wasm32", no_std)]
#![deny(unsafe_op_in_unsafe_fn)]

pub mod abi;
pub mod buf;
pub mod heap;
pub mod host;

pub use abi::Failure;
pub use buf::{Buf, OutOfMemory};

#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn on_panic(_: &core::panic::PanicInfo) -> ! {
    // Unreachable by construction; trap (the host reports "trap: unreachable") rather than loop.
    core::arch::wasm32::unreachable()
}

/// Declares a plugin: its metadata (JSON, stored in the `textwasm.plugin` custom section) and
/// its transforms, each exported as `tw_transform_<name>`. Also exports the allocator.
///
/// ```ignore
/// textwasm_plugin::plugin! {
///     metadata: br#"{"name":"upper","version":"1.0.0"}"#,
///     transforms: { tw_transform_upper => upper },
/// }
/// ```
#[macro_export]
macro_rules! plugin {
    (metadata: $meta:literal, transforms: { $($export:ident => $func:path),+ $(,)? } $(,)?) => {
        #[cfg(target_arch = "wasm32")]
        #[link_section = "textwasm.plugin"]
        #[used]
        static TEXTWASM_PLUGIN_METADATA: [u8; $meta.len()] = *$meta;

        /// ABI: allocates `size` bytes for the host; 0 when memory is exhausted.
        #[no_mangle]
        pub extern "C" fn tw_plugin_alloc(size: u32) -> u32 {
            $crate::abi::alloc(size)
        }

        /// ABI: releases what `tw_plugin_alloc` returned.
        #[no_mangle]
        pub extern "C" fn tw_plugin_free(ptr: u32, size: u32) {
            $crate::abi::free(ptr, size)
        }

        $(
            #[no_mangle]
            pub extern "C" fn $export(ptr: u32, len: u32) -> u32 {
                $crate::abi::run(ptr, len, $func)
            }
        )+
    };
}
