package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.textwasm.Backend;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tables the build ships are there, belong to this module, and equal what the host derives
 * from the module when it has none; only the AOT backend reads them.
 */
class ShippedTablesTest {
    private static InstancePool pool;
    private static StableText stable;
    private static MappedText mapped;
    private static HostTables host;

    @BeforeAll
    static void derivedWithoutThem() {
        pool = new InstancePool(CoreModule.load(Backend.AOT), 1, 1 << 14, 1 << 4);
        DerivedTables fresh = DerivedTables.unshared();
        stable = new StableText(pool, fresh);
        mapped = new MappedText(pool, stable, fresh);
        host = new HostTables(pool, fresh);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void everyFormsStableSetAndMappingsEqualTheModulesOwn() {
        ShippedTables shipped = ShippedTables.RESOURCES;
        for (int key = 0; key < ShippedTables.FORMS; key++) {
            long[] set = shipped.stableSet(key);
            char[] map = shipped.mappings(key);
            assertNotNull(set, "the build (process-classes) ships stable-" + key + " for this module");
            assertNotNull(map, "the build ships map-" + key + " for this module");
            assertArrayEquals(stable.set(key), set, "stable set of form " + key);
            assertArrayEquals(mapped.mappings(key), map, "mappings of form " + key);
        }
    }

    @Test
    void hostAndWordTablesEqualTheModulesOwn() {
        byte[][] tables = ShippedTables.RESOURCES.hostTables();
        assertNotNull(tables, "the build ships the host tables");
        assertArrayEquals(host.classes(), tables[0]);
        assertArrayEquals(host.steps(), tables[1]);
        assertArrayEquals(host.wordTable(), ShippedTables.RESOURCES.wordTable());
    }

    @Test
    void onlyTheAotBackendReadsThem() {
        assertSame(ShippedTables.RESOURCES, DerivedTables.of(Backend.AOT).shipped);
        assertSame(ShippedTables.NONE, DerivedTables.of(Backend.COMPILER).shipped);
        assertSame(ShippedTables.NONE, DerivedTables.of(Backend.INTERPRETER).shipped);
        assertSame(ShippedTables.NONE, DerivedTables.unshared().shipped);
        assertNull(ShippedTables.NONE.stableSet(0));
        assertNull(ShippedTables.NONE.hostTables());
    }

    @Test
    void aFileOfAnotherModuleOrDamagedIsNotUsed() throws IOException, DataFormatException {
        byte[] payload = new byte[4096];
        Arrays.fill(payload, 100, 200, (byte) 7);
        long key = InitImage.moduleKey();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ShippedTables.encode(out, key, payload);
        byte[] file = out.toByteArray();
        assertArrayEquals(payload, ShippedTables.decode(new ByteArrayInputStream(file), key));
        assertNull(ShippedTables.decode(new ByteArrayInputStream(file), key ^ 1), "another module's table");
        assertNull(ShippedTables.decode(new ByteArrayInputStream(Arrays.copyOf(file, file.length - 3)), key), "truncated");
        byte[] longer = file.clone();
        longer[19] += 1; // the stated length, one more than the data holds
        assertNull(ShippedTables.decode(new ByteArrayInputStream(longer), key), "a length the data does not fill");
        byte[] badMagic = file.clone();
        badMagic[0] ^= 1;
        assertNull(ShippedTables.decode(new ByteArrayInputStream(badMagic), key));
    }
}
