package dev.loopbench.tools.results;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchmarkKeyTest {

    @Test
    void aParameterAtItsEmptyDefaultIsLeftOutOfTheLabel() {
        assertEquals("impl=mpsc maxPendingTasks=0",
                BenchmarkKey.paramsLabel(new TreeMap<>(Map.of("impl", "mpsc", "loopOptions", "", "maxPendingTasks", "0"))));
        assertEquals("impl=mpsc loopOptions=idle=spin",
                BenchmarkKey.paramsLabel(new TreeMap<>(Map.of("impl", "mpsc", "loopOptions", "idle=spin"))));
        assertEquals("-", BenchmarkKey.paramsLabel(new TreeMap<>(Map.of("loopOptions", ""))));
    }
}
