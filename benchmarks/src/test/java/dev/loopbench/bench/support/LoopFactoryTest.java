package dev.loopbench.bench.support;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.mpsc.MpscEventLoopProvider;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

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
    void aTuningOptionAtItsDefaultIsIgnoredByALoopWithoutIt() {
        EventLoop loop = LoopFactory.create("netty", Map.of(MpscEventLoopProvider.IDLE, "spin-park"));
        BoundedWaits.close(loop);
    }

    @Test
    void aSweptTuningOptionIsRefusedForALoopWithoutIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoopFactory.create("netty", Map.of(MpscEventLoopProvider.IDLE, "park")));
        assertTrue(e.getMessage().contains("-p impl=mpsc"), e.getMessage());
    }

    @Test
    void anInvalidTuningValueIsRefusedByTheRegistry() {
        assertThrows(IllegalArgumentException.class,
                () -> LoopFactory.create("mpsc", Map.of(MpscEventLoopProvider.QUEUE, "ring")));
    }

    @Test
    void theTuningParametersDefaultToTheRegistrysDefaults() throws ReflectiveOperationException {
        for (String option : new String[] {MpscEventLoopProvider.IDLE, MpscEventLoopProvider.SPIN_ITERATIONS,
                MpscEventLoopProvider.QUEUE}) {
            String[] annotated = LoopBenchmark.class.getField(option).getAnnotation(Param.class).value();
            assertEquals(LoopFactory.defaultValue(option).orElseThrow(), String.join(",", annotated), option);
        }
    }
}
