package io.textwasm.plugin;

import io.textwasm.TextwasmException;

/**
 * A plugin failed, or could not be loaded. Each subclass names one kind of failure; the message
 * starts with the plugin's name and then says what went wrong in plain words, for example
 * {@code plugin 'redact': timed out after 1s}. {@link #reason()} is that second part alone.
 *
 * <p>A failure is contained: the instance involved is discarded, and the plugin, the other
 * plugins and the {@link io.textwasm.TextEngine} keep working.
 */
public abstract class PluginException extends TextwasmException {
    private static final long serialVersionUID = 1L;

    private final String plugin;
    private final String reason;

    PluginException(String plugin, String reason, Throwable cause) {
        // Both may hold a plugin's own text (its name, an import's, a trap message): escaped here,
        // once for every message, so none reaches a terminal or a log raw.
        super("plugin '" + PluginInstance.printable(plugin) + "': " + PluginInstance.printable(reason), cause);
        this.plugin = PluginInstance.printable(plugin);
        this.reason = PluginInstance.printable(reason);
    }

    /** The plugin's name: from its metadata, else its file name, else the start of its SHA-256. */
    public String plugin() {
        return plugin;
    }

    /** What went wrong, without the plugin's name. */
    public String reason() {
        return reason;
    }
}
