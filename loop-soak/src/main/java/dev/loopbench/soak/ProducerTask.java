package dev.loopbench.soak;

import java.util.concurrent.Callable;

/**
 * A producer's task, {@code seq} in its log: running it tells the log. As a {@link Runnable} for {@code execute}, so
 * that {@code shutdownNow()} hands it back as itself; as a {@link Callable} for {@code submit}, returning its number.
 */
final class ProducerTask implements Runnable, Callable<Integer> {

    private final ProducerLog log;
    private final int seq;

    ProducerTask(ProducerLog log, int seq) {
        this.log = log;
        this.seq = seq;
    }

    @Override
    public void run() {
        log.ran(seq);
    }

    @Override
    public Integer call() {
        run();
        return seq;
    }

    /** {@code shutdownNow()} returned this task unrun. */
    void handBack() {
        log.returned(seq);
    }
}
