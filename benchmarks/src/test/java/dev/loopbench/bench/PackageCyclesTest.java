package dev.loopbench.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's packages import each other without a cycle, in the sources as written (a Javadoc-only import
 * counts too: it is what a reader follows). Benchmarks sit on top of the other modules, so this module's tests
 * read all of them, from the module's directory, where Surefire runs.
 */
class PackageCyclesTest {

    private static final List<Path> SOURCE_ROOTS = List.of(
            Path.of("../loop-impls/src/main/java"), Path.of("../loop-stress/src/main/java"),
            Path.of("../loop-soak/src/main/java"), Path.of("../tools/src/main/java"), Path.of("src/main/java"));
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?(dev\\.loopbench[\\w.]*?)\\.[A-Z]\\w*(?:\\.\\w+)*;", Pattern.MULTILINE);

    @Test
    void noPackageImportCycle() throws IOException {
        Map<String, Set<String>> imports = new HashMap<>();
        for (Path root : SOURCE_ROOTS) {
            assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " is missing");
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> addImports(file, imports));
            }
        }
        assertTrue(imports.size() > 10, "read only " + imports.keySet());
        List<String> cycle = findCycle(imports);
        assertEquals(List.of(), cycle, "packages import each other in a cycle: " + String.join(" -> ", cycle));
    }

    private static void addImports(Path file, Map<String, Set<String>> imports) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher declared = PACKAGE.matcher(source);
        if (!declared.find()) {
            return;
        }
        Set<String> targets = imports.computeIfAbsent(declared.group(1), key -> new HashSet<>());
        for (Matcher imported = IMPORT.matcher(source); imported.find(); ) {
            if (!imported.group(1).equals(declared.group(1))) {
                targets.add(imported.group(1));
            }
        }
    }

    /** A cycle as the packages along it, first one repeated at the end; empty when there is none. */
    private static List<String> findCycle(Map<String, Set<String>> imports) {
        Set<String> done = new HashSet<>();
        for (String start : imports.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> cycle = depthFirst(start, imports, path, new HashSet<>(), done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> depthFirst(String node, Map<String, Set<String>> imports, List<String> path,
                                           Set<String> onPath, Set<String> done) {
        if (onPath.contains(node)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        if (!done.add(node)) {
            return List.of();
        }
        path.add(node);
        onPath.add(node);
        for (String next : imports.getOrDefault(node, Set.of())) {
            List<String> cycle = depthFirst(next, imports, path, onPath, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        onPath.remove(node);
        path.remove(path.size() - 1);
        return List.of();
    }
}
