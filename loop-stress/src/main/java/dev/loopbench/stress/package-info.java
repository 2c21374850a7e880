/**
 * jcstress tests of the loops' lock-free protocols, one class per test (see the table in docs/stress-tests.md).
 *
 * <p>Declared boilerplate, which the {@code duplicates} check lists and which stays: every test opens with the
 * same form of annotations ({@code @JCStressTest}, {@code @Description}, its {@code @Outcome} table,
 * {@code @State}), alike in shape and different in content; and a test that shares its race with another
 * ({@link dev.loopbench.stress.ExecuteVersusShutdownRace}, {@link dev.loopbench.stress.OverflowFifoRace}) still
 * declares its own {@code @Actor} and {@code @Arbiter} methods, each a one-line call, because jcstress's annotation
 * processor takes them only from the methods the test class declares itself, never from a superclass.
 */
package dev.loopbench.stress;
