package io.textwasm.plugin;

/** The plugin recursed too deeply: in wasm (the JVM stack ran out), or through the host (its call depth limit). */
public final class PluginStackExhaustedException extends PluginException {
    private static final long serialVersionUID = 1L;

    PluginStackExhaustedException(String plugin, String reason, Throwable cause) {
        super(plugin, reason, cause);
    }
}
