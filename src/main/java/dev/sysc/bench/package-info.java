/**
 * The measurement engine: calibrate a batch size, warm the JIT up, take interleaved samples of the
 * call and the FFI baseline, subtract, summarize. It reports progress to a listener and never prints.
 */
package dev.sysc.bench;
