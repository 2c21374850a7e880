package dev.loopbench.loop.conformance;

import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.junit.jupiter.api.DisplayName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Contract: a refused call has no side effect, a build included. A loop refused for a bad option leaves nothing
 * open behind it; the file descriptors of the process tell, where Linux lists them.
 */
class RefusedBuildConformanceTest extends ConformanceSupport {

    private static final Path OPEN_FILE_DESCRIPTORS = Path.of("/proc/self/fd");
    private static final int REFUSED_BUILDS = 20;
    private static final int ATTEMPTS = 3;

    /**
     * A leak grows with every refused build; the JVM or another test's thread may open a descriptor of its own
     * meanwhile, once. So the builds are tried in up to {@link #ATTEMPTS} batches, and one batch that leaves no more
     * descriptors than it found passes; the failure names what the last batch left open.
     */
    @ConformanceTest
    @DisplayName("builds refused for a bad option leave no file descriptor open")
    void refusedBuildsLeaveNoFileDescriptorOpen(String impl) throws Exception {
        assumeTrue(Files.isDirectory(OPEN_FILE_DESCRIPTORS), "no " + OPEN_FILE_DESCRIPTORS + " to count open files in");
        // once first, so that what the JVM and the native transports open lazily, once per process, is open already
        newLoop(impl).close();
        refuseBuild(impl);
        Map<String, Long> leftOpen = Map.of();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, String> before = openFileDescriptors();
            for (int i = 0; i < REFUSED_BUILDS; i++) {
                refuseBuild(impl);
            }
            Map<String, String> after = openFileDescriptors();
            if (after.size() <= before.size()) {
                return;
            }
            after.keySet().removeAll(before.keySet());
            leftOpen = after.values().stream()
                    .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        }
        fail(REFUSED_BUILDS + " refused builds left file descriptors open, in each of " + ATTEMPTS + " batches; "
                + "the last left, by what they are open on: " + leftOpen);
    }

    private static void refuseBuild(String impl) {
        assertThrows(IllegalArgumentException.class, () -> EventLoopRegistry.builder(impl)
                .option(LoopOption.MAX_PENDING_TASKS, "-1").build());
    }

    /**
     * Each open descriptor's number, with what it is open on (e.g. {@code anon_inode:[eventpoll]}), but those on
     * {@code /proc}: the one this listing reads through, whose number moves as others open.
     */
    private static Map<String, String> openFileDescriptors() throws IOException {
        Map<String, String> open = new HashMap<>();
        try (Stream<Path> descriptors = Files.list(OPEN_FILE_DESCRIPTORS)) {
            descriptors.forEach(descriptor -> open.put(descriptor.getFileName().toString(), target(descriptor)));
        }
        open.values().removeIf(target -> target.startsWith("/proc/"));
        return open;
    }

    private static String target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException closedMeanwhile) {
            return "(closed meanwhile)";
        }
    }
}
