package io.textwasm.plugin;

/** The plugin needed more linear memory than its limit allows: "memory limit 16 MiB exceeded". */
public final class PluginMemoryLimitException extends PluginException {
    private static final long serialVersionUID = 1L;

    PluginMemoryLimitException(String plugin, String reason, Throwable cause) {
        super(plugin, reason, cause);
    }
}
