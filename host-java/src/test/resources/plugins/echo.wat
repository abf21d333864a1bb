;; A well-behaved plugin: echo, a per-instance call counter, a host call, an error, and a chatty logger.
(module
  (import "textwasm" "normalize" (func $normalize (param i32 i32 i32 i32) (result i64)))
  (import "textwasm" "log" (func $log (param i32 i32 i32)))
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

  (global $calls (mut i32) (i32.const 0))
  (data (i32.const 64) "bad input")
  ;; `calls`: how many calls this instance has served, as one ASCII digit (mod 10).
  (func (export "tw_transform_calls") (param i32 i32) (result i32)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.store8 (i32.const 32) (i32.add (i32.const 48) (i32.rem_u (global.get $calls) (i32.const 10))))
    (call $result (i32.const 0) (i32.const 32) (i32.const 1)))
  ;; `nfkc`: the engine's NFKC of the input, through the host function.
  (func (export "tw_transform_nfkc") (param i32 i32) (result i32)
    (local $r i64)
    (local.set $r (call $normalize (local.get 0) (local.get 1) (i32.const 2) (i32.const 0)))
    (if (i64.lt_s (local.get $r) (i64.const 0))
      (then (return (call $result (i32.const 2) (i32.const 64) (i32.const 9)))))
    (call $result (i32.const 0)
      (i32.wrap_i64 (i64.shr_u (local.get $r) (i64.const 32)))
      (i32.wrap_i64 (local.get $r))))
  ;; `zeros`: asks the engine to normalize 100,000 NUL bytes from address 65536 (growing memory
  ;; for them); a host error -N comes back as error code N. Output: the input.
  (func (export "tw_transform_zeros") (param i32 i32) (result i32)
    (local $r i64)
    (if (i32.lt_u (memory.size) (i32.const 3))
      (then (drop (memory.grow (i32.const 2)))))
    (local.set $r (call $normalize (i32.const 65536) (i32.const 100000) (i32.const 2) (i32.const 0)))
    (if (i64.lt_s (local.get $r) (i64.const 0))
      (then (return (call $result (i32.wrap_i64 (i64.sub (i64.const 0) (local.get $r))) (i32.const 64) (i32.const 9)))))
    (call $result (i32.const 0) (local.get 0) (local.get 1)))
  ;; `fail`: reports error 7, "bad input".
  (func (export "tw_transform_fail") (param i32 i32) (result i32)
    (call $result (i32.const 7) (i32.const 64) (i32.const 9)))
  ;; `chatty`: logs its input 150 times at level warn, then echoes it.
  (func (export "tw_transform_chatty") (param i32 i32) (result i32)
    (local $n i32)
    (loop $again
      (call $log (i32.const 2) (local.get 0) (local.get 1))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get $n) (i32.const 150))))
    (call $result (i32.const 0) (local.get 0) (local.get 1)))
)
