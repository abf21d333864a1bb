package io.textwasm.plugin;

/** The module's SHA-256 is not the one it was pinned to; nothing was loaded. */
public final class PluginDigestMismatchException extends PluginException {
    private static final long serialVersionUID = 1L;

    PluginDigestMismatchException(String plugin, String reason, Throwable cause) {
        super(plugin, reason, cause);
    }
}
