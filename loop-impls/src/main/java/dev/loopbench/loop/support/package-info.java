/**
 * What every loop is built from: the contract written once, and the parts it is made of.
 *
 * <h2>What a loop extends: one of three classes</h2>
 * <ul>
 *   <li>{@link dev.loopbench.loop.support.OwnThreadEventLoop}: a loop with its own queue and its own thread, which
 *       supplies the queue ({@code enqueue}, {@code poll}) and how to sleep and be woken ({@code awaitWork},
 *       {@code wakeUp}): {@code mpsc}, {@code locked-deque}.</li>
 *   <li>{@link dev.loopbench.loop.support.ExecutorBackedEventLoop}: an adapter, where another library's
 *       single-threaded executor runs the tasks: {@code netty*}, {@code jdk-executor}.</li>
 *   <li>{@link dev.loopbench.loop.support.AbstractEventLoop} itself: where the loop's thread runs a library's own
 *       loop (Agrona's duty cycle, the Disruptor's {@code BatchEventProcessor}); the run loop takes its steps through
 *       {@code runUnlessStopping} and {@code afterEmptyPoll}.</li>
 * </ul>
 *
 * <h2>What a loop may use</h2>
 * {@link dev.loopbench.loop.support.RingWithOverflow} (a bounded ring with the overflow that keeps each producer's
 * order), {@link dev.loopbench.loop.support.LoopThreads} (marking a loop's threads),
 * {@link dev.loopbench.loop.support.Slowdown} (the injected slowdowns' hooks) and
 * {@link dev.loopbench.loop.support.LoopFuture} (the futures a loop hands out). {@link
 * dev.loopbench.loop.support.Admission} and {@link dev.loopbench.loop.support.LoopLifecycle} are public only so that
 * a bare queue can pay the loops' producer path (the benchmarks' {@code AdmittedQueue}); a loop never calls them.
 *
 * <h2>Internals: one job each, package-private but for the two above</h2>
 * {@code LoopLifecycle} (the one state), {@code Admission} with {@code ProducerSlot} (which task enters in which
 * state), {@code OffloadTracker} with {@code OffloadFuture} (offloads in flight), {@code StopDrain} (the queue taken
 * out on a stop), {@code SafeTaskRunner} (a task's faults), {@code ContinuationStage} (an {@code *Async} stage's
 * task, which fails its stage if a stop takes it out unrun), {@code SubmittedTask}, {@code AbandonableTask},
 * {@code SingleWriterCounter} and {@code CpuBurn}. Each part sees the loop only through its own small interface
 * ({@code Admission.Loop}, {@code OffloadTracker.Loop}, {@code StopDrain.Loop}, {@code LoopFuture.Loop}), which
 * {@code AbstractEventLoop} implements once, privately: so each part is tested alone, and none reaches what a loop
 * keeps protected.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>A class's Javadoc opens with its thread contract, then its invariants, numbered; the code marks each
 *       ordering point ({@code // ordering point (invariant N)}) where it happens.</li>
 *   <li>A method only the loop thread may call says "loop thread only"; here, where it can see the loop's thread, it
 *       also starts with {@code assert inEventLoop()}, as Netty's do. Surefire runs with assertions enabled, so every
 *       test checks it; the benchmarks' forks run without them.</li>
 *   <li>Admission writes nothing that producers share: each producer marks its own slot, padded by inheritance
 *       ({@code ProducerSlotLeadingPadding}), since the JVM lays out a superclass's fields first.</li>
 * </ul>
 */
package dev.loopbench.loop.support;
