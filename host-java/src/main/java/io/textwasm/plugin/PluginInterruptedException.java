package io.textwasm.plugin;

/** The calling thread was interrupted (not by the timeout); its interrupt status is kept. */
public final class PluginInterruptedException extends PluginException {
    private static final long serialVersionUID = 1L;

    PluginInterruptedException(String plugin, String reason, Throwable cause) {
        super(plugin, reason, cause);
    }
}
