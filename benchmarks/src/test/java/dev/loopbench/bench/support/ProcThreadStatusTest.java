package dev.loopbench.bench.support;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProcThreadStatusTest {

    /** The part of a real {@code /proc/<pid>/task/<tid>/status} (Linux 5.15) around the field. */
    private static final String STATUS = """
            Name:\tloop-mpsc-1
            Umask:\t0022
            State:\tS (sleeping)
            Tgid:\t7533
            Pid:\t7540
            Threads:\t23
            Cpus_allowed_list:\t0-1
            Mems_allowed_list:\t0
            voluntary_ctxt_switches:\t18342
            nonvoluntary_ctxt_switches:\t97
            """;

    @Test
    void readsTheVoluntarySwitchesNotTheInvoluntaryOnes() {
        assertEquals(18_342, ProcThreadStatus.voluntarySwitchesIn(STATUS));
    }

    @Test
    void aStatusWithoutTheFieldOrWithGarbageInItIsNotMeasured() {
        assertEquals(ProcThreadStatus.NOT_MEASURED, ProcThreadStatus.voluntarySwitchesIn("Name:\tx\nState:\tR\n"));
        assertEquals(ProcThreadStatus.NOT_MEASURED, ProcThreadStatus.voluntarySwitchesIn("voluntary_ctxt_switches:\tmany\n"));
        assertEquals(ProcThreadStatus.NOT_MEASURED, ProcThreadStatus.voluntarySwitchesIn(""));
    }

    @Test
    void theNativeIdIsTheLastElementOfTheThreadSelfLink() {
        assertEquals(7540, ProcThreadStatus.nativeThreadIdOf("7533/task/7540"));
        assertEquals(7540, ProcThreadStatus.nativeThreadIdOf("/proc/7533/task/7540"));
        assertEquals(ProcThreadStatus.NOT_MEASURED, ProcThreadStatus.nativeThreadIdOf("7533"));
        assertEquals(ProcThreadStatus.NOT_MEASURED, ProcThreadStatus.nativeThreadIdOf("7533/task/"));
    }

    @Test
    void anUnknownThreadIsNotMeasuredRatherThanAFailure() {
        assertEquals(ProcThreadStatus.NOT_MEASURED, ProcThreadStatus.voluntaryContextSwitches(ProcThreadStatus.NOT_MEASURED));
        assertEquals(ProcThreadStatus.NOT_MEASURED, ProcThreadStatus.voluntaryContextSwitches(Long.MAX_VALUE));
    }

    /** On Linux: a thread that parks and is unparked counts it, read by its own native id from another thread. */
    @Test
    void countsEveryParkOfAThreadByItsNativeId() throws Exception {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux only");
        int parks = 20;
        AtomicLong nativeId = new AtomicLong();
        CountDownLatch identified = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1); // a thread that has ended has no /proc entry
        Thread parker = new Thread(() -> {
            nativeId.set(ProcThreadStatus.currentNativeThreadId());
            identified.countDown();
            try {
                go.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < parks; i++) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            done.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ProcThreadStatusTest-parker");
        parker.start();
        try {
            assertTrue(identified.await(10, TimeUnit.SECONDS), "the parker did not start");
            long before = ProcThreadStatus.voluntaryContextSwitches(nativeId.get());
            go.countDown();
            assertTrue(done.await(10, TimeUnit.SECONDS), "the parker did not finish");
            long after = ProcThreadStatus.voluntaryContextSwitches(nativeId.get());
            assertTrue(before >= 0 && after - before >= parks, "switches " + before + " then " + after);
        } finally {
            go.countDown();
            release.countDown();
            parker.join(10_000);
        }
    }
}
