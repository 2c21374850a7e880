package dev.loopbench.soak;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The broken invariants one soak round found, each a sentence that names the loop and says what broke.
 *
 * <h2>Thread contract</h2>
 * {@link #report} from any thread (loop threads, producers, the round's own thread); {@link #all} from any thread,
 * and complete once the round's checks have ended.
 */
final class BrokenInvariants {

    private final Queue<String> found = new ConcurrentLinkedQueue<>();

    void report(String what) {
        found.add(what);
    }

    List<String> all() {
        return List.copyOf(found);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }
}
