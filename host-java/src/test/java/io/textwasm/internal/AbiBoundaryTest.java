package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import io.textwasm.Backend;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module's own boundary, called directly as any host would: every bad pointer, length or
 * argument is a status code, never a trap, and the instance keeps working afterwards.
 */
class AbiBoundaryTest {
    static Instance instance;
    static ExportFunction call;
    static Memory memory;
    static int result;

    @BeforeAll
    static void load() {
        CoreModule m = CoreModule.load(Backend.AOT);
        instance = Instance.builder(m.module()).withMachineFactory(m.machines()).withMemoryFactory(ByteArrayMemory::new).build();
        call = instance.export("tw_call");
        memory = instance.memory();
        result = (int) instance.export("tw_result").apply()[0];
    }

    static int put(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int p = (int) instance.export("tw_alloc").apply(b.length)[0];
        memory.write(p, b);
        return p;
    }

    static int call(int op, int ptr, int len, int flags, int a, int b) {
        return (int) call.apply(op, ptr, len, flags, a, b)[0];
    }

    @Test
    void theModuleImportsNothingAndExportsTheDocumentedAbi() {
        com.dylibso.chicory.wasm.WasmModule m = com.dylibso.chicory.wasm.Parser.parse(CoreModule.bytes());
        assertEquals(0, m.importSection().importCount(), "the core must not import anything");
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (int i = 0; i < m.exportSection().exportCount(); i++) {
            names.add(m.exportSection().getExport(i).name());
        }
        assertTrue(names.containsAll(java.util.List.of("memory", "tw_abi_version", "tw_unicode_version", "tw_result", "tw_alloc", "tw_free", "tw_call")), names.toString());
        assertEquals(Abi.ABI_MAJOR << 16, (int) instance.export("tw_abi_version").apply()[0] & 0xFFFF0000);
        assertEquals(16 << 16, (int) instance.export("tw_unicode_version").apply()[0]);
    }

    @Test
    void pointersOutsideMemoryNegativeLengthsAndNullAreRefused() {
        int memBytes = memory.pages() * 65536;
        assertEquals(Abi.BAD_POINTER, call(Abi.OP_NORMALIZE, memBytes - 4, 100, 0, 0, 0));
        assertEquals(Abi.BAD_POINTER, call(Abi.OP_NORMALIZE, 0x7FFF_FFF0, 100, 0, 0, 0));
        assertEquals(Abi.BAD_POINTER, call(Abi.OP_COUNT, 16, -1, 2, 0, 0));
        assertEquals(Abi.BAD_POINTER, call(Abi.OP_SEGMENT, 0, 5, 0, 0, 0));
        assertEquals(Abi.BAD_POINTER, call(Abi.OP_NORMALIZE, -8, 4, 0, 0, 0));
        // Still usable.
        int p = put("Cafe\u0301");
        assertEquals(Abi.OK, call(Abi.OP_NORMALIZE, p, 6, 0, 0, 0));
        assertEquals("Café", memory.readString(memory.readInt(result), memory.readInt(result + 4)));
    }

    @Test
    void inputOverlappingTheModulesOwnOutputIsRefused() {
        int p = put("e\u0301e\u0301e\u0301");
        assertEquals(Abi.OK, call(Abi.OP_NORMALIZE, p, 9, 0, 0, 0));
        int out = memory.readInt(result);
        assertEquals(Abi.BAD_POINTER, call(Abi.OP_NORMALIZE, out, 4, 0, 0, 0));
    }

    @Test
    void aLargeOutputPassedBackIsRefusedToo() {
        // Outputs over 1 MiB are released at the start of the next call, and the next large
        // allocation reuses them: the input check must come first, or segmenting the previous
        // output overwrote it while it was read.
        String text = "e\u0301".repeat(600_000);
        int p = put(text);
        assertEquals(Abi.OK, call(Abi.OP_NORMALIZE, p, 1_800_000, 0, 0, 0));
        int out = memory.readInt(result);
        int outLen = memory.readInt(result + 4);
        assertEquals(1_200_000, outLen);
        assertEquals(Abi.BAD_POINTER, call(Abi.OP_SEGMENT, out, outLen, 0, 0, 0));
        assertEquals(Abi.BAD_POINTER, call(Abi.OP_NORMALIZE, out, outLen, 1, 0, 0));
        instance.export("tw_free").apply(p);
    }

    @Test
    void freeingWhatIsNotALiveBlockIsIgnored() {
        ExportFunction alloc = instance.export("tw_alloc");
        ExportFunction free = instance.export("tw_free");
        // Addresses below 8 used to wrap to a header read past the end of memory (a trap).
        for (int bad : new int[] {1, 4, 7, -1, Integer.MIN_VALUE, memory.pages() * 65536 - 4}) {
            free.apply(bad);
        }
        // A double free of a large block put it on the free list twice: the list then cycled,
        // and the next large allocation that did not fit it looped forever.
        int big = (int) alloc.apply(100_000)[0];
        free.apply(big);
        free.apply(big);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            int larger = (int) alloc.apply(200_000)[0];
            int a = (int) alloc.apply(100_000)[0];
            int b = (int) alloc.apply(100_000)[0];
            assertTrue(larger != 0 && a != 0 && b != 0 && a != b, larger + " " + a + " " + b);
            free.apply(larger);
            free.apply(a);
            free.apply(b);
        });
        // Small blocks too: a double free would hand the same block out twice.
        int s = (int) alloc.apply(40)[0];
        free.apply(s);
        free.apply(s);
        int x = (int) alloc.apply(40)[0];
        int y = (int) alloc.apply(40)[0];
        assertTrue(x != y, x + " " + y);
        int p = put("Cafe\u0301");
        assertEquals(Abi.OK, call(Abi.OP_NORMALIZE, p, 6, 0, 0, 0));
        assertEquals("Café", memory.readString(memory.readInt(result), memory.readInt(result + 4)));
    }

    @Test
    void unknownOperationsFlagsAndArgumentsAreRefused() {
        int p = put("text");
        assertEquals(Abi.BAD_ARGUMENT, call(99, p, 4, 0, 0, 0));
        assertEquals(Abi.BAD_ARGUMENT, call(-1, p, 4, 0, 0, 0));
        assertEquals(Abi.BAD_ARGUMENT, call(Abi.OP_NORMALIZE, p, 4, 1 << 20, 0, 0));
        assertEquals(Abi.BAD_ARGUMENT, call(Abi.OP_NORMALIZE, p, 4, 5, 0, 0)); // no form 5
        assertEquals(Abi.BAD_ARGUMENT, call(Abi.OP_SEGMENT, p, 4, 1 << 9, 0, 0));
        assertEquals(Abi.BAD_ARGUMENT, call(Abi.OP_COUNT, p, 4, 3, 0, 0));
        assertEquals(Abi.BAD_ARGUMENT, call(Abi.OP_TRUNCATE, p, 4, 0, -1, 0));
        assertEquals(Abi.BAD_ARGUMENT, call(Abi.OP_TRUNCATE, p, 4, 0, 3, 4)); // reserve > limit
    }

    @Test
    void illFormedUtf8NamesItsOffsetOrBecomesReplacementCharacters() {
        int p = (int) instance.export("tw_alloc").apply(5)[0];
        memory.write(p, new byte[] {'a', 'b', (byte) 0xFF, 'c', 'd'});
        assertEquals(Abi.INVALID_UTF8, call(Abi.OP_NORMALIZE, p, 5, 0, 0, 0));
        assertEquals(2, memory.readInt(result + 4 * Abi.R_ERROR_OFFSET));
        assertEquals(Abi.OK, call(Abi.OP_NORMALIZE, p, 5, Abi.NORM_LOSSY, 0, 0));
        assertEquals("ab\uFFFDcd", memory.readString(memory.readInt(result), memory.readInt(result + 4)));
    }

    @Test
    void randomArgumentsNeverTrap() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        int p = put("Grüße, 世界! e\u0301 👍🏽");
        for (int i = 0; i < 5_000; i++) {
            int op = r.nextInt(-2, 10);
            int ptr = r.nextBoolean() ? p + r.nextInt(-8, 8) : r.nextInt();
            int len = r.nextBoolean() ? r.nextInt(0, 40) : r.nextInt();
            int status = call(op, ptr, len, r.nextInt(1 << 11), r.nextInt(-5, 500), r.nextInt(-5, 50));
            assertTrue(status >= Abi.NEED_MORE_INPUT && status <= Abi.UNCHANGED, "status " + status);
        }
        assertEquals(Abi.OK, call(Abi.OP_COUNT, p, 4, Abi.COUNT_CODE_POINTS, 0, 0)); // "Grü"
    }
}
