package io.textwasm.plugin;

/** Whether a plugin's instances serve one call or many. */
public enum InstancePolicy {
    /**
     * Every call gets an instance no call has used: no state carries from one call to the next.
     * Costs an instantiation per call (a new linear memory and the start function).
     */
    FRESH,
    /**
     * Instances are kept for later calls and reset after any failure: the instance that failed
     * is discarded and the next call gets a new one. A plugin may keep caches between calls.
     */
    REUSE
}
