package io.textwasm.plugin;

/**
 * Where the messages plugins write with {@code textwasm.log} go. The host hands over at most
 * {@link #MAX_MESSAGES_PER_CALL} messages per call, each cut to {@link #MAX_MESSAGE_BYTES} bytes
 * of UTF-8 with control characters escaped, so a plugin can neither flood nor forge a log.
 */
@FunctionalInterface
public interface PluginLog {
    int MAX_MESSAGES_PER_CALL = 100;
    int MAX_MESSAGE_BYTES = 1024;

    /** The levels of the ABI, numbered 0 to 3. */
    enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR
    }

    void log(String plugin, Level level, String message);

    /** To {@link System.Logger} "io.textwasm.plugin" (the default). */
    static PluginLog systemLogger() {
        System.Logger logger = System.getLogger("io.textwasm.plugin");
        return (plugin, level, message) -> {
            System.Logger.Level l;
            switch (level) {
                case DEBUG: l = System.Logger.Level.DEBUG; break;
                case INFO: l = System.Logger.Level.INFO; break;
                case WARN: l = System.Logger.Level.WARNING; break;
                default: l = System.Logger.Level.ERROR;
            }
            logger.log(l, "plugin ''{0}'': {1}", plugin, message);
        };
    }

    static PluginLog discard() {
        return (plugin, level, message) -> {};
    }
}
