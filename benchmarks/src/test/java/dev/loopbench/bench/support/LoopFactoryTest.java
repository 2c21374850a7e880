package dev.loopbench.bench.support;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopCounters;
import dev.loopbench.loop.mpsc.MpscEventLoopProvider;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopFactoryTest {

    @Test
    void anUnknownImplementationNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoopFactory.create("nope", Map.of()));
        assertTrue(e.getMessage().contains("mpsc"), e.getMessage());
    }

    @Test
    void anOptionOfAnotherLoopIsRefusedNamingTheLoopsThatHaveIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoopFactory.create("netty", Map.of(MpscEventLoopProvider.IDLE, "park")));
        assertTrue(e.getMessage().contains("'netty' has no option 'idle'") && e.getMessage().contains("-p impl=mpsc"),
                e.getMessage());
    }

    @Test
    void anOptionNoLoopHasIsRefusedSayingSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoopFactory.create("mpsc", Map.of("idel", "park")));
        assertTrue(e.getMessage().contains("no registered loop has it"), e.getMessage());
    }

    @Test
    void anInvalidValueIsRefusedByTheRegistry() {
        assertThrows(IllegalArgumentException.class,
                () -> LoopFactory.create("mpsc", Map.of(MpscEventLoopProvider.QUEUE, "ring")));
    }

    @Test
    void theOptionsGivenReachTheLoop() throws Exception {
        // a busy-spinning loop never asks its producers for a wakeup; the default spin-park one soon does
        EventLoop loop = LoopFactory.create("mpsc", Map.of(MpscEventLoopProvider.IDLE, "spin"));
        try {
            for (int i = 0; i < 100; i++) {
                loop.submit(() -> null).get();
                Thread.sleep(1);
            }
            LoopCounters counters = loop.counters();
            assertEquals(0, counters.wakeupsIssued(), counters::toString);
        } finally {
            BoundedWaits.close(loop);
        }
    }
}
