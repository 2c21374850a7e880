/**
 * The files a run leaves and their records: JMH's JSON ({@link dev.loopbench.tools.results.JmhResultReader},
 * {@link dev.loopbench.tools.results.JmhJsonMerger}), its metadata ({@link dev.loopbench.tools.results.MetadataFile}),
 * its schedule ({@link dev.loopbench.tools.results.RoundSchedule}), and the {@link dev.loopbench.tools.results.Run}
 * read from them. It depends on no other package of the tools; every other package reads runs through it.
 */
package dev.loopbench.tools.results;
