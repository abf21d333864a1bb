;; Malicious: an active data segment lies past the end of memory, so instantiation traps (no start function).
(module
  ;; --- the ABI scaffold (the same in every fixture): one page of memory, a bump allocator whose
  ;; free undoes the last allocation (the host frees the input right after each call), the result
  ;; descriptor at address 16, and `echo`, a transform that returns its input.
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 4096))
  (func $alloc (export "tw_plugin_alloc") (param $size i32) (result i32)
    (local $p i32) (local $end i32) (local $top i32)
    (local.set $p (global.get $heap))
    (local.set $end (i32.add (local.get $p) (i32.and (i32.add (local.get $size) (i32.const 7)) (i32.const -8))))
    (if (i32.lt_u (local.get $end) (local.get $p)) (then (return (i32.const 0))))
    (local.set $top (i32.shl (memory.size) (i32.const 16)))
    (if (i32.gt_u (local.get $end) (local.get $top))
      (then
        (if (i32.eq (memory.grow (i32.shr_u (i32.add (i32.sub (local.get $end) (local.get $top)) (i32.const 65535)) (i32.const 16)))
                    (i32.const -1))
          (then (return (i32.const 0))))))
    (global.set $heap (local.get $end))
    (local.get $p))
  (func (export "tw_plugin_free") (param $ptr i32) (param $size i32)
    (if (i32.eq (global.get $heap)
                (i32.add (local.get $ptr) (i32.and (i32.add (local.get $size) (i32.const 7)) (i32.const -8))))
      (then (global.set $heap (local.get $ptr)))))
  (func $result (param $status i32) (param $ptr i32) (param $len i32) (result i32)
    (i32.store (i32.const 16) (local.get $status))
    (i32.store (i32.const 20) (local.get $ptr))
    (i32.store (i32.const 24) (local.get $len))
    (i32.const 16))
  (func (export "tw_transform_echo") (param i32 i32) (result i32)
    (call $result (i32.const 0) (local.get 0) (local.get 1)))
  ;; --- end of the scaffold

  (data (i32.const 65535) "ab")
)
