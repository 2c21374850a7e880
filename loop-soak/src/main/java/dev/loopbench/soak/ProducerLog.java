package dev.loopbench.soak;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One producer's tasks on one loop, by sequence number: which the loop accepted and which it refused, how often each
 * ran, which {@code shutdownNow()} handed back, and the future of each submitted one. It checks two rules of the
 * contract: every accepted task runs exactly once or ends unrun (handed back by {@code shutdownNow()}, or its future
 * failed), and one producer's tasks run in the order given.
 *
 * <h2>Thread contract</h2>
 * The producer (one thread) calls {@link #next}, {@link #accepted}, {@link #acceptedSubmit} and {@link #refused}; the
 * loop thread calls {@link #ran}; the round's thread calls {@link #returned}, and {@link #check} only after the
 * producer has been joined and the loop has terminated, which order their writes before its reads.
 *
 * <h2>Invariants checked</h2>
 * <ol>
 *   <li>No task runs twice; no refused task runs.</li>
 *   <li>An accepted task given to {@code execute} runs or is handed back, once; one given to {@code submit} runs
 *       exactly when its future completes normally.</li>
 *   <li>Tasks run in increasing sequence (checked as they run), and no task that ended unrun comes before one that
 *       ran: the loop's queue is FIFO per producer, so a stop leaves only a tail of it unrun.</li>
 * </ol>
 */
final class ProducerLog {

    private static final byte ISSUED = 0;
    private static final byte ACCEPTED = 1;
    private static final byte REFUSED = 2;

    private final String name;
    private final BrokenInvariants broken;
    private final byte[] admission;
    private final CompletableFuture<?>[] submitted;
    private final AtomicIntegerArray runs;
    private final AtomicIntegerArray returns;
    private final AtomicInteger ranInTotal = new AtomicInteger();
    private int issued;
    private int accepted;
    private int lastRun = -1;
    private boolean reorderReported;

    /**
     * @param name says whose tasks these are in every report, e.g. {@code producer 1 on soak-r3-a}
     * @param capacity the most tasks the producer may issue
     */
    ProducerLog(String name, int capacity, BrokenInvariants broken) {
        this.name = name;
        this.broken = broken;
        this.admission = new byte[capacity];
        this.submitted = new CompletableFuture<?>[capacity];
        this.runs = new AtomicIntegerArray(capacity);
        this.returns = new AtomicIntegerArray(capacity);
    }

    String name() {
        return name;
    }

    /** Producer only: whether another task may be issued. */
    boolean hasRoom() {
        return issued < admission.length;
    }

    /** Producer only: the next task's sequence number. */
    int next() {
        return issued++;
    }

    /** Producer only: the loop took task {@code seq} from {@code execute}. */
    void accepted(int seq) {
        admission[seq] = ACCEPTED;
        accepted++;
    }

    /** Producer only: the loop took task {@code seq} from {@code submit} and returned {@code future}. */
    void acceptedSubmit(int seq, CompletableFuture<?> future) {
        submitted[seq] = future;
        accepted(seq);
    }

    /** Producer only: the loop refused task {@code seq}. */
    void refused(int seq) {
        admission[seq] = REFUSED;
    }

    /** Producer only: tasks accepted and not yet run, to keep a bounded window in flight. */
    int unfinished() {
        return accepted - ranInTotal.get();
    }

    /** Producer only: how many tasks the loop accepted. */
    int acceptedCount() {
        return accepted;
    }

    /** Loop thread only: task {@code seq} runs now. */
    void ran(int seq) {
        runs.incrementAndGet(seq);
        ranInTotal.incrementAndGet();
        if (seq <= lastRun && !reorderReported) {
            reorderReported = true;
            broken.report(name + ": task " + seq + " ran after task " + lastRun + ", against the order given");
        }
        lastRun = Math.max(lastRun, seq);
    }

    /** Task {@code seq} was handed back unrun by {@code shutdownNow()}. */
    void returned(int seq) {
        returns.incrementAndGet(seq);
    }

    /**
     * Reports every broken invariant to the {@link BrokenInvariants} given at construction. A submitted task whose
     * future is still pending is left to the {@link FutureWatch}, which reports it.
     *
     * @param stoppedWithoutList whether the loop may have been stopped by a {@code shutdownNow()} whose list nobody
     *                           saw (one called from a loop thread returns none): then an accepted task given to
     *                           {@code execute} may end neither run nor handed back, as long as it ends unrun
     */
    void check(boolean stoppedWithoutList) {
        Tally twice = new Tally("ran more than once");
        Tally refusedRan = new Tally("ran although the loop refused it");
        Tally runAndReturned = new Tally("both ran and was handed back by shutdownNow(), or was handed back twice");
        Tally lost = new Tally("was accepted by execute but neither ran nor was handed back by shutdownNow()");
        Tally failedYetRan = new Tally("ran, yet its submit future failed");
        Tally succeededUnrun = new Tally("never ran, yet its submit future completed normally");
        int lastRunSeq = -1;
        int firstUnrun = Integer.MAX_VALUE;
        for (int seq = 0; seq < issued; seq++) {
            int ran = runs.get(seq);
            if (ran > 1) {
                twice.add(seq);
            }
            if (admission[seq] == REFUSED && ran > 0) {
                refusedRan.add(seq);
            }
            if (admission[seq] != ACCEPTED) {
                continue;
            }
            CompletableFuture<?> future = submitted[seq];
            boolean endedUnrun;
            if (future == null) {
                int handedBack = returns.get(seq);
                if (ran + handedBack > 1 && ran <= 1) {
                    runAndReturned.add(seq);
                } else if (ran + handedBack == 0 && !stoppedWithoutList) {
                    lost.add(seq);
                }
                endedUnrun = ran == 0;
            } else if (future.isDone()) {
                boolean failed = future.isCompletedExceptionally();
                if (failed && ran > 0) {
                    failedYetRan.add(seq);
                } else if (!failed && ran == 0) {
                    succeededUnrun.add(seq);
                }
                endedUnrun = ran == 0;
            } else {
                endedUnrun = false; // pending: the FutureWatch reports it
            }
            if (ran > 0) {
                lastRunSeq = seq;
            } else if (endedUnrun) {
                firstUnrun = Math.min(firstUnrun, seq);
            }
        }
        for (Tally tally : new Tally[] {twice, refusedRan, runAndReturned, lost, failedYetRan, succeededUnrun}) {
            tally.reportTo(broken, name);
        }
        if (firstUnrun < lastRunSeq) {
            broken.report(name + ": task " + firstUnrun + " ended unrun though task " + lastRunSeq
                    + ", given after it, ran: the loop did not keep the order given");
        }
    }

    /** The tasks that broke one invariant: how many, and the first, for the report. */
    private static final class Tally {
        private final String what;
        private int count;
        private int first = -1;

        Tally(String what) {
            this.what = what;
        }

        void add(int seq) {
            if (count++ == 0) {
                first = seq;
            }
        }

        void reportTo(BrokenInvariants broken, String owner) {
            if (count > 0) {
                broken.report(owner + ": " + count + " task(s) " + what + " (the first: task " + first + ")");
            }
        }
    }
}
