package io.textwasm.plugin;

/** The module imports something the host does not offer: "refused import wasi_snapshot_preview1.fd_write". */
public final class RefusedImportException extends PluginException {
    private static final long serialVersionUID = 1L;

    RefusedImportException(String plugin, String reason, Throwable cause) {
        super(plugin, reason, cause);
    }
}
