;; Broken: has a transform but exports neither its memory nor tw_plugin_alloc.
(module
  (memory 1)
  (func (export "tw_transform_echo") (param i32 i32) (result i32) (i32.const 16)))
