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
 * on an empty operand stack.
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

    private static void check(Map<String, byte[]> classes, String what) throws Exception {
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
