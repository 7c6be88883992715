package dev.sysc.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.sysc.bench.CallResult;
import dev.sysc.bench.MeasureRun;
import dev.sysc.host.HostInfo;
import dev.sysc.stats.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code sysc/result/v1} document: the format saved runs are compared by. */
public final class ResultJson {
    public static final String SCHEMA = "sysc/result/v1";

    private ResultJson() {}

    public static String render(MeasureRun run) {
        return write(document(run));
    }

    /** The document as maps and lists, for renderers that add to it (compare adds "ratio"). */
    static Map<String, Object> document(MeasureRun run) {
        Map<String, Object> doc = header(SCHEMA, run.toolVersion(), run.timestamp());
        doc.put("settings", settings(run.spec()));
        doc.put("host", host(run.host()));
        doc.put("bridge_ns", summary(run.bridge()));
        List<Object> results = new ArrayList<>();
        for (CallResult r : run.results()) {
            results.add(result(r));
        }
        doc.put("results", results);
        return doc;
    }

    /** The opening every sysc document shares: schema, tool name and version, timestamp. */
    static Map<String, Object> header(String schema, String toolVersion, java.time.Instant timestamp) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", schema);
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", "sysc");
        tool.put("version", toolVersion);
        doc.put("tool", tool);
        doc.put("timestamp", timestamp.toString());
        return doc;
    }

    static String write(Object doc) {
        try {
            return JSON.std
                            .with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES)
                            .asString(doc) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> host(HostInfo h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostname", h.hostname());
        m.put("kernel", h.kernel());
        m.put("arch", h.arch());
        m.put("cpu_model", h.cpuModel());
        m.put("cpus", h.cpus());
        m.put("clocksource", h.clocksource());
        m.put("virtualized", h.virtualized());
        m.put("cmdline", h.cmdline());
        m.put("cpu_flags", h.cpuFlags());
        m.put("vulnerabilities", h.vulnerabilities());
        m.put("seccomp", h.seccomp());
        m.put("smt", h.smt());
        m.put("vdso_mapped", h.vdsoMapped());
        m.put("vsyscall", h.vsyscall());
        m.put("speculation_store_bypass", h.speculationStoreBypass());
        m.put("speculation_indirect_branch", h.speculationIndirectBranch());
        return m;
    }

    /** How the run was taken: the measurement options, durations with their unit as on the command line. */
    static Map<String, Object> settings(dev.sysc.bench.MeasureSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", spec.time().toMillis() + "ms");
        m.put("warmup", spec.warmup().toMillis() + "ms");
        m.put("samples", spec.samples() > 0 ? spec.samples() : null);
        m.put("cpu", spec.cpu() >= 0 ? spec.cpu() : null);
        m.put("baseline", spec.baseline());
        m.put("loop", spec.loop().id());
        m.put("seccomp", spec.seccomp() > 0 ? spec.seccomp() : null);
        return m;
    }

    static Map<String, Object> result(CallResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("path", r.path());
        m.put("loop", r.loop());
        m.put("crosses_kernel", r.crossesKernel());
        m.put("errno", r.errno());
        m.put("samples", r.samples());
        m.put("calls_per_sample", r.callsPerSample());
        // Below the resolution the net figure is not a fact: null, with the reason beside it.
        m.put("net_ns", r.belowResolution() ? null : summary(r.net()));
        m.put("net_note", r.belowResolution() ? belowResolution() : null);
        m.put("raw_ns", summary(r.raw()));
        m.put("baseline_ns", summary(r.baseline()));
        List<Double> samples = new ArrayList<>();
        for (double v : r.sampleNs()) {
            samples.add(Numbers.round(v, 2));
        }
        m.put("sample_ns", samples);
        return m;
    }

    static String belowResolution() {
        return "below the resolution of " + Numbers.ns(dev.sysc.bench.Defaults.RESOLUTION_NS) + " ns";
    }

    private static Map<String, Object> summary(Summary s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", Numbers.round(s.median(), 3));
        m.put("mean", Numbers.round(s.mean(), 3));
        m.put("min", Numbers.round(s.min(), 3));
        m.put("p05", Numbers.round(s.p05(), 3));
        m.put("p95", Numbers.round(s.p95(), 3));
        m.put("stddev", Numbers.round(s.stddev(), 3));
        m.put("cv", Numbers.round(s.cv(), 5));
        return m;
    }
}
