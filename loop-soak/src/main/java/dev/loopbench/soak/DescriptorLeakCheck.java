package dev.loopbench.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Before and after a round: the process's anonymous file descriptors (epoll and io_uring instances, eventfds, pipes,
 * sockets: what a loop's selector or ring holds), read from {@code /proc/self/fd}. One opened during the round and
 * still open after it is a leak. Descriptors of named files are left out: the JVM opens jars and libraries lazily,
 * and a loop holds none.
 */
final class DescriptorLeakCheck {

    private static final Path FDS = Path.of("/proc/self/fd");

    private final Map<String, String> before;

    private DescriptorLeakCheck(Map<String, String> before) {
        this.before = before;
    }

    /** Whether this system lists a process's descriptors where the check reads them (Linux does). */
    static boolean supported() {
        return Files.isDirectory(FDS);
    }

    /** Notes the anonymous descriptors open now. */
    static DescriptorLeakCheck start() {
        return new DescriptorLeakCheck(anonymousDescriptors());
    }

    /** Reports the anonymous descriptors opened since {@link #start()} and still open. */
    void check(BrokenInvariants broken) {
        Map<String, String> leaked = anonymousDescriptors();
        leaked.keySet().removeIf(fd -> leaked.get(fd).equals(before.get(fd)));
        if (!leaked.isEmpty()) {
            broken.report(leaked.size() + " file descriptor(s) opened during the round still open after it: "
                    + leaked.entrySet().stream().map(fd -> fd.getKey() + " -> " + fd.getValue())
                    .collect(Collectors.joining(", ")));
        }
    }

    private static Map<String, String> anonymousDescriptors() {
        Map<String, String> open = new HashMap<>();
        if (!supported()) {
            return open;
        }
        try (Stream<Path> fds = Files.list(FDS)) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (!target.startsWith("/")) {
                        open.put(fd.getFileName().toString(), target);
                    }
                } catch (IOException closedMeanwhile) {
                    // the directory's own descriptor, or one closed between the listing and the read
                }
            });
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot list " + FDS, unreadable);
        }
        return open;
    }
}
