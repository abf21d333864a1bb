;; Broken: every ABI export has the wrong type: 64-bit allocator and free, a one-argument transform.
(module
  (memory (export "memory") 1)
  (func (export "tw_plugin_alloc") (param i64) (result i64) (i64.const 4096))
  (func (export "tw_plugin_free") (param i32))
  (func (export "tw_transform_echo") (param i32) (result i32) (i32.const 16)))
