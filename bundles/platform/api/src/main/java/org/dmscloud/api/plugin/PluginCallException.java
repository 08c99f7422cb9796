package org.dmscloud.api.plugin;

/**
 * A call into a plugin that gave no usable answer: it threw, took too long, or could not be made because the plugin
 * already had all its calls running. It is the plugin's failure, never the customer's.
 */
public class PluginCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How the call failed. */
    public enum Kind { THREW, TIMED_OUT, BUSY }

    private final String plugin;
    private final Kind kind;

    public PluginCallException(String plugin, String what, Kind kind, String detail, Throwable cause) {
        super("Plugin " + plugin + " gave no answer for " + what + ": " + detail, cause);
        this.plugin = plugin;
        this.kind = kind;
    }

    /** The plugin bundle's symbolic name. */
    public String plugin() {
        return plugin;
    }

    public Kind kind() {
        return kind;
    }
}
