package org.creditkiosk.device.fuzz;

import java.util.List;
import java.util.Set;

/**
 * One decoder under fuzzing: its valid seed inputs, how one input is fed, and which exceptions are its typed
 * answers to bad input. Anything else thrown (an IndexOutOfBounds, a NullPointer, an Error) is a crash.
 */
public interface FuzzTarget {

    String name();

    List<byte[]> seeds();

    /** Feeds one input; returns the name of the typed outcome (e.g. "Decoded", "Rejected:BAD_DATE"). */
    String run(byte[] input) throws Exception;

    /** Exception types that are a typed answer to bad input. */
    default Set<Class<? extends Exception>> typedFailures() {
        return Set.of();
    }
}
