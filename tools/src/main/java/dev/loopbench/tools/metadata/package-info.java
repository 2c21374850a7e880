/**
 * Gathering a run's context from the machine and the JVM it runs on (the {@code metadata} command); the record it
 * fills and its file format are {@link dev.loopbench.tools.results.RunMetadata} and
 * {@link dev.loopbench.tools.results.MetadataFile}, since a run's reader needs them too.
 */
package dev.loopbench.tools.metadata;
