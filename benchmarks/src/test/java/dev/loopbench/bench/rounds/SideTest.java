package dev.loopbench.bench.rounds;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SideTest {

    private static final List<String> FORK = List.of("-wi", "2", "-jvmArgsAppend", "-Xmx1g -XX:+UseParallelGC",
            "-f", "1", "ChainThroughput");

    @Test
    void aSideWithoutJvmFlagsRunsTheForkAsGiven() {
        assertEquals(FORK, Side.named("base", Path.of("base.jar"), Path.of("ab/base.json")).forkArgs(FORK));
    }

    @Test
    void aSidesJvmFlagsFollowTheFlagsEveryForkHas() {
        Side head = Side.named("head", Path.of("head.jar"), Path.of("ab/head.json"),
                List.of("-Dloopbench.slowdown.taskNanos=50", "-Dloopbench.slowdown.wakeupNanos=1000"));

        assertEquals(List.of("-wi", "2", "-jvmArgsAppend", "-Xmx1g -XX:+UseParallelGC -Dloopbench.slowdown.taskNanos=50"
                + " -Dloopbench.slowdown.wakeupNanos=1000", "-f", "1", "ChainThroughput"), head.forkArgs(FORK));
    }

    /** JMH appends the option's flags to @Fork's, so the side gives its own flags alone. */
    @Test
    void withoutJvmFlagsInTheForkTheSideAddsItsOwnAlone() {
        Side head = Side.named("head", Path.of("head.jar"), Path.of("ab/head.json"), List.of("-Dx=1"));

        assertEquals(List.of("-f", "1", "-jvmArgsAppend", "-Dx=1"),
                head.forkArgs(List.of("-f", "1")));
    }
}
