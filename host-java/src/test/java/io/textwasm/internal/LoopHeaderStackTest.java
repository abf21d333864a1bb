package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * HotSpot compiles a long-running loop on stack replacement only when the JVM operand stack is
 * empty at the loop's header; otherwise the loop stays in the interpreter until its method is
 * called again, which for the core's scan loops means 10-20 times slower. Chicory's build-time
 * compiler keeps wasm values on the JVM operand stack, so a wasm loop entered with values below
 * it becomes such a loop, and wasm-opt makes them (plain {@code -Oz} makes 7; build.sh picks
 * passes that make none; {@code wasm-module/experiments/loop_stack.py} finds them in a .wasm).
 * This checks what HotSpot will see: every backward jump in the compiled core's classes, those
 * the build compiled (Backend.AOT) and those the runtime compiler makes (Backend.COMPILER), lands
 * on an empty operand stack. It also checks the other way a core function escapes the JIT: a
 * method over HotSpot's 8,000-byte limit (the largest today, the table expansion, is 4,394).
 */
class LoopHeaderStackTest {

    @Test
    void everyLoopHeaderInTheBuildTimeCompiledCoreHasAnEmptyOperandStack() throws Exception {
        URI here = io.textwasm.internal.aot.CoreModule.class.getResource("CoreModule.class").toURI();
        assertTrue("file".equals(here.getScheme()), "expected the compiled core as class files, found " + here);
        Map<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of(here).getParent())) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                classes.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        check(classes, "the build-time (AOT) classes");
    }

    /**
     * The runtime compiler (Backend.COMPILER) is the same Chicory compiler with the same
     * defaults, so its classes should match the build-time ones; checked rather than assumed,
     * through the compiler's own entry point that MachineFactoryCompiler uses.
     */
    @Test
    void everyLoopHeaderInTheRuntimeCompiledCoreHasAnEmptyOperandStack() throws Exception {
        WasmModule module = Parser.parse(io.textwasm.internal.CoreModule.bytes());
        check(Compiler.builder(module).build().compile().classBytes(), "the runtime compiler's classes");
    }

    /**
     * HotSpot never compiles a method of more than 8,000 bytes of bytecode (HugeMethodLimit,
     * with DontCompileHugeMethods on by default): such a method runs in the JVM interpreter
     * forever. Binaryen's inlining once made one of 11 KB (build.sh turns inlining off).
     */
    static final int HUGE_METHOD_LIMIT = 8_000;

    private static void check(Map<String, byte[]> classes, String what) throws Exception {
        List<String> huge = new ArrayList<>();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            codeLengths(c.getValue()).forEach((method, length) -> {
                if (length > HUGE_METHOD_LIMIT) {
                    huge.add(c.getKey() + "." + method + ": " + length + " bytes of bytecode");
                }
            });
        }
        assertTrue(huge.isEmpty(), "methods HotSpot will never compile in " + what + " (check the inlining flags in"
                + " wasm-module/build.sh):\n" + String.join("\n", huge));
        List<String> stacked = new ArrayList<>();
        int loops = 0;
        for (byte[] bytes : classes.values()) {
            ClassNode c = new ClassNode();
            new ClassReader(bytes).accept(c, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            for (MethodNode m : c.methods) {
                if (m.instructions.size() == 0) {
                    continue;
                }
                Frame<BasicValue>[] frames = new Analyzer<>(new BasicInterpreter()).analyze(c.name, m);
                for (AbstractInsnNode insn : m.instructions) {
                    for (LabelNode target : targets(insn)) {
                        int at = m.instructions.indexOf(target);
                        if (at > m.instructions.indexOf(insn) || frames[at] == null) {
                            continue; // a forward jump, or unreachable code
                        }
                        loops++;
                        if (frames[at].getStackSize() != 0) {
                            stacked.add(c.name + "." + m.name + ": loop at instruction " + at + " with "
                                    + frames[at].getStackSize() + " value(s) on the operand stack");
                        }
                    }
                }
            }
        }
        assertTrue(loops > 50, "expected the core's loops (about 80), found " + loops + " backward jumps in " + what + ": " + classes.keySet());
        assertTrue(stacked.isEmpty(), "loops HotSpot cannot compile on stack replacement in " + what + " (check the wasm-opt passes"
                + " in wasm-module/build.sh):\n" + String.join("\n", stacked));
    }

    /** Each method's bytecode length (its Code attribute's code_length), read from the class file. */
    static Map<String, Integer> codeLengths(byte[] classFile) {
        ClassReader r = new ClassReader(classFile);
        char[] buf = new char[r.getMaxStringLength()];
        int at = r.header + 6; // access_flags, this_class, super_class
        at += 2 + 2 * r.readUnsignedShort(at); // interfaces
        int fields = r.readUnsignedShort(at);
        at += 2;
        for (int i = 0; i < fields; i++) {
            at = skipAttributes(r, at + 6); // access_flags, name, descriptor, then attributes
        }
        int methods = r.readUnsignedShort(at);
        at += 2;
        Map<String, Integer> out = new TreeMap<>();
        for (int i = 0; i < methods; i++) {
            String name = r.readUTF8(at + 2, buf);
            int attributes = r.readUnsignedShort(at + 6);
            at += 8;
            for (int k = 0; k < attributes; k++) {
                if (r.readUTF8(at, buf).equals("Code")) {
                    out.merge(name, r.readInt(at + 10), Math::max); // after max_stack and max_locals
                }
                at += 6 + r.readInt(at + 2);
            }
        }
        return out;
    }

    private static int skipAttributes(ClassReader r, int at) {
        int n = r.readUnsignedShort(at);
        at += 2;
        for (int k = 0; k < n; k++) {
            at += 6 + r.readInt(at + 2);
        }
        return at;
    }

    @Test
    void codeLengthsAreReadRight() throws Exception {
        // This very class: the lengths ASM reports through its own parse must match.
        byte[] self;
        try (var in = LoopHeaderStackTest.class.getResourceAsStream("LoopHeaderStackTest.class")) {
            self = in.readAllBytes();
        }
        Map<String, Integer> lengths = codeLengths(self);
        assertTrue(lengths.containsKey("codeLengths") && lengths.containsKey("<init>"), lengths.toString());
        assertTrue(lengths.get("codeLengths") > 50 && lengths.get("codeLengths") < 1_000, lengths.toString());
    }

    private static List<LabelNode> targets(AbstractInsnNode insn) {
        if (insn instanceof JumpInsnNode j) {
            return List.of(j.label);
        }
        List<LabelNode> out = new ArrayList<>();
        if (insn instanceof TableSwitchInsnNode t) {
            out.add(t.dflt);
            out.addAll(t.labels);
        } else if (insn instanceof LookupSwitchInsnNode l) {
            out.add(l.dflt);
            out.addAll(l.labels);
        }
        return out;
    }
}
