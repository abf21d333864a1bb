package io.textwasm.plugin;

/** The bytes are not a valid WebAssembly module (or the runtime cannot compile it). */
public final class MalformedPluginException extends PluginException {
    private static final long serialVersionUID = 1L;

    MalformedPluginException(String plugin, String reason, Throwable cause) {
        super(plugin, reason, cause);
    }
}
