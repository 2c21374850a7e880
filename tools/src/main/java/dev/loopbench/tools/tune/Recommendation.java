package dev.loopbench.tools.tune;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The setting to choose for a CPU budget: of the settings that kept up with every rate using at most
 * {@code cpuBudget} of a core for the loop thread, the one whose p99 is closest to the best p99 within budget at
 * each rate (the geometric mean over rates of its p99 over that best), so that no one rate's microseconds
 * outweigh another's. Ties go to the cheaper setting.
 *
 * @param cpuBudget  the loop thread's CPU the user allows, in cores
 * @param setting    the recommended setting, if any setting stays within budget at every rate
 * @param points     that setting's point at each rate
 * @param cheapest   when none fits: the setting whose highest CPU over the rates is lowest, and that CPU
 */
public record Recommendation(double cpuBudget, Optional<String> setting, Map<Integer, TuningPoint> points,
                             Optional<Map.Entry<String, Double>> cheapest) {

    public static Recommendation forBudget(TuningResults results, double cpuBudget) {
        Map<String, Map<Integer, TuningPoint>> bySetting = results.pointsByRate().values().stream()
                .flatMap(List::stream)
                .collect(Collectors.groupingBy(TuningPoint::setting,
                        Collectors.toMap(TuningPoint::offeredRate, point -> point)));
        int rates = results.pointsByRate().size();
        Map<Integer, Double> bestP99 = results.pointsByRate().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, rate -> rate.getValue().stream()
                        .filter(point -> fits(point, cpuBudget)).mapToDouble(TuningPoint::p99Micros)
                        .min().orElse(Double.NaN)));
        Optional<Map.Entry<String, Map<Integer, TuningPoint>>> chosen = bySetting.entrySet().stream()
                .filter(setting -> setting.getValue().size() == rates
                        && setting.getValue().values().stream().allMatch(point -> fits(point, cpuBudget)))
                .min(Comparator.<Map.Entry<String, Map<Integer, TuningPoint>>>comparingDouble(
                                setting -> relativeP99(setting.getValue(), bestP99))
                        .thenComparingDouble(setting -> highestCpu(setting.getValue())));
        if (chosen.isPresent()) {
            return new Recommendation(cpuBudget, Optional.of(chosen.get().getKey()), chosen.get().getValue(),
                    Optional.empty());
        }
        Optional<Map.Entry<String, Double>> cheapest = bySetting.entrySet().stream()
                .filter(setting -> setting.getValue().size() == rates
                        && setting.getValue().values().stream().allMatch(TuningPoint::comparable))
                .map(setting -> Map.entry(setting.getKey(), highestCpu(setting.getValue())))
                .min(Map.Entry.comparingByValue());
        return new Recommendation(cpuBudget, Optional.empty(), Map.of(), cheapest);
    }

    private static boolean fits(TuningPoint point, double cpuBudget) {
        return point.comparable() && point.loopCpu() <= cpuBudget;
    }

    private static double relativeP99(Map<Integer, TuningPoint> points, Map<Integer, Double> bestP99) {
        return Math.exp(points.values().stream()
                .mapToDouble(point -> Math.log(point.p99Micros() / bestP99.get(point.offeredRate())))
                .average().orElse(Double.NaN));
    }

    private static double highestCpu(Map<Integer, TuningPoint> points) {
        return points.values().stream().mapToDouble(TuningPoint::loopCpu).max().orElse(Double.NaN);
    }
}
