package dev.loopbench.tools.results;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The schedule of an interleaved run ({@code rounds.json}, written by the benchmarks' launcher; format in
 * {@code docs/results-format.md}): the machine's noise per round, the round each fork of a row ran in, and the
 * looks a sequential A/B run took at its verdicts.
 *
 * @param rounds   one entry per round, in order
 * @param forks    every fork that names its side and row, in the order it ran
 * @param sides    the JSON file of each side, by side name ({@code base}, {@code head}, {@code run})
 * @param looks    the looks a sequential A/B run took, in order; empty for other runs and older schedules
 * @param maxLooks the looks an older A/B run's Bonferroni split was planned for, where its schedule says
 */
public record RoundSchedule(List<Round> rounds, List<Fork> forks, Map<String, String> sides, List<Look> looks,
                            Optional<Integer> maxLooks) {

    /**
     * One fork of the schedule.
     *
     * @param round the round it ran in
     * @param side  the side it belongs to
     * @param key   the row it measured
     * @param ok    whether it gave a result, and so a fork in its side's JSON
     */
    public record Fork(int round, String side, BenchmarkKey key, boolean ok) {
    }

    /**
     * One look of a sequential A/B run at its verdicts.
     *
     * @param round after which round
     * @param alpha the share of the gate's false-alarm rate this look spent
     */
    public record Look(int round, double alpha) {
    }

    /**
     * One round's noise: the worst of its forks.
     *
     * @param round        the round's number, from 1
     * @param forks        forks run in it
     * @param failed       forks that gave no result
     * @param maxSteal     the highest hypervisor steal of a fork, in percent; NaN where not measured
     * @param maxOtherCores the most CPU other processes used during a fork, in cores; NaN where not measured
     * @param heavyForks   forks measured under heavy interference
     */
    public record Round(int round, int forks, int failed, double maxSteal, double maxOtherCores, int heavyForks) {

        public boolean flagged() {
            return heavyForks > 0 || failed > 0;
        }
    }

    public RoundSchedule {
        rounds = List.copyOf(rounds);
        forks = List.copyOf(forks);
        sides = Map.copyOf(sides);
        looks = List.copyOf(looks);
        Objects.requireNonNull(maxLooks, "maxLooks");
    }

    /**
     * The rounds of {@code side}'s forks of {@code key} that gave a result, in the order they ran: the round of
     * fork {@code i} of that row in the side's JSON, since each successful fork is appended to it.
     */
    public int[] roundsOf(String side, BenchmarkKey key) {
        return forks.stream().filter(fork -> fork.ok() && fork.side().equals(side) && fork.key().equals(key))
                .mapToInt(Fork::round).toArray();
    }

    /** The last round that ran; 0 for none. */
    public int lastRound() {
        return rounds.isEmpty() ? 0 : rounds.get(rounds.size() - 1).round();
    }

    /** The schedule beside a run ({@code RUN.rounds.json}), which an interleaved run writes; empty without one. */
    public static Optional<RoundSchedule> ofRun(RunFiles files) throws ResultFileException {
        return Files.isRegularFile(files.schedule()) ? Optional.of(read(files.schedule())) : Optional.empty();
    }

    public static RoundSchedule read(Path file) throws ResultFileException {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(Files.readString(file));
            if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("forks")) {
                throw new ResultFileException(file, "is not a schedule of rounds: expected an object with 'forks',"
                        + " as the launcher writes to rounds.json");
            }
            root = parsed.getAsJsonObject();
        } catch (IOException e) {
            throw new ResultFileException(file, "cannot be read: " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new ResultFileException(file, "is not valid JSON (" + e.getMessage() + ")", e);
        }
        Map<Integer, List<JsonObject>> byRound = new TreeMap<>();
        List<Fork> forks = new ArrayList<>();
        for (JsonElement element : root.getAsJsonArray("forks")) {
            JsonObject fork = element.getAsJsonObject();
            byRound.computeIfAbsent(fork.get("round").getAsInt(), round -> new ArrayList<>()).add(fork);
            fork(fork).ifPresent(forks::add);
        }
        List<Round> rounds = new ArrayList<>();
        byRound.forEach((round, roundForks) -> rounds.add(summarise(round, roundForks)));
        Map<String, String> sides = new LinkedHashMap<>();
        if (root.has("sides")) {
            root.getAsJsonObject("sides").entrySet().forEach(side -> sides.put(side.getKey(), side.getValue().getAsString()));
        }
        List<Look> looks = new ArrayList<>();
        if (root.has("looks")) {
            root.getAsJsonArray("looks").forEach(look -> looks.add(new Look(look.getAsJsonObject().get("round").getAsInt(),
                    look.getAsJsonObject().get("alpha").getAsDouble())));
        }
        Optional<Integer> maxLooks = root.has("maxLooks") ? Optional.of(root.get("maxLooks").getAsInt()) : Optional.empty();
        return new RoundSchedule(rounds, forks, sides, looks, maxLooks);
    }

    /** A fork that names its side and row; schedules written before they did have none. */
    private static Optional<Fork> fork(JsonObject fork) {
        if (!fork.has("side") || !fork.has("benchmark") || !fork.has("mode")) {
            return Optional.empty();
        }
        SortedMap<String, String> params = new TreeMap<>();
        if (fork.has("params")) {
            fork.getAsJsonObject("params").entrySet().forEach(param -> params.put(param.getKey(), param.getValue().getAsString()));
        }
        return Optional.of(new Fork(fork.get("round").getAsInt(), fork.get("side").getAsString(),
                new BenchmarkKey(fork.get("benchmark").getAsString(), fork.get("mode").getAsString(), params),
                fork.get("ok").getAsBoolean()));
    }

    private static Round summarise(int round, List<JsonObject> forks) {
        int failed = 0;
        int heavy = 0;
        double steal = Double.NaN;
        double other = Double.NaN;
        for (JsonObject fork : forks) {
            failed += fork.get("ok").getAsBoolean() ? 0 : 1;
            JsonObject noise = fork.getAsJsonObject("noise");
            if (noise != null && noise.has("stealPercent")) {
                steal = Double.isNaN(steal) ? noise.get("stealPercent").getAsDouble()
                        : Math.max(steal, noise.get("stealPercent").getAsDouble());
                other = Double.isNaN(other) ? noise.get("otherCores").getAsDouble()
                        : Math.max(other, noise.get("otherCores").getAsDouble());
                heavy += noise.get("heavy").getAsBoolean() ? 1 : 0;
            }
        }
        return new Round(round, forks.size(), failed, steal, other, heavy);
    }
}
