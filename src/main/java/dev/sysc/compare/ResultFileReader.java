package dev.sysc.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.sysc.host.HostInfo;
import dev.sysc.text.Untrusted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a {@code sysc/result/v1} file, refusing anything that is not one with a one-line reason. */
public final class ResultFileReader {
    /** The schema this reader understands. */
    public static final String SCHEMA = "sysc/result/v1";
    /** Files larger than this are refused before parsing: a real run of every call is a few MB. */
    public static final long MAX_BYTES = 64L << 20;
    /**
     * A sample (ns per call) above this is not a measurement of a system call: 1000 s per call. It also
     * keeps every figure of a diff to a few digits.
     */
    public static final double MAX_SAMPLE_NS = 1e12;
    /** Host strings such as the kernel command line or a vulnerability status may be long, not endless. */
    private static final int MAX_HOST_TEXT = 1024;
    /** The settings a result file records, each a scalar. */
    private static final List<String> SETTINGS =
            List.of("time", "warmup", "samples", "cpu", "baseline", "loop", "seccomp");

    private ResultFileReader() {}

    /** A result file to compare: one with at least one result (an empty one once gave an empty table, exit 0). */
    public static SavedRun readForComparison(Path file) {
        SavedRun run = read(file);
        if (run.results().isEmpty()) {
            throw new ResultFileException(file.toString(), "has no results: nothing to compare");
        }
        return run;
    }

    /** A result file; its host alone is enough for explain --from, so it may hold no results. */
    public static SavedRun read(Path file) {
        String name = file.toString();
        String text;
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new ResultFileException(name, "is a directory, not a result file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ResultFileException(
                        name,
                        "is " + (size >> 20) + " MB, more than the " + (MAX_BYTES >> 20)
                                + " MB a result file may have");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ResultFileException(name, "no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ResultFileException(name, "permission denied");
        } catch (IOException e) {
            throw new ResultFileException(name, "cannot read: " + Untrusted.shown(e.getMessage()));
        }
        text = utf8Text(name, bytes);
        if (text.isBlank()) {
            throw new ResultFileException(name, "is empty");
        }
        Object doc;
        try {
            doc = JSON.std.anyFrom(text);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            // A file cut short fails either with "end-of-input" or, when the cut lands inside a number
            // ("150."), at the very last characters: both mean the JSON ends early.
            long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
            boolean begun =
                    text.stripLeading().startsWith("{") || text.stripLeading().startsWith("[");
            boolean truncated = begun
                    && ((msg != null && (msg.contains("end-of-input") || msg.contains("EOF")))
                            || (at >= 0 && at >= text.stripTrailing().length() - 1));
            throw new ResultFileException(
                    name,
                    truncated ? "is truncated (the JSON ends early)" : "is not valid JSON (" + firstLine(msg) + ")");
        } catch (IOException e) {
            throw new ResultFileException(name, "is not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        return parse(name, doc);
    }

    static SavedRun parse(String name, Object doc) {
        if (!(doc instanceof Map)) {
            throw new ResultFileException(name, "is JSON but not a sysc result (expected an object)");
        }
        Map<?, ?> root = (Map<?, ?>) doc;
        Object schema = root.get("schema");
        if (!(schema instanceof String)) {
            throw new ResultFileException(name, "has no \"schema\": not a sysc result file");
        }
        if (!SCHEMA.equals(schema)) {
            throw new ResultFileException(name, "has schema " + schema + "; this sysc reads " + SCHEMA);
        }
        HostInfo host = host(name, root.get("host"));
        Object results = root.get("results");
        if (!(results instanceof List)) {
            throw new ResultFileException(name, "has no \"results\" list");
        }
        List<SavedResult> out = new ArrayList<>();
        int index = 0;
        for (Object r : (List<?>) results) {
            out.add(result(name, index++, r));
        }
        Object ts = root.get("timestamp");
        return new SavedRun(
                Untrusted.shownPath(name),
                ts instanceof String ? Untrusted.shown((String) ts) : "unknown",
                host,
                out,
                settings(root.get("settings")));
    }

    /**
     * The file's bytes as text, refusing what cannot be a result file: bytes that are not UTF-8 or hold
     * a NUL (a binary file), in words instead of the decoder's "Input length = 1".
     */
    private static String utf8Text(String name, byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw new ResultFileException(name, "is a binary file, not a sysc result file (JSON text)");
            }
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ResultFileException(name, "is not UTF-8 text, so not a sysc result file (JSON text)");
        }
    }

    /** The recorded settings, scalars only (text made safe to echo); empty when the file has none. */
    private static Map<String, Object> settings(Object o) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        if (o instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) o;
            for (String key : SETTINGS) {
                Object v = m.get(key);
                if (v instanceof String) {
                    out.put(key, Untrusted.shown((String) v));
                } else if (v == null || v instanceof Number || v instanceof Boolean) {
                    out.put(key, v);
                }
            }
        }
        return out;
    }

    private static SavedResult result(String file, int index, Object o) {
        String where = "results[" + index + "]";
        if (!(o instanceof Map)) {
            throw new ResultFileException(file, where + " is not an object");
        }
        Map<?, ?> m = (Map<?, ?>) o;
        String name = Untrusted.shown(string(file, m, "name", where));
        String path = Untrusted.shown(string(file, m, "path", where));
        Object crosses = m.get("crosses_kernel");
        Object errno = m.get("errno");
        if (!(crosses instanceof Boolean) || !(errno instanceof Number)) {
            throw new ResultFileException(file, where + " lacks crosses_kernel or errno");
        }
        Object samples = m.get("sample_ns");
        if (!(samples instanceof List)) {
            throw new ResultFileException(file, where + " (" + name + ") has no sample_ns list");
        }
        List<?> list = (List<?>) samples;
        double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(list.get(i) instanceof Number)) {
                throw new ResultFileException(file, where + " (" + name + ") has a sample that is not a number");
            }
            values[i] = ((Number) list.get(i)).doubleValue();
            // What a run writes is a positive, finite ns per call; anything else is a damaged or made-up file.
            if (!(values[i] > 0 && values[i] < MAX_SAMPLE_NS)) {
                throw new ResultFileException(
                        file,
                        where + " (" + name + ") has an impossible sample, "
                                + String.format(java.util.Locale.ROOT, "%.3g", values[i]) + " ns per call");
            }
        }
        double netMedian = Double.NaN;
        Object net = m.get("net_ns");
        if (net instanceof Map && ((Map<?, ?>) net).get("median") instanceof Number) {
            netMedian = ((Number) ((Map<?, ?>) net).get("median")).doubleValue();
            if (!Double.isFinite(netMedian) || Math.abs(netMedian) >= MAX_SAMPLE_NS) {
                netMedian = Double.NaN;
            }
        }
        return new SavedResult(name, path, (Boolean) crosses, ((Number) errno).intValue(), netMedian, values);
    }

    private static String string(String file, Map<?, ?> m, String key, String where) {
        Object v = m.get(key);
        if (!(v instanceof String)) {
            throw new ResultFileException(file, where + " has no \"" + key + "\"");
        }
        return (String) v;
    }

    private static HostInfo host(String file, Object o) {
        if (!(o instanceof Map)) {
            throw new ResultFileException(file, "has no \"host\" block");
        }
        Map<?, ?> h = (Map<?, ?>) o;
        List<String> flags = new ArrayList<>();
        if (h.get("cpu_flags") instanceof List) {
            for (Object f : (List<?>) h.get("cpu_flags")) {
                flags.add(Untrusted.shown(String.valueOf(f)));
            }
        }
        Map<String, String> vulns = new TreeMap<>();
        if (h.get("vulnerabilities") instanceof Map) {
            ((Map<?, ?>) h.get("vulnerabilities"))
                    .forEach((k, v) -> vulns.put(
                            Untrusted.shown(String.valueOf(k)),
                            Untrusted.shorten(Untrusted.escape(String.valueOf(v)), MAX_HOST_TEXT)));
        }
        Object cpus = h.get("cpus");
        Object virt = h.get("virtualized");
        Object vdso = h.get("vdso_mapped");
        return new HostInfo(
                text(h, "hostname"),
                text(h, "kernel"),
                text(h, "arch"),
                text(h, "cpu_model"),
                cpus instanceof Number ? ((Number) cpus).intValue() : 0,
                text(h, "clocksource"),
                virt instanceof Boolean ? (Boolean) virt : null,
                longText(h, "cmdline"),
                flags,
                vulns,
                text(h, "seccomp"),
                text(h, "smt"),
                Boolean.TRUE.equals(vdso),
                text(h, "vsyscall"),
                text(h, "speculation_store_bypass"),
                text(h, "speculation_indirect_branch"));
    }

    /** A short host field (hostname, kernel, CPU model), safe to echo. */
    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v instanceof String && !((String) v).isBlank() ? Untrusted.shown((String) v) : HostInfo.UNKNOWN;
    }

    /** A host field that is legitimately long (the kernel command line): escaped, and cut only when absurd. */
    private static String longText(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v instanceof String && !((String) v).isBlank()
                ? Untrusted.shorten(Untrusted.escape((String) v), MAX_HOST_TEXT)
                : HostInfo.UNKNOWN;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return Untrusted.shown((nl < 0 ? s : s.substring(0, nl)).trim()); // the parser quotes the file's text
    }
}
