;; Malicious: recursion through the host. `again` calls textwasm.normalize; the host allocates the
;; result with this module's tw_plugin_alloc, which calls textwasm.normalize again, and so on.
(module
  (import "textwasm" "normalize" (func $normalize (param i32 i32 i32 i32) (result i64)))
  (memory (export "memory") 1)
  (data (i32.const 64) "abc")
  (global $heap (mut i32) (i32.const 4096))
  (func (export "tw_plugin_alloc") (param $size i32) (result i32)
    (local $p i32)
    (drop (call $normalize (i32.const 64) (i32.const 3) (i32.const 0) (i32.const 0)))
    (local.set $p (global.get $heap))
    (global.set $heap (i32.add (global.get $heap) (i32.const 64)))
    (local.get $p))
  (func (export "tw_transform_again") (param i32 i32) (result i32)
    (drop (call $normalize (i32.const 64) (i32.const 3) (i32.const 0) (i32.const 0)))
    (i32.store (i32.const 16) (i32.const 0))
    (i32.store (i32.const 20) (i32.const 64))
    (i32.store (i32.const 24) (i32.const 3))
    (i32.const 16)))
