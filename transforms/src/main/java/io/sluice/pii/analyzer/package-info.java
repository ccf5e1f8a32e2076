/**
 * The PII analyzer, Presidio's analyzer engine for Sluice: {@link io.sluice.pii.analyzer.Analyzer} builds a
 * registry of recognizers from a policy (built-in patterns, custom regexes, the deny list, and pluggable
 * recognizers found with {@link java.util.ServiceLoader}) and turns their raw detections into findings:
 * entity selection, context enhancement, allow list, per-entity thresholds, and one conflict rule
 * ({@link io.sluice.pii.analyzer.ConflictResolver}) that leaves sorted, disjoint spans for redaction.
 *
 * <p>{@link io.sluice.pii.analyzer.AnalyzerThroughput} measures single-core throughput on synthetic
 * business documents.
 */
package io.sluice.pii.analyzer;
