package dev.loopbench.bench.launcher;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhArgumentsTest {

    private static JmhArguments args(String... tokens) {
        return JmhArguments.parse(List.of(tokens));
    }

    @Test
    void aUserOptionReplacesTheProfilesAndTheRestStays() {
        JmhArguments merged = args("-f", "2", "-i", "3", "Quick").overriddenBy(args("-f", "1"));
        assertEquals(List.of("-i", "3", "-f", "1", "Quick"), merged.toList());
    }

    @Test
    void parametersAreOverriddenOneKeyAtATime() {
        JmhArguments merged = args("-p", "impl=mpsc", "-p", "depth=4").overriddenBy(args("-p", "depth=1,16"));
        assertEquals(List.of("-p", "impl=mpsc", "-p", "depth=1,16"), merged.toList());
    }

    @Test
    void profilersAreOverriddenOneClassAtATime() {
        JmhArguments merged = args("-prof", "a.Hdr", "-prof", "gc").overriddenBy(args("-prof", "a.Hdr:dir=x"));
        assertEquals(List.of("-prof", "gc", "-prof", "a.Hdr:dir=x"), merged.toList());
    }

    @Test
    void userRegexpsReplaceTheProfilesAndExcludesAddUp() {
        JmhArguments merged = args("-e", "Limit", "A", "B").overriddenBy(args("-e", "Burst", "C"));
        assertEquals(List.of("-e", "Limit", "-e", "Burst", "C"), merged.toList());
    }

    @Test
    void optionalValuesAreTakenOnlyWhenTheyAreNotOptions() {
        assertEquals(List.of("-f", "-i", "1", "Bench"), args("-f", "-i", "1", "Bench").toList());
        assertEquals(List.of("-foe", "true"), args("-foe", "true").toList());
    }

    @Test
    void aValueThatLooksLikeAnOptionStaysAValue() {
        JmhArguments parsed = args("-jvmArgsAppend", "-Xmx2g", "-l");
        assertEquals("-Xmx2g", parsed.value("jvmArgsAppend").orElseThrow());
        assertTrue(parsed.onlyLists());
    }

    @Test
    void listingIsRecognised() {
        assertTrue(args("-lp").onlyLists());
        assertFalse(args("-f", "1").onlyLists());
    }

    @Test
    void aMissingValueIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> args("-rff"));
    }

    @Test
    void parameterNamesAreListed() {
        assertEquals(List.of("impl", "loopOptions"),
                List.copyOf(args("-p", "impl=mpsc", "-p", "loopOptions=idle=park,idle=spin").paramNames()));
    }

    @Test
    void userJvmFlagsAreAppendedToTheProfiles() {
        JmhArguments merged = args("-jvmArgsAppend", "-Xms1g -Xmx1g").overriddenBy(args("-jvmArgsAppend", "-Xmx2g"));

        assertEquals("-Xms1g -Xmx1g -Xmx2g", merged.value("jvmArgsAppend").orElseThrow());
    }
}
