package dev.loopbench.loop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a tuning run tries for one implementation, built from the options its provider declares and
 * nothing else, so a new loop or a new option value is swept without naming it anywhere else.
 *
 * <p>The grid is the product of each option's {@link LoopOption#tuningValues()}, except that an option with a
 * {@link LoopOption#onlyWhen() condition} is varied only in the settings that meet it: {@code spinIterations}
 * multiplies the {@code idle=spin-park} settings, not the {@code idle=park} ones, which it would not change.
 * Each setting names only the options the sweep varies; the others keep their defaults.
 */
public final class TuningGrid {

    private TuningGrid() {
    }

    /** Every setting to try, each an option-to-value map in the provider's declaration order. */
    public static List<Map<String, String>> of(EventLoopProvider provider) {
        List<Map<String, String>> settings = List.of(Map.of());
        List<String> declaredSoFar = new ArrayList<>();
        for (LoopOption option : provider.options()) {
            option.onlyWhen().ifPresent(condition -> {
                if (!declaredSoFar.contains(condition.option())) {
                    throw new IllegalStateException("option '" + option.name() + "' of '" + provider.name()
                            + "' depends on '" + condition.option() + "', which must be declared before it");
                }
            });
            declaredSoFar.add(option.name());
            if (option.tuningValues().equals(List.of(option.defaultValue()))) {
                continue;
            }
            List<Map<String, String>> expanded = new ArrayList<>();
            for (Map<String, String> setting : settings) {
                if (!applies(option, setting, provider)) {
                    expanded.add(setting);
                    continue;
                }
                for (String value : option.tuningValues()) {
                    Map<String, String> withValue = new LinkedHashMap<>(setting);
                    withValue.put(option.name(), value);
                    expanded.add(withValue);
                }
            }
            settings = expanded;
        }
        return settings.stream().map(Collections::unmodifiableMap).toList();
    }

    private static boolean applies(LoopOption option, Map<String, String> setting, EventLoopProvider provider) {
        return option.onlyWhen()
                .map(condition -> condition.values().contains(setting.getOrDefault(condition.option(),
                        defaultOf(provider, condition.option()))))
                .orElse(true);
    }

    private static String defaultOf(EventLoopProvider provider, String optionName) {
        return provider.options().stream().filter(option -> option.name().equals(optionName))
                .map(LoopOption::defaultValue).findFirst().orElseThrow();
    }
}
