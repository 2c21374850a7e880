package dev.loopbench.soak;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The soak's ledger of one producer's tasks reports each way a loop can break exactly-once and FIFO. */
class ProducerLogTest {

    private final BrokenInvariants broken = new BrokenInvariants();
    private final ProducerLog log = new ProducerLog("producer 1 on test-loop", 16, broken);

    @Test
    void aCleanRunBreaksNothing() {
        acceptExecutes(4);
        log.ran(0);
        log.ran(1);
        log.returned(2);
        log.returned(3);
        log.check(false);
        assertEquals(List.of(), broken.all());
    }

    @Test
    void aTaskThatRanTwiceIsReported() {
        acceptExecutes(2);
        log.ran(0);
        log.ran(1);
        log.ran(1);
        log.check(false);
        assertReported("1 task(s) ran more than once (the first: task 1)");
    }

    @Test
    void tasksRunOutOfTheOrderGivenAreReportedAsTheyRun() {
        acceptExecutes(3);
        log.ran(0);
        log.ran(2);
        log.ran(1);
        assertReported("task 1 ran after task 2, against the order given");
    }

    @Test
    void aTaskHandedBackBeforeOneThatRanBreaksTheOrder() {
        acceptExecutes(3);
        log.ran(0);
        log.returned(1);
        log.ran(2);
        log.check(false);
        assertReported("task 1 ended unrun though task 2, given after it, ran");
    }

    @Test
    void anAcceptedTaskThatNeitherRanNorCameBackIsLost() {
        acceptExecutes(2);
        log.ran(0);
        log.check(false);
        assertReported("1 task(s) was accepted by execute but neither ran nor was handed back");
    }

    @Test
    void aStopWhoseListNobodySawMayLoseOnlyATail() {
        acceptExecutes(3);
        log.ran(0);
        log.check(true);
        assertEquals(List.of(), broken.all());
    }

    @Test
    void aTaskBothRunAndHandedBackIsReported() {
        acceptExecutes(1);
        log.ran(0);
        log.returned(0);
        log.check(false);
        assertReported("both ran and was handed back");
    }

    @Test
    void aRefusedTaskThatRanIsReported() {
        int seq = log.next();
        log.refused(seq);
        log.ran(seq);
        log.check(false);
        assertReported("ran although the loop refused it");
    }

    @Test
    void aSubmitFutureMustSayWhetherItsTaskRan() {
        int failedYetRan = log.next();
        log.acceptedSubmit(failedYetRan, CompletableFuture.failedFuture(new IllegalStateException("loop ended")));
        log.ran(failedYetRan);
        int succeededUnrun = log.next();
        log.acceptedSubmit(succeededUnrun, CompletableFuture.completedFuture(succeededUnrun));
        log.check(false);
        assertReported("ran, yet its submit future failed");
        assertReported("never ran, yet its submit future completed normally");
    }

    private void acceptExecutes(int count) {
        for (int i = 0; i < count; i++) {
            log.accepted(log.next());
        }
    }

    private void assertReported(String expected) {
        assertTrue(broken.all().stream().anyMatch(report -> report.contains(expected)),
                "expected a report containing '" + expected + "', got " + broken.all());
    }
}
