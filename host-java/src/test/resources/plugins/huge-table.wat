;; Malicious: a table that may grow to 2^32 - 1 entries, each a slot on the JVM heap.
(module
  (table 1 funcref)
  (memory (export "memory") 1)
  (func (export "tw_plugin_alloc") (param i32) (result i32) (i32.const 4096))
  (func (export "tw_transform_echo") (param i32 i32) (result i32) (i32.const 16)))
