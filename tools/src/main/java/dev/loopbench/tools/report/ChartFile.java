package dev.loopbench.tools.report;

/**
 * A chart written beside the report.
 *
 * @param title    what the chart shows
 * @param fileName the PNG's name inside the report directory
 */
record ChartFile(String title, String fileName) {
}
