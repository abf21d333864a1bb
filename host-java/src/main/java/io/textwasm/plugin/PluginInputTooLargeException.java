package io.textwasm.plugin;

/** The input is longer than the plugin's input limit; nothing was run. */
public final class PluginInputTooLargeException extends PluginException {
    private static final long serialVersionUID = 1L;

    PluginInputTooLargeException(String plugin, String reason, Throwable cause) {
        super(plugin, reason, cause);
    }
}
