package dev.loopbench.loop.conformance;

import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.junit.jupiter.api.DisplayName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Contract: a refused call has no side effect, a build included. A loop refused for a bad option leaves nothing
 * open behind it; the file descriptors of the process tell, where Linux lists them.
 */
class RefusedBuildConformanceTest extends ConformanceSupport {

    private static final Path OPEN_FILE_DESCRIPTORS = Path.of("/proc/self/fd");
    private static final int REFUSED_BUILDS = 20;

    @ConformanceTest
    @DisplayName("builds refused for a bad option leave no file descriptor open")
    void refusedBuildsLeaveNoFileDescriptorOpen(String impl) throws Exception {
        assumeTrue(Files.isDirectory(OPEN_FILE_DESCRIPTORS), "no " + OPEN_FILE_DESCRIPTORS + " to count open files in");
        // once first, so that what the JVM and the native transports open lazily, once per process, is open already
        newLoop(impl).close();
        refuseBuild(impl);
        long before = openFileDescriptors();
        for (int i = 0; i < REFUSED_BUILDS; i++) {
            refuseBuild(impl);
        }
        long after = openFileDescriptors();
        assertTrue(after <= before, REFUSED_BUILDS + " refused builds left " + (after - before)
                + " file descriptors open (" + before + " before, " + after + " after)");
    }

    private static void refuseBuild(String impl) {
        assertThrows(IllegalArgumentException.class, () -> EventLoopRegistry.builder(impl)
                .option(LoopOption.MAX_PENDING_TASKS, "-1").build());
    }

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> descriptors = Files.list(OPEN_FILE_DESCRIPTORS)) {
            return descriptors.count();
        }
    }
}
