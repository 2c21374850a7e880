package dev.loopbench.tools.results;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HistogramFileNamesTest {

    @Test
    void namesTheLogAfterTheBenchmarkAndItsParamsInAlphabeticalOrder() {
        BenchmarkKey key = new BenchmarkKey("dev.loopbench.bench.latency.OneWayLatency.fixedRate", "thrpt",
                new TreeMap<>(Map.of("sendsPerSecond", "5000", "impl", "mpsc", "queue", "array")));

        assertEquals("OneWayLatency.fixedRate__impl=mpsc__queue=array__sendsPerSecond=5000.hlog",
                HistogramFileNames.logFile(key));
    }

    @Test
    void aParameterValueCannotBreakTheFileName() {
        assertEquals("A.b__path=a_b_c_d",
                HistogramFileNames.stem("x.A.b", Map.of("path", "a/b\\c:d")));
    }
}
