package dev.loopbench.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Producers that each give numbered tasks, from 1, to one executor, all starting together; each task checks that it
 * runs right after its producer's previous one. The tasks must run one at a time (on a loop's thread, or on one
 * consumer's): that confines the record to them, so read it from that thread, or after a task run there last.
 */
public final class OrderedProducers {

    private final int tasksPerProducer;
    private final int[] lastSeen;
    private final List<String> violations = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private int runs;

    public OrderedProducers(int producers, int tasksPerProducer) {
        this.tasksPerProducer = tasksPerProducer;
        this.lastSeen = new int[producers];
    }

    /** Starts the producers; each gives its tasks to {@code executor} once all have started. */
    public void start(Executor executor) {
        CountDownLatch start = new CountDownLatch(1);
        for (int p = 0; p < lastSeen.length; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int seq = 1; seq <= tasksPerProducer; seq++) {
                    int expected = seq;
                    executor.execute(() -> record(producer, expected));
                }
            }, "producer-" + p);
            threads.add(thread);
            thread.start();
        }
        start.countDown();
    }

    private void record(int producer, int sequence) {
        runs++;
        if (lastSeen[producer] != sequence - 1 && violations.size() < 10) {
            violations.add("producer " + producer + ": task " + sequence + " ran after task " + lastSeen[producer]);
        }
        lastSeen[producer] = sequence;
    }

    /** Waits up to {@code seconds} for each producer to have given all its tasks, and fails if one has not. */
    public void awaitGiven(long seconds) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(seconds));
            assertFalse(thread.isAlive(), thread.getName() + " did not finish giving its tasks");
        }
    }

    /** The tasks run so far. */
    public int runs() {
        return runs;
    }

    /** The first few tasks that ran out of their producer's order. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** The number of producer {@code producer}'s last task run. */
    public int lastSeen(int producer) {
        return lastSeen[producer];
    }
}
