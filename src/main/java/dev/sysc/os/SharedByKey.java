package dev.sysc.os;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Something set up once per key and shared by whoever holds it: the first hold sets it up, the last
 * release undoes it, whatever order the holds are released in (probes of one entry on several paths
 * are opened together and closed in any order).
 */
final class SharedByKey<K> {
    private final Map<K, Shared> byKey = new HashMap<>();

    private static final class Shared {
        final AutoCloseable undo;
        int holders;

        Shared(AutoCloseable undo) {
            this.undo = undo;
        }
    }

    /**
     * A hold on {@code key}'s shared thing, set up with {@code setUp} (which returns how to undo it) if
     * nobody holds it yet. Closing the hold twice counts once.
     */
    synchronized AutoCloseable hold(K key, Supplier<AutoCloseable> setUp) {
        Shared shared = byKey.get(key);
        if (shared == null) {
            shared = new Shared(setUp.get());
            byKey.put(key, shared);
        }
        shared.holders++;
        Shared held = shared;
        boolean[] released = {false};
        return () -> release(key, held, released);
    }

    private synchronized void release(K key, Shared held, boolean[] released) throws Exception {
        if (released[0]) {
            return;
        }
        released[0] = true;
        if (--held.holders == 0) {
            byKey.remove(key);
            held.undo.close();
        }
    }
}
