package io.textwasm.plugin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Modules built byte by byte, for what the fixtures' wat2wasm (wabt 1.0.32) cannot write or what
 * is too large to commit: thousands of tables or functions, a function with thousands of
 * locals, GC types, names holding control characters. Each is otherwise a valid plugin: a
 * memory, the allocator and one transform, "x".
 */
final class HostileModules {
    private HostileModules() {}

    /**
     * {@code (type (array (mut i64)))} and a transform that allocates 800 MB arrays in a loop
     * (wat: {@code loop (drop (array.new_default 2 (i32.const 100000000))) br 0}).
     */
    static byte[] gcArrays() {
        return HexFormat.of().parseHex("0061736d01000000010f0360017f017f60027f7f017f5e7e0103030200010503010001072d03066d656d6f7279"
                + "02000f74775f706c7567696e5f616c6c6f6300000e74775f7472616e73666f726d5f7800010a1a0205004180080b12000340418"
                + "0c2d72ffb07021a0c000b41100b");
    }

    /** A plugin with {@code tables} tables of {@code entries} entries each. */
    static byte[] tables(int tables, int entries) {
        return plugin(null, null, tables, entries, 0, 0);
    }

    /** A plugin with {@code functions} more functions, of no parameters and no body. */
    static byte[] functions(int functions) {
        return plugin(null, null, 0, 0, functions, 0);
    }

    /** A plugin with one more function that declares {@code locals} i64 locals. */
    static byte[] locals(int locals) {
        return plugin(null, null, 0, 0, 1, locals);
    }

    /** A plugin with one more function that declares a v128 local, which Chicory's compiler does not support. */
    static byte[] v128Local() {
        return plugin(null, null, 0, 0, 1, -1);
    }

    /** A plugin that imports a function {@code module.name} of type () -> (). */
    static byte[] importing(String module, String name) {
        return plugin(module, name, 0, 0, 0, 0);
    }

    private static byte[] plugin(String importModule, String importName, int tables, int entries, int extra, int locals) {
        int imported = importModule == null ? 0 : 1;
        Bytes types = new Bytes().u(3)
                .b(0x60, 1, 0x7F, 1, 0x7F) // 0: (i32) -> i32, the allocator
                .b(0x60, 2, 0x7F, 0x7F, 1, 0x7F) // 1: (i32, i32) -> i32, the transform
                .b(0x60, 0, 0); // 2: () -> ()
        Bytes module = new Bytes().b(0, 'a', 's', 'm', 1, 0, 0, 0).section(1, types);
        if (imported == 1) {
            module.section(2, new Bytes().u(1).name(importModule).name(importName).b(0x00).u(2));
        }
        Bytes functions = new Bytes().u(2 + extra).u(0).u(1);
        for (int k = 0; k < extra; k++) {
            functions.u(2);
        }
        module.section(3, functions);
        if (tables > 0) {
            Bytes t = new Bytes().u(tables);
            for (int k = 0; k < tables; k++) {
                t.b(0x70, 0x01).u(entries).u(entries);
            }
            module.section(4, t);
        }
        module.section(5, new Bytes().u(1).b(0x00).u(1));
        module.section(7, new Bytes().u(3)
                .name("memory").b(0x02).u(0)
                .name("tw_plugin_alloc").b(0x00).u(imported)
                .name("tw_transform_x").b(0x00).u(imported + 1));
        Bytes code = new Bytes().u(2 + extra)
                .body(new Bytes().u(0).b(0x41).u(1024).b(0x0B)) // i32.const 1024
                .body(new Bytes().u(0).b(0x41).u(16).b(0x0B)); // i32.const 16
        for (int k = 0; k < extra; k++) {
            Bytes body = locals > 0 && k == 0 ? new Bytes().u(1).u(locals).b(0x7E) // locals × i64
                    : locals < 0 && k == 0 ? new Bytes().u(1).u(1).b(0x7B) // one v128
                    : new Bytes().u(0);
            code.body(body.b(0x0B));
        }
        return module.section(10, code).bytes();
    }

    /** A byte buffer with wasm's encodings. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes b(int... values) {
            for (int v : values) {
                out.write(v);
            }
            return this;
        }

        /** Unsigned LEB128. */
        Bytes u(long v) {
            do {
                int low = (int) (v & 0x7F);
                v >>>= 7;
                out.write(v != 0 ? low | 0x80 : low);
            } while (v != 0);
            return this;
        }

        Bytes name(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            u(utf8.length);
            out.writeBytes(utf8);
            return this;
        }

        Bytes section(int id, Bytes content) {
            out.write(id);
            u(content.out.size());
            out.writeBytes(content.bytes());
            return this;
        }

        Bytes body(Bytes content) {
            u(content.out.size());
            out.writeBytes(content.bytes());
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
