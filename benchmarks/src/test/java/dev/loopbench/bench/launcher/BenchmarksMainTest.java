package dev.loopbench.bench.launcher;

import dev.loopbench.bench.profiler.HdrHistogramProfiler;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarksMainTest {

    private static final String PROFILER = HdrHistogramProfiler.class.getName();

    @Test
    void implDefaultsToEveryRegisteredLoop() {
        List<String> args = BenchmarksMain.resolve(List.of("--profile", "quick"));
        assertTrue(containsPair(args, "-p", "impl=" + String.join(",", EventLoopRegistry.availableNames())), args::toString);
    }

    @Test
    void aGivenImplIsKept() {
        List<String> args = BenchmarksMain.resolve(List.of("-p", "impl=netty"));
        assertTrue(containsPair(args, "-p", "impl=netty"));
        assertEquals(1, args.stream().filter(arg -> arg.startsWith("impl=")).count());
    }

    @Test
    void loopOptionsNarrowImplToTheLoopsThatHaveEveryOptionNamed() {
        List<String> args = BenchmarksMain.resolve(List.of("-p", "loopOptions=idle=park,idle=spin;queue=xadd"));
        assertTrue(containsPair(args, "-p", "impl=mpsc"), args::toString);
    }

    @Test
    void loopOptionsNoLoopHasAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchmarksMain.resolve(List.of("-p", "loopOptions=idle=park;noSuchOption=1")));
        assertTrue(e.getMessage().contains("noSuchOption"), e.getMessage());
    }

    @Test
    void loopOptionsNarrowImplToTheLoopsWhoseOptionTakesTheValue() {
        // mpsc and agrona both have idle, with other aliases; spin is both's, park only mpsc's
        assertTrue(containsPair(BenchmarksMain.resolve(List.of("-p", "loopOptions=idle=spin")), "-p", "impl=mpsc,agrona"));
        assertTrue(containsPair(BenchmarksMain.resolve(List.of("-p", "loopOptions=idle=park")), "-p", "impl=mpsc"));
    }

    @Test
    void theDefaultProfileIsQuick() {
        assertEquals(BenchmarksMain.resolve(List.of("--profile", "quick")), BenchmarksMain.resolve(List.of()));
    }

    @Test
    void listingWithoutAProfileListsEverything() {
        assertEquals(List.of("-l"), BenchmarksMain.resolve(List.of("-l")));
    }

    @Test
    void theProfilerWritesBesideTheResultFile() {
        List<String> args = BenchmarksMain.resolve(List.of("--profile", "smoke", "-rff", "results/x.json"));
        assertTrue(containsPair(args, "-prof", PROFILER + ":dir=results/x-histograms"), args::toString);
    }

    @Test
    void aProfilerDirectoryGivenByTheUserIsKept() {
        List<String> args = BenchmarksMain.resolve(List.of("--profile", "smoke", "-rff", "r.json",
                "-prof", PROFILER + ":dir=elsewhere"));
        assertTrue(containsPair(args, "-prof", PROFILER + ":dir=elsewhere"));
        assertFalse(args.contains(PROFILER + ":dir=r-histograms"));
    }

    @Test
    void histogramDirectoriesDropTheExtension() {
        assertEquals("results/2026-11-22-quick-histograms",
                BenchmarksMain.histogramDirectory("results/2026-11-22-quick.json"));
        assertEquals("./run-histograms", BenchmarksMain.histogramDirectory("./run"));
    }

    @Test
    void anUnknownProfileNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchmarksMain.resolve(List.of("--profile", "fast")));
        assertTrue(e.getMessage().contains("smoke, quick, full"), e.getMessage());
    }

    private static boolean containsPair(List<String> args, String option, String value) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals(option) && args.get(i + 1).equals(value)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aLoopOptionGivenAsItsOwnParameterIsRefusedWithTheWayToGiveIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchmarksMain.resolve(List.of("-p", "idle=park")));
        assertTrue(e.getMessage().contains("-p loopOptions='idle=park'"), e.getMessage());
    }

    @Test
    void maxPendingTasksInsideLoopOptionsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchmarksMain.resolve(List.of("-p", "loopOptions=maxPendingTasks=5")));
        assertTrue(e.getMessage().contains("-p maxPendingTasks=N"), e.getMessage());
    }

    @Test
    void loopOptionsALoopNamedDoesNotTakeAreRefusedBeforeAnyFork() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BenchmarksMain.resolve(List.of("-p", "impl=netty", "-p", "loopOptions=idle=park")));
        assertTrue(missing.getMessage().contains("'netty' has no option 'idle'"), missing.getMessage());
        IllegalArgumentException badValue = assertThrows(IllegalArgumentException.class,
                () -> BenchmarksMain.resolve(List.of("-p", "impl=mpsc", "-p", "loopOptions=idle=parkk")));
        assertTrue(badValue.getMessage().contains("park, spin-park"), badValue.getMessage());
    }

    @Test
    void aValueNoLoopTakesSaysWhatEachLoopWouldTake() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchmarksMain.resolve(List.of("-p", "loopOptions=idle=parkk")));
        assertTrue(e.getMessage().contains("must be one of"), e.getMessage());
    }
}
