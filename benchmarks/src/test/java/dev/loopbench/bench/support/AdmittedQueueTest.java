package dev.loopbench.bench.support;

import dev.loopbench.loop.mpsc.MpscEventLoopProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmittedQueueTest {

    @Test
    void admitsEveryTaskInOrderAndRefusesNullAsALoopDoes() {
        AdmittedQueue queue = new AdmittedQueue(MpscEventLoopProvider.DEFAULT_QUEUE.newQueue());
        Runnable first = () -> { };
        Runnable second = () -> { };
        queue.execute(first);
        queue.execute(second);

        assertSame(first, queue.poll());
        assertSame(second, queue.poll());
        assertNull(queue.poll());
        assertTrue(queue.isEmpty());
        assertThrows(NullPointerException.class, () -> queue.execute(null));
    }
}
