package dev.loopbench.bench.rounds;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The sidecar of an interleaved run ({@code RUN.rounds.json}, or {@code rounds.json} beside an A/B pair): which
 * fork ran when, in which round and position, for which side, how long it took, whether it gave a result, and how
 * much the machine disturbed it. Rewritten whole after every fork, so an interrupted run keeps its record.
 */
public final class ScheduleLog {

    /** One fork, as written to the JSON. */
    record Fork(int round, int order, String side, String benchmark, String mode, SortedMap<String, String> params,
                String start, double seconds, boolean ok, String problem, Map<String, Object> noise) {
    }

    private final transient Path file;
    private final long seed;
    private final Map<String, String> sides = new LinkedHashMap<>();
    private final List<Fork> forks = new ArrayList<>();
    /** The looks a sequential A/B run took: after which round, and the share of the false-alarm rate spent. */
    private final List<Map<String, Object>> looks = new ArrayList<>();
    private String stopped = "";

    public ScheduleLog(Path file, long seed, List<Side> runSides) {
        this.file = file;
        this.seed = seed;
        runSides.forEach(side -> sides.put(side.name(), side.json().toString()));
    }

    void add(int round, int order, Side side, Variant variant, Instant start, double seconds,
             ForkLauncher.Outcome outcome, Optional<MachineNoise.Reading> noise) {
        Map<String, Object> noiseFields = new LinkedHashMap<>();
        noise.ifPresentOrElse(reading -> {
            noiseFields.put("stealPercent", reading.stealPercent());
            noiseFields.put("otherCores", reading.otherCores());
            noiseFields.put("loadAverage", reading.loadAverage());
            noiseFields.put("heavy", reading.heavy());
        }, () -> noiseFields.put("measured", false));
        forks.add(new Fork(round, order, side.name(), variant.benchmark(), variant.mode().shortLabel(), variant.params(),
                start.toString(), seconds, outcome.succeeded(), outcome.problem(), noiseFields));
        write();
    }

    /** A look of a sequential A/B run, which its final comparison must count (see {@code AlphaSpending}). */
    void look(int round, double alpha) {
        Map<String, Object> look = new LinkedHashMap<>();
        look.put("round", round);
        look.put("alpha", alpha);
        looks.add(look);
        write();
    }

    void stopped(String reason) {
        stopped = reason;
        write();
    }

    List<Fork> forks() {
        return List.copyOf(forks);
    }

    private void write() {
        Gson gson = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("seed", seed);
        content.put("sides", sides);
        if (!looks.isEmpty()) {
            content.put("looks", looks);
        }
        content.put("stopped", stopped);
        content.put("forks", forks);
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, gson.toJson(content));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the schedule " + file, e);
        }
    }
}
