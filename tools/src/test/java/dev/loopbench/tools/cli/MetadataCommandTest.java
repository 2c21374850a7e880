package dev.loopbench.tools.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.loopbench.tools.results.MetadataFile;
import dev.loopbench.tools.results.RunMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataCommandTest {

    private static final List<String> FIELDS = List.of("profile", "date", "gitCommit", "jdkVendor", "jdkVersion", "jvmName",
            "jvmFlags", "cpuModel", "cores", "memory", "os", "jmhArgs");

    @TempDir
    Path dir;

    @Test
    void writesEveryFieldAsAStringFromThisJvm() throws Exception {
        Path file = dir.resolve("results/run.meta.json");

        Cli cli = Cli.run("metadata", "--profile", "quick", "--jmh-args", "-f 3 -wi 2", "--out", file.toString());

        assertEquals(0, cli.exitCode(), cli.err());
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals(FIELDS, List.copyOf(json.keySet()));
        for (Map.Entry<String, JsonElement> field : json.entrySet()) {
            assertTrue(field.getValue().getAsJsonPrimitive().isString(), field.getKey());
        }
        RunMetadata metadata = MetadataFile.readIfPresent(file).orElseThrow();
        assertEquals("quick", metadata.profile());
        assertEquals("-f 3 -wi 2", metadata.jmhArgs());
        assertEquals(System.getProperty("java.version"), metadata.jdkVersion());
        assertEquals(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()), metadata.jvmFlags());
        assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()), metadata.cores());
        assertTrue(metadata.date().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), metadata.date());
        assertTrue(metadata.gitCommit().matches("[0-9a-f]{40}|unknown"), metadata.gitCommit());
    }

    @Test
    void withTheRunsJsonTheFlagsAreTheForksNotThisJvms() throws Exception {
        Path results = new dev.loopbench.tools.JmhJson(1)
                .add(dev.loopbench.tools.JmhJson.row("dev.loopbench.bench.x.X.y", "avgt", "us/op", 1)
                        .jvmArgs("-Xmx1g", "-XX:+UseParallelGC"))
                .write(dir.resolve("run.json"));
        Path file = dir.resolve("run.meta.json");

        Cli cli = Cli.run("metadata", "--profile", "quick", "--out", file.toString(), "--results", results.toString());

        assertEquals(0, cli.exitCode(), cli.err());
        RunMetadata metadata = MetadataFile.readIfPresent(file).orElseThrow();
        assertEquals("-Xmx1g -XX:+UseParallelGC", metadata.jvmFlags());
        assertEquals("17.0.15", metadata.jdkVersion());
    }

    @Test
    void missingRequiredOptionsSayWhichAndHow() {
        Cli cli = Cli.run("metadata", "--profile", "quick");

        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("missing --out, e.g. --out results/RUN.meta.json"), cli.err());
    }
}
