package io.textwasm.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** `textwasm plugin ...` (see docs/plugin-abi.md). */
final class PluginCommands {
    private PluginCommands() {}

    static int run(Args a, Commands.TextEngineFactory engines, InputStream stdin, PrintStream out, PrintStream err) {
        throw new UsageException("plugin commands are not available in this build");
    }
}
