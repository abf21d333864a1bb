;; Malicious: declares 300 pages (18.75 MiB) of initial memory; a 16 MiB cap must refuse it at load.
(module
  (memory (export "memory") 300)
  (func (export "tw_plugin_alloc") (param i32) (result i32) (i32.const 4096))
  (func (export "tw_transform_echo") (param i32 i32) (result i32) (i32.const 16)))
