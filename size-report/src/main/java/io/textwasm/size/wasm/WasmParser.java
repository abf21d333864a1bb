package io.textwasm.size.wasm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the structure of a WebAssembly binary: sections, import counts, function bodies (by
 * their size prefix only), data segments and the function names of the {@code name} section.
 *
 * <p>It decodes exactly the sections whose contents it reports, and skips every other payload by
 * its declared length. Instructions are never decoded, which is why SIMD, GC or any later opcode
 * cannot break it. Everything it does decode must fill its section exactly, as the spec requires,
 * so that a corrupt length is caught where it is, not three sections later.
 *
 * <p>Depends on nothing but the JDK and the module's error root.
 */
public final class WasmParser {
    private static final int MAGIC = 0x6d736100; // "\0asm" read little-endian
    private static final int VERSION = 1;

    private final WasmReader in;
    private final List<Section> sections = new ArrayList<>();
    private final List<FunctionBody> functions = new ArrayList<>();
    private final List<DataSegment> dataSegments = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Map<Integer, String> functionNames = Map.of();
    private ImportCounts imports = ImportCounts.NONE;
    private int declaredFunctions = -1;
    private int codeSectionOffset = -1;

    private WasmParser(byte[] bytes) {
        this.in = new WasmReader(bytes);
    }

    /**
     * Parses a whole binary.
     *
     * @throws MalformedWasmException with the offset where decoding failed
     */
    public static WasmModule parse(byte[] bytes) {
        return new WasmParser(bytes).module();
    }

    private WasmModule module() {
        header();
        int lastOrder = -1;
        while (!in.atEnd()) {
            int order = section(lastOrder);
            lastOrder = Math.max(lastOrder, order);
        }
        int bodies = functions.size();
        int declared = Math.max(declaredFunctions, 0);
        if (declared != bodies) {
            long at = codeSectionOffset >= 0 ? codeSectionOffset : in.position();
            throw new MalformedWasmException(at, "function and code section have inconsistent lengths ("
                    + declared + " functions, " + bodies + " bodies)");
        }
        return new WasmModule(
                in.bytes().length, sections, imports, functions, dataSegments, functionNames, warnings);
    }

    private void header() {
        byte[] b = in.bytes();
        byte[] magic = {0x00, 0x61, 0x73, 0x6d};
        for (int i = 0; i < 4; i++) {
            if (i >= b.length) {
                throw new MalformedWasmException(i, "unexpected end of magic header");
            }
            if (b[i] != magic[i]) {
                throw new MalformedWasmException(0, "magic header not detected");
            }
        }
        if (b.length < 8) {
            throw new MalformedWasmException(b.length, "unexpected end of binary version");
        }
        int version = (b[4] & 0xFF) | (b[5] & 0xFF) << 8 | (b[6] & 0xFF) << 16 | (b[7] & 0xFF) << 24;
        if (version != VERSION) {
            // 0x1000d is the component-model layer; worth naming since it is the likely mix-up.
            String hint = (version & 0xFFFF) == 0x0d ? " (a component, not a core module)" : "";
            throw new MalformedWasmException(4, "unknown binary version 0x" + Integer.toHexString(version) + hint);
        }
        in.skip(8, "header");
    }

    /** Reads one section and returns its place in the required order (custom: -1). */
    private int section(int lastOrder) {
        int offset = in.position();
        int id = in.u8();
        SectionId known = SectionId.of(id);
        if (known == null) {
            throw new MalformedWasmException(offset, "malformed section id " + id);
        }
        long length = in.u32();
        int headerSize = in.position() - offset;
        if (length > in.remaining()) {
            throw new MalformedWasmException(offset, "section " + id + " length " + length
                    + " exceeds remaining " + in.remaining() + " bytes");
        }
        int order = known == SectionId.CUSTOM ? -1 : known.order();
        if (order >= 0 && order <= lastOrder) {
            throw new MalformedWasmException(offset, "unexpected section " + known.reportName()
                    + " (" + id + "): duplicated or out of order");
        }
        WasmReader payload = in.slice(length, "section");
        String customName = null;
        switch (known) {
            case CUSTOM -> {
                customName = payload.name("custom section name");
                if (customName.equals("name")) {
                    names(payload);
                }
            }
            case IMPORT -> imports(payload);
            case FUNCTION -> functionDeclarations(payload);
            case CODE -> {
                codeSectionOffset = offset;
                code(payload);
            }
            case DATA -> data(payload);
            default -> {
                // Not needed for a size report: the declared length is all we use.
            }
        }
        boolean decoded = known == SectionId.IMPORT || known == SectionId.FUNCTION
                || known == SectionId.CODE || known == SectionId.DATA;
        if (decoded && !payload.atEnd()) {
            throw payload.malformed("section size mismatch: " + known.reportName() + " section has "
                    + payload.remaining() + " bytes left after its contents");
        }
        sections.add(new Section(sections.size(), id, customName, offset, headerSize, (int) length));
        return order;
    }

    private void imports(WasmReader r) {
        // Smallest import: two empty names and a one-byte-plus-index description.
        int count = r.count("import", 4);
        int funcs = 0, tables = 0, memories = 0, globals = 0, tags = 0;
        for (int i = 0; i < count; i++) {
            r.name("import module name");
            r.name("import field name");
            int kindAt = r.position();
            int kind = r.u8();
            switch (kind) {
                case 0x00 -> {
                    r.u32();
                    funcs++;
                }
                case 0x01 -> {
                    referenceType(r);
                    limits(r);
                    tables++;
                }
                case 0x02 -> {
                    limits(r);
                    memories++;
                }
                case 0x03 -> {
                    valueType(r);
                    int mutability = r.u8();
                    // Bit 1 is the threads proposal's "shared"; anything above is undefined.
                    if (mutability > 3) {
                        throw new MalformedWasmException(r.position() - 1, "malformed mutability " + mutability);
                    }
                    globals++;
                }
                case 0x04 -> {
                    r.u8(); // exception-handling tag attribute, always 0 today
                    r.u32();
                    tags++;
                }
                default -> throw new MalformedWasmException(kindAt, "malformed import kind " + kind);
            }
        }
        imports = new ImportCounts(funcs, tables, memories, globals, tags);
    }

    private static void limits(WasmReader r) {
        int at = r.position();
        long flags = r.u32();
        // bit 0: has maximum, bit 1: shared (threads), bit 2: 64-bit (memory64 / table64),
        // bit 3: custom page size. Other bits are not defined by any proposal.
        if (flags > 0xF) {
            throw new MalformedWasmException(at, "malformed limits flags 0x" + Long.toHexString(flags));
        }
        boolean wide = (flags & 4) != 0;
        if (wide) {
            r.u64();
        } else {
            r.u32();
        }
        if ((flags & 1) != 0) {
            if (wide) {
                r.u64();
            } else {
                r.u32();
            }
        }
        if ((flags & 8) != 0) {
            r.u32();
        }
    }

    private static void referenceType(WasmReader r) {
        valueType(r);
    }

    private static void valueType(WasmReader r) {
        int b = r.u8();
        // GC proposal: (ref null? ht) carries a heap type as s33; every other type is one byte.
        if (b == 0x63 || b == 0x64) {
            r.signed(33);
        }
    }

    private void functionDeclarations(WasmReader r) {
        int count = r.count("function", 1);
        for (int i = 0; i < count; i++) {
            r.u32();
        }
        declaredFunctions = count;
    }

    private void code(WasmReader r) {
        int count = r.count("code", 1);
        for (int i = 0; i < count; i++) {
            int offset = r.position();
            long bodySize = r.u32();
            // Skipped by its size: the body's instructions never need to be understood.
            r.skip(bodySize, "function body " + i);
            int size = r.position() - offset;
            functions.add(new FunctionBody(imports.functions() + i, offset, size, (int) bodySize));
        }
    }

    private void data(WasmReader r) {
        // Smallest segment: a passive one, flag byte plus an empty byte vector.
        int count = r.count("data", 2);
        for (int i = 0; i < count; i++) {
            int flagsAt = r.position();
            long flags = r.u32();
            DataSegment.Mode mode;
            int memory = -1;
            Long offset = null;
            if (flags == 0) {
                mode = DataSegment.Mode.ACTIVE;
                memory = 0;
                offset = constantExpression(r);
            } else if (flags == 1) {
                mode = DataSegment.Mode.PASSIVE;
            } else if (flags == 2) {
                mode = DataSegment.Mode.ACTIVE;
                long index = r.u32();
                memory = (int) Math.min(index, Integer.MAX_VALUE);
                offset = constantExpression(r);
            } else {
                throw new MalformedWasmException(flagsAt, "malformed data segment flags " + flags);
            }
            int lengthAt = r.position();
            long length = r.u32();
            if (length > r.remaining()) {
                throw new MalformedWasmException(lengthAt, "data segment " + i + " length " + length
                        + " exceeds remaining " + r.remaining() + " bytes");
            }
            int start = r.position();
            r.skip(length, "data segment " + i);
            int zeros = 0;
            byte[] b = r.bytes();
            for (int p = start; p < start + length; p++) {
                if (b[p] == 0) {
                    zeros++;
                }
            }
            dataSegments.add(new DataSegment(i, mode, memory, offset, start, (int) length, zeros));
        }
    }

    /**
     * Walks a constant expression to its {@code end} and returns its value when it is exactly one
     * {@code i32.const} or {@code i64.const}; null when it is computed. Only the instructions the
     * spec (with extended-const, reference types and SIMD) allows in constant expressions are
     * known, since anything else has no length we could skip by.
     */
    private static Long constantExpression(WasmReader r) {
        Long value = null;
        int instructions = 0;
        while (true) {
            int at = r.position();
            int op = r.u8();
            if (op == 0x0B) {
                return instructions == 1 ? value : null;
            }
            instructions++;
            switch (op) {
                case 0x41 -> value = r.signed(32) & 0xFFFFFFFFL;
                case 0x42 -> value = r.signed(64);
                case 0x43 -> r.skip(4, "f32.const");
                case 0x44 -> r.skip(8, "f64.const");
                case 0x23, 0xD2 -> r.u32(); // global.get, ref.func
                case 0xD0 -> r.signed(33); // ref.null heap type
                case 0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E -> { } // extended-const add/sub/mul
                case 0xFD -> {
                    long sub = r.u32();
                    if (sub != 12) {
                        throw new MalformedWasmException(at, "constant expression required (opcode 0xfd " + sub + ")");
                    }
                    r.skip(16, "v128.const");
                }
                default -> throw new MalformedWasmException(at,
                        "constant expression required (opcode 0x" + Integer.toHexString(op) + ")");
            }
        }
    }

    /**
     * Reads the function-names subsection. A damaged name section does not make a module
     * malformed (custom sections carry no validation rules), so problems here become a warning
     * and the functions fall back to {@code func[N]}.
     */
    private void names(WasmReader r) {
        Map<Integer, String> names = new HashMap<>();
        try {
            while (!r.atEnd()) {
                int id = r.u8();
                WasmReader sub = r.slice(r.u32(), "name subsection " + id);
                if (id != 1) {
                    continue;
                }
                // Smallest entry: one-byte index plus an empty name.
                int count = sub.count("function name", 2);
                for (int i = 0; i < count; i++) {
                    long index = sub.u32();
                    String name = sub.name("function name");
                    if (index <= Integer.MAX_VALUE) {
                        names.put((int) index, name);
                    }
                }
            }
            functionNames = names;
        } catch (MalformedWasmException e) {
            warnings.add("name section ignored: " + e.getMessage().substring("malformed: ".length()));
            functionNames = Map.of();
        }
    }
}
