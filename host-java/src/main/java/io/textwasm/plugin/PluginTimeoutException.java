package io.textwasm.plugin;

/** A call (or the start function) ran past its wall-clock limit and was interrupted: "timed out after 1s". */
public final class PluginTimeoutException extends PluginException {
    private static final long serialVersionUID = 1L;

    PluginTimeoutException(String plugin, String reason, Throwable cause) {
        super(plugin, reason, cause);
    }
}
