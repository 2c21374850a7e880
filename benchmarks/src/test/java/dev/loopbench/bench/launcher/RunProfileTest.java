package dev.loopbench.bench.launcher;

import dev.loopbench.bench.support.BenchmarkDefaults;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

class RunProfileTest {

    /** JMH appends a command line's -jvmArgsAppend to the @Fork annotation's, so a repeated flag is passed twice. */
    @Test
    void noProfileRepeatsTheForkAnnotationsJvmFlags() {
        List<String> annotated = List.of(BenchmarkDefaults.class.getAnnotation(Fork.class).jvmArgsAppend());
        for (RunProfile profile : RunProfile.values()) {
            List<String> arguments = profile.jmhArguments();
            for (String flag : annotated) {
                assertFalse(arguments.stream().anyMatch(argument -> argument.contains(flag)),
                        profile.alias() + " passes " + flag + " again: " + arguments);
            }
        }
    }
}
