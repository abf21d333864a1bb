package io.textwasm.internal;

import io.textwasm.Backend;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * What the host derives from the embedded module and keeps (stable sets, per-unit tables,
 * learnt mappings and piece answers, the host and word tables), shared by every engine of one
 * backend in the JVM: all engines run the same module, so these are the same data, and a second
 * engine should cost its core instances, not another copy (about 450 KiB once NFC and NFKC
 * have been used). Each slot is filled once, by whichever engine needs it first: from the jar's
 * {@link ShippedTables} when the backend is AOT and the jar has that table, else through that
 * engine's own instances. Kept per backend so that each backend's tables come from its own runs
 * of the module, which the cross-backend tests compare.
 */
final class DerivedTables {
    /** Form and option bits that select a table (ABI flags bits 0-5). */
    static final int KEYS = 64;

    private static final AtomicReferenceArray<DerivedTables> BY_BACKEND = new AtomicReferenceArray<>(Backend.values().length);

    final AtomicReferenceArray<long[]> stableSets = new AtomicReferenceArray<>(KEYS);
    final AtomicReferenceArray<StableText.Units> unitTables = new AtomicReferenceArray<>(KEYS);
    /** Per key: 0 not yet checked, -1 no {@link StableText.BmpUnits} bit, else that bit. */
    final AtomicIntegerArray unitMasks = new AtomicIntegerArray(KEYS);
    final AtomicReferenceArray<char[]> mappings = new AtomicReferenceArray<>(KEYS);
    final AtomicReferenceArray<MappedText.PieceCache> pieceCaches = new AtomicReferenceArray<>(KEYS);
    final AtomicReference<byte[][]> hostTables = new AtomicReference<>();
    final AtomicReference<byte[]> wordTable = new AtomicReference<>();
    final AtomicReference<byte[]> windowCodes = new AtomicReference<>();
    /** Where a slot is filled from before the module is asked: the jar's tables for AOT, none otherwise. */
    final ShippedTables shipped;

    private DerivedTables(ShippedTables shipped) {
        this.shipped = shipped;
    }

    /** The tables shared by the engines of {@code backend}. */
    static DerivedTables of(Backend backend) {
        DerivedTables t = BY_BACKEND.get(backend.ordinal());
        return t != null ? t : once(BY_BACKEND, backend.ordinal(),
                () -> new DerivedTables(backend == Backend.AOT ? ShippedTables.RESOURCES : ShippedTables.NONE));
    }

    /**
     * What {@code slots[key]} holds, made by {@code make} if it is empty. Threads that race each
     * make one; the first stored wins, and all of them return it. Callers read the slot
     * themselves first, so the hot path creates no lambda.
     */
    static <T> T once(AtomicReferenceArray<T> slots, int key, Supplier<? extends T> make) {
        T v = slots.get(key);
        if (v == null) {
            slots.compareAndSet(key, null, make.get());
            v = slots.get(key);
        }
        return v;
    }

    /** {@link #once(AtomicReferenceArray, int, Supplier)} for a single slot. */
    static <T> T once(AtomicReference<T> slot, Supplier<? extends T> make) {
        T v = slot.get();
        if (v == null) {
            slot.compareAndSet(null, make.get());
            v = slot.get();
        }
        return v;
    }

    /** Tables of one's own, all derived from the module, for tests and the build step that must see the paths that fill them. */
    static DerivedTables unshared() {
        return new DerivedTables(ShippedTables.NONE);
    }
}
