package io.textwasm.plugin;

/** The module does not follow the plugin ABI (docs/plugin-abi.md): a missing export, a wrong signature, a bad pointer or status. */
public final class PluginAbiException extends PluginException {
    private static final long serialVersionUID = 1L;

    PluginAbiException(String plugin, String reason, Throwable cause) {
        super(plugin, reason, cause);
    }
}
