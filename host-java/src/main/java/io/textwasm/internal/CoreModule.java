package io.textwasm.internal;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.textwasm.Backend;
import io.textwasm.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * The embedded core module, parsed (and for the runtime compiler, compiled) once per backend.
 * The AOT backend uses the classes the Chicory Maven plugin generated at build time from the
 * same bytes.
 */
public final class CoreModule {
    public static final String RESOURCE = "/io/textwasm/core/textwasm.wasm";

    private static volatile byte[] bytes;

    private final Backend backend;
    private final WasmModule module;
    private final Function<Instance, Machine> machines;

    private CoreModule(Backend backend, WasmModule module, Function<Instance, Machine> machines) {
        this.backend = backend;
        this.module = module;
        this.machines = machines;
    }

    public static CoreModule load(Backend backend) {
        switch (backend) {
            case AOT:
                return new CoreModule(backend, AotModule.INSTANCE, io.textwasm.internal.aot.CoreModule::create);
            case COMPILER: {
                WasmModule m = Parser.parse(bytes());
                return new CoreModule(backend, m, MachineFactoryCompiler.compile(m));
            }
            case INTERPRETER: {
                WasmModule m = Parser.parse(bytes());
                return new CoreModule(backend, m, InterpreterMachine::new);
            }
            default:
                throw new IllegalArgumentException(String.valueOf(backend));
        }
    }

    /**
     * The AOT backend's module: the sections Chicory's Maven plugin kept beside the classes it
     * compiled (function bodies are stubs there). Parsed without validation, unlike the generated
     * {@code aot.CoreModule.load()}: the plugin validated the real module when it compiled it, at
     * our build, and validating again is tens of milliseconds of every cold start, spent while
     * HotSpot still interprets Chicory's validator (a holder class: parsed once, on first use).
     */
    private static final class AotModule {
        static final WasmModule INSTANCE = parse();

        private static WasmModule parse() {
            String meta = "CoreModule.meta";
            if (io.textwasm.internal.aot.CoreModule.class.getResource(meta) == null) {
                throw new EngineException("the AOT backend's " + meta + " is missing from the classpath; rebuild with `mvn package`");
            }
            return Parser.builder().withValidation(false).build()
                    .parse(() -> io.textwasm.internal.aot.CoreModule.class.getResourceAsStream(meta));
        }
    }

    public Backend backend() {
        return backend;
    }

    public WasmModule module() {
        return module;
    }

    public Function<Instance, Machine> machines() {
        return machines;
    }

    /** The module's bytes as shipped in the jar. */
    public static byte[] bytes() {
        byte[] b = bytes;
        if (b == null) {
            // Through the class loader: the module is in another jar (textwasm-core), which
            // Class.getResourceAsStream does not search when the jars are on the module path.
            try (InputStream in = CoreModule.class.getClassLoader().getResourceAsStream(RESOURCE.substring(1))) {
                if (in == null) {
                    throw new EngineException("the core module " + RESOURCE + " is missing from the classpath; rebuild with `mvn package`");
                }
                b = in.readAllBytes();
            } catch (IOException e) {
                throw new EngineException("cannot read the core module: " + e.getMessage(), e);
            }
            bytes = b;
        }
        return b;
    }

    public static String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
