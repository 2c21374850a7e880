package dev.loopbench.loop.conformance;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a conformance test: it runs once for every implementation in the registry, named
 * {@code [impl] <display name>}, and fails rather than hangs if the loop under test never answers.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "[{0}] {displayName}")
@MethodSource("dev.loopbench.loop.conformance.ConformanceSupport#implementations")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public @interface ConformanceTest {
}
