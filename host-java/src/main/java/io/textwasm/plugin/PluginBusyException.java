package io.textwasm.plugin;

/** Every instance of the plugin stayed busy for the whole acquire timeout. */
public final class PluginBusyException extends PluginException {
    private static final long serialVersionUID = 1L;

    PluginBusyException(String plugin, String reason, Throwable cause) {
        super(plugin, reason, cause);
    }
}
