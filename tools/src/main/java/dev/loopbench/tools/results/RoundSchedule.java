package dev.loopbench.tools.results;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine's noise per round of an interleaved run, read from its schedule ({@code rounds.json}, written by
 * the benchmarks' launcher; format in {@code docs/results-format.md}).
 *
 * @param rounds one entry per round, in order
 */
public record RoundSchedule(List<Round> rounds) {

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
        root.getAsJsonArray("forks").forEach(fork -> byRound
                .computeIfAbsent(fork.getAsJsonObject().get("round").getAsInt(), round -> new ArrayList<>())
                .add(fork.getAsJsonObject()));
        List<Round> rounds = new ArrayList<>();
        byRound.forEach((round, forks) -> rounds.add(summarise(round, forks)));
        return new RoundSchedule(rounds);
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
