package io.textwasm.plugin;

/** The plugin trapped, in a call or in its start function: "trap: unreachable". */
public final class PluginTrapException extends PluginException {
    private static final long serialVersionUID = 1L;

    PluginTrapException(String plugin, String reason, Throwable cause) {
        super(plugin, reason, cause);
    }
}
