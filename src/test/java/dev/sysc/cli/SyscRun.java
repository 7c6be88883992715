package dev.sysc.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs sysc in this JVM as a user would (arguments in; exit code, stdout, stderr out) for the command tests. */
final class SyscRun {
    /** Short enough to keep the suite fast, long enough for the minimum number of samples. */
    static final String[] QUICK = {"--time", "20ms", "--warmup", "0", "-q"};

    private SyscRun() {}

    /** What one run of sysc produced. */
    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().collect(Collectors.toList());
        }
    }

    static Run sysc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (PrintWriter o = new PrintWriter(out);
                PrintWriter e = new PrintWriter(err)) {
            exit = SyscCommand.execute(o, e, args);
        }
        return new Run(exit, out.toString(), err.toString());
    }

    static Run measure(String... args) {
        List<String> all = new ArrayList<>();
        all.add("measure");
        all.addAll(List.of(args));
        all.addAll(List.of(QUICK));
        return sysc(all.toArray(new String[0]));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) throws IOException {
        return JSON.std.mapFrom(text);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> results(Map<String, Object> doc) {
        return (List<Map<String, Object>>) doc.get("results");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
