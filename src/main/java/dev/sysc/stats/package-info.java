/** Pure statistics over raw numbers: summaries, percentiles, outlier fences. No I/O, no state. */
package dev.sysc.stats;
