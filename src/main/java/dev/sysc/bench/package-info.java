/**
 * The measurement engine: calibrate a batch size, warm up, take interleaved samples of the call and
 * the baseline (the empty native loop, or ffi-noop on the Java loop), subtract, summarize; measure the
 * Java-to-C bridge on its own. It reports progress to a listener and never prints.
 */
package dev.sysc.bench;
