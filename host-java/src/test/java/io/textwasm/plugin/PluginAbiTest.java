package io.textwasm.plugin;

import static io.textwasm.plugin.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.plugin.PluginInspection.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The static ABI check, metadata, and the small parsers the host relies on. */
class PluginAbiTest {
    @Test
    void aWellBehavedModuleIsDescribedInFull() {
        PluginInspection r = PluginHost.inspect(fixture("echo"));
        assertTrue(r.followsAbi(), r.problems().toString());
        assertEquals(List.of("echo", "calls", "nfkc", "zeros", "fail", "chatty"), r.transforms());
        assertEquals(List.of(
                new PluginInspection.Import("textwasm", "normalize", "function", "(i32, i32, i32, i32) -> i64", true),
                new PluginInspection.Import("textwasm", "log", "function", "(i32, i32, i32) -> ()", true)), r.imports());
        assertTrue(r.exports().contains(new PluginInspection.Export("tw_plugin_alloc", "function", "(i32) -> i32")));
        assertTrue(r.exports().contains(new PluginInspection.Export("memory", "memory", "")));
        assertEquals(1, r.memoryMinPages());
        assertEquals(-1, r.memoryMaxPages());
        assertFalse(r.metadata().name().isPresent());
        assertEquals(fixture("echo").length, r.size());
    }

    @Test
    void everyProblemIsListedWithItsKind() {
        PluginInspection wasi = PluginHost.inspect(fixture("wasi"));
        assertEquals(List.of(new PluginInspection.Problem(Kind.REFUSED_IMPORT, "refused import wasi_snapshot_preview1.fd_write")), wasi.problems());
        assertFalse(wasi.imports().get(0).offered());
        PluginInspection table = PluginHost.inspect(fixture("huge-table"));
        assertEquals(List.of(new PluginInspection.Problem(Kind.ABI_VIOLATION,
                "table 0 has no maximum; plugins may declare at most 65536 entries")), table.problems());
        PluginInspection big = PluginHost.inspect(fixture("start-memory"), 16 << 20);
        assertEquals(Kind.MEMORY_LIMIT, big.problems().get(0).kind());
        assertTrue(PluginHost.inspect(fixture("start-memory"), 32 << 20).followsAbi());
    }

    @Test
    void theExamplePluginsFollowTheAbiAndImportOnlyTheEngine() {
        PluginInspection redact = PluginHost.inspect(Fixtures.example("redact"));
        assertTrue(redact.followsAbi(), redact.problems().toString());
        assertEquals(List.of("redact", "emails", "phones"), redact.transforms());
        assertEquals("redact", redact.metadata().name().orElseThrow());
        assertEquals("0.1.0", redact.metadata().version().orElseThrow());
        assertEquals("redact", redact.metadata().defaultTransform().orElseThrow());
        assertTrue(redact.imports().isEmpty());
        PluginInspection fold = PluginHost.inspect(Fixtures.example("fold-width"));
        assertTrue(fold.followsAbi(), fold.problems().toString());
        assertEquals(List.of("fold"), fold.transforms());
        assertEquals(List.of(new PluginInspection.Import("textwasm", "normalize", "function", "(i32, i32, i32, i32) -> i64", true)), fold.imports());
    }

    @Test
    void metadataIsReadStrictly() {
        PluginMetadata m = PluginMetadata.parse(utf8("{\"name\":\"x-1.2_b\",\"version\":\"1.0\",\"description\":\"Déjà vu\",\"abi\":1,\"future\":[1,{\"a\":null}]}"));
        assertEquals("x-1.2_b", m.name().orElseThrow());
        assertEquals("Déjà vu", m.description().orElseThrow());
        assertFalse(m.defaultTransform().isPresent());
        Map<String, String> bad = Map.of(
                "[1]", "it is not a JSON object",
                "{\"abi\":2}", "it asks for ABI 2; this host implements ABI 1",
                "{\"name\":7}", "\"name\" is not a string",
                "{\"name\":\"two words\"}", "\"name\" has a character it may not contain at index 3 (allowed: A-Z a-z 0-9 . _ -)",
                "{\"description\":\"line\\u001b[2J\"}", "\"description\" has a character it may not contain at index 4 (a control character)",
                "{\"name\":\"\"}", "\"name\" must be 1 to 64 characters",
                "{\"a\":1,\"a\":2}", "invalid JSON at character 11: duplicate key \"a\"",
                "{\"a\":1", "invalid JSON at character 6: unexpected end, expected '}'");
        bad.forEach((json, why) -> assertEquals(why, assertThrows(IllegalArgumentException.class,
                () -> PluginMetadata.parse(utf8(json)), json).getMessage(), json));
        String huge = "1".repeat(60_000);
        assertEquals("it asks for ABI " + "1".repeat(40) + "...; this host implements ABI 1",
                assertThrows(IllegalArgumentException.class, () -> PluginMetadata.parse(utf8("{\"abi\":" + huge + "}"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PluginMetadata.parse(new byte[] {'"', (byte) 0xFF, '"'}));
        assertThrows(IllegalArgumentException.class, () -> PluginMetadata.parse(new byte[PluginMetadata.MAX_BYTES + 1]));
    }

    @Test
    void utf8CheckAgreesWithTheJdkOnRandomBytes() {
        SplittableRandom r = new SplittableRandom(2024);
        byte[] alphabet = {0x41, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xA0,
            (byte) 0xED, (byte) 0x9F, (byte) 0xEF, (byte) 0xF0, (byte) 0x90, (byte) 0xF4, (byte) 0x8F, (byte) 0xF5, (byte) 0xFF};
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[r.nextInt(7)];
            for (int k = 0; k < b.length; k++) {
                b[k] = alphabet[r.nextInt(alphabet.length)];
            }
            int want = jdkFirstInvalid(b);
            assertEquals(want, Utf8Check.firstInvalid(b, b.length), () -> "bytes " + java.util.HexFormat.of().formatHex(b));
        }
    }

    private static int jdkFirstInvalid(byte[] b) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        var out = java.nio.CharBuffer.allocate(b.length * 2 + 2);
        var res = dec.decode(in, out, true);
        if (res.isError()) {
            return in.position();
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
            return -1;
        } catch (CharacterCodingException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
