package dev.loopbench.tools.results;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The context of one run, as stored in {@code RUN.meta.json}: absolute times are only comparable between runs
 * made on the same machine, JDK and flags. Every value is a string, {@value #UNKNOWN} when it could not be found.
 *
 * @param profile   the bench profile, e.g. {@code quick}
 * @param date      when the run was made, ISO-8601 UTC
 * @param gitCommit the commit measured
 * @param jdkVendor {@code java.vendor}
 * @param jdkVersion {@code java.version}
 * @param jvmName   {@code java.vm.name}
 * @param jvmFlags  the JVM's input arguments, space separated
 * @param cpuModel  the first {@code model name} of {@code /proc/cpuinfo}
 * @param cores     processors available to the JVM
 * @param memory    physical memory
 * @param os        name, version and architecture
 * @param jmhArgs   the arguments JMH was run with
 */
public record RunMetadata(String profile, String date, String gitCommit, String jdkVendor, String jdkVersion,
                          String jvmName, String jvmFlags, String cpuModel, String cores, String memory, String os,
                          String jmhArgs) {

    /** The value of a field that could not be found. */
    public static final String UNKNOWN = "unknown";

    /** The fields by their JSON names, which are the record's component names, in the order of {@code docs/results-format.md}. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (RecordComponent field : RunMetadata.class.getRecordComponents()) {
            try {
                map.put(field.getName(), (String) field.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + field.getName(), e);
            }
        }
        return map;
    }

    /** The inverse of {@link #asMap()}; a field the map lacks is {@value #UNKNOWN}. */
    public static RunMetadata fromMap(Map<String, String> map) {
        RecordComponent[] fields = RunMetadata.class.getRecordComponents();
        Class<?>[] types = new Class<?>[fields.length];
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            types[i] = String.class;
            values[i] = map.getOrDefault(fields[i].getName(), UNKNOWN);
        }
        try {
            return RunMetadata.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make run metadata", e);
        }
    }
}
