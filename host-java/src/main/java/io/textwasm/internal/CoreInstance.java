package io.textwasm.internal;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.textwasm.EngineException;
import io.textwasm.InvalidUtf8Exception;
import io.textwasm.LimitExceededException;

/**
 * One instance of the core with its export handles and an input buffer reused across calls.
 * Not thread-safe (neither is a Chicory instance): {@link InstancePool} confines each to one
 * thread at a time.
 */
public final class CoreInstance {
    private final Instance instance;
    private final Memory memory;
    private final int resultPtr;
    private final int initialPages;
    private final ExportFunction alloc;
    private final ExportFunction free;
    private final ExportFunction call;
    private final int tableBytes;
    private int inPtr;
    private int inCap;
    private boolean broken;

    CoreInstance(CoreModule module, int maxPages) {
        this(module, maxPages, true);
    }

    /** With {@code fromImage}, starts from {@link InitImage} when there is one (else expands the tables). */
    CoreInstance(CoreModule module, int maxPages, boolean fromImage) {
        int declared = module.module().memorySection().map(s -> s.getMemory(0).limits().initialPages()).orElse(1);
        this.instance = Instance.builder(module.module())
                .withMachineFactory(module.machines())
                .withMemoryFactory(ByteArrayMemory::new)
                .withMemoryLimits(new MemoryLimits(declared, Math.max(declared, maxPages)))
                .build();
        this.memory = instance.memory();
        int abi = (int) instance.export("tw_abi_version").apply()[0];
        if (abi >>> 16 != Abi.ABI_MAJOR) {
            throw new EngineException("core module ABI " + (abi >>> 16) + "." + (abi & 0xFFFF) + " does not match this host (" + Abi.ABI_MAJOR + ".x)");
        }
        this.alloc = instance.export("tw_alloc");
        this.free = instance.export("tw_free");
        this.call = instance.export("tw_call");
        this.resultPtr = (int) instance.export("tw_result").apply()[0];
        // Expand the tables now, so the first real call does not pay for it; or copy them from an
        // instance that did, after which OP_INIT finds them ready and only reports their size.
        InitImage image = fromImage ? InitImage.get() : null;
        if (image != null) {
            image.restore(memory);
        }
        int status = (int) call.apply(Abi.OP_INIT, 0, 0, 0, 0, 0)[0];
        if (status != Abi.OK) {
            throw new EngineException("the core could not initialise its tables: " + Abi.statusName(status));
        }
        this.tableBytes = result(Abi.R_A0);
        this.initialPages = memory.pages();
        if (fromImage && image == null) {
            InitImage.offer(memory);
        }
    }

    /** This instance's memory as an {@link InitImage}; only meaningful before any other call. */
    InitImage initImage() {
        return InitImage.of(memory);
    }

    /** Whether this instance's memory is, byte for byte, {@code image}. */
    boolean matches(InitImage image) {
        return image.sameBytes(memory);
    }

    /** Copies {@code len} bytes into the module's input buffer; returns its address. */
    int input(byte[] src, int off, int len) {
        if (len > inCap) {
            if (inPtr != 0) {
                invoke(free, inPtr);
                inPtr = 0;
                inCap = 0;
            }
            int cap = Math.max(len, Math.min(Integer.MAX_VALUE / 2, Math.max(4096, inCap * 2)));
            int p = invoke(alloc, cap);
            if (p == 0) {
                p = invoke(alloc, len);
                cap = len;
            }
            if (p == 0 && len > 0) {
                throw new LimitExceededException("the core's linear memory cannot hold " + len + " bytes of input (memory limit "
                        + (long) memory.maximumPages() * 65536 / (1 << 20) + " MiB)");
            }
            inPtr = p;
            inCap = cap;
        }
        if (len > 0) {
            memory.write(inPtr, src, off, len);
        }
        return inPtr == 0 ? 4096 : inPtr; // any in-bounds, non-null address will do for empty input
    }

    /**
     * Runs operation {@code op} (see Abi.OP_*) on {@code len} bytes at {@code ptr}; traps and
     * interruption discard this instance.
     */
    int call(int op, int ptr, int len, int flags, int a, int b) {
        return invoke(call, op, ptr, len, flags, a, b);
    }

    /**
     * Every call into the module after start-up goes through here, the allocator's too: an
     * interruption or a trap inside {@code tw_alloc} can leave the allocator half-updated, so
     * it must discard the instance like one inside {@code tw_call}.
     */
    private int invoke(ExportFunction f, long... args) {
        try {
            long[] results = f.apply(args);
            return results == null || results.length == 0 ? 0 : (int) results[0]; // tw_free returns nothing
        } catch (ChicoryInterruptedException e) {
            broken = true;
            throw new EngineException("interrupted while running the core", e);
        } catch (RuntimeException e) {
            // By construction the core never traps on input (see wasm-module/ABI.md); if it does,
            // this instance's state is suspect and it is discarded.
            broken = true;
            throw new EngineException("the core trapped: " + e.getMessage(), e);
        } catch (Error e) {
            // The JVM's own failure mid-call (out of heap while memory grew, say): the call did
            // not return, so the module's stack pointer and allocator may be mid-update.
            broken = true;
            throw e;
        }
    }

    int result(int word) {
        return memory.readInt(resultPtr + 4 * word);
    }

    byte[] read(int ptr, int len) {
        return memory.readBytes(ptr, len);
    }

    int[] readInts(int ptr, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = memory.readInt(ptr + 4 * i);
        }
        return out;
    }

    /** Turns a failure status into the exception the user should see. */
    RuntimeException failure(int status, String source, long baseOffset) {
        switch (status) {
            case Abi.INVALID_UTF8:
                return new InvalidUtf8Exception(baseOffset + Integer.toUnsignedLong(result(Abi.R_ERROR_OFFSET)), source);
            case Abi.OUT_OF_MEMORY:
                broken = true;
                return new LimitExceededException("the core ran out of linear memory (limit "
                        + (long) memory.maximumPages() * 65536 / (1 << 20) + " MiB); raise TextEngine.Builder.maxMemoryMiB or split the input");
            default:
                broken = true;
                return new EngineException("the core rejected a call: " + Abi.statusName(status));
        }
    }

    /** Whether to keep this instance after a call: not if it failed or grew far past its start. */
    boolean reusable(int keepPages) {
        return !broken && memory.pages() <= initialPages + keepPages;
    }

    public int pages() {
        return memory.pages();
    }

    public int tableBytes() {
        return tableBytes;
    }
}
