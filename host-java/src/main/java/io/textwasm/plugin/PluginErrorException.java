package io.textwasm.plugin;

/**
 * The transform ran to completion and reported a failure of its own: a code (1 or more) and a
 * message, as the ABI allows. The instance is healthy and is kept.
 */
public final class PluginErrorException extends PluginException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String pluginMessage;

    PluginErrorException(String plugin, int code, String pluginMessage) {
        super(plugin, "error " + code + ": " + pluginMessage, null);
        this.code = code;
        this.pluginMessage = pluginMessage;
    }

    /** The plugin's error code, 1 or more. */
    public int code() {
        return code;
    }

    /** The plugin's own message. */
    public String pluginMessage() {
        return pluginMessage;
    }
}
