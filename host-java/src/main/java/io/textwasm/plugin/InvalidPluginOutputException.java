package io.textwasm.plugin;

/** A transform returned output the host cannot accept: outside memory, longer than allowed, or not UTF-8. */
public final class InvalidPluginOutputException extends PluginException {
    private static final long serialVersionUID = 1L;

    InvalidPluginOutputException(String plugin, String reason, Throwable cause) {
        super(plugin, reason, cause);
    }
}
