package dev.sysc.profile;

import dev.sysc.os.ResourceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The advice rules of {@code profile/advice.tsv}, applied to a profile's counts. */
public final class Advisor {
    private record Rule(String id, List<String> syscalls, long atLeast, String saving, String command, String text) {}

    private static final List<Rule> RULES = load();

    private Advisor() {}

    private static List<Rule> load() {
        List<Rule> rules = new ArrayList<>();
        for (String[] f : ResourceTable.rows(Advisor.class, "advice.tsv")) {
            if (f[0].equals("id")) {
                continue;
            }
            rules.add(new Rule(f[0], List.of(f[1].split(",")), Long.parseLong(f[2]), f[3], f[4], f[5]));
        }
        return List.copyOf(rules);
    }

    /** The advice that {@code counts} call for, in the order of the rules. */
    public static List<Advice> advise(Map<String, Long> counts, UnitCosts.Table costs) {
        List<Advice> advice = new ArrayList<>();
        for (Rule r : RULES) {
            long calls = 0;
            double callsNs = 0;
            for (String s : r.syscalls()) {
                long n = counts.getOrDefault(s, 0L);
                calls += n;
                callsNs += n * costs.of(s).ns();
            }
            if (calls < r.atLeast()) {
                continue;
            }
            Double saving;
            switch (r.saving()) {
                case "crossings":
                    saving = calls * costs.floorNs();
                    break;
                case "calls":
                    saving = callsNs;
                    break;
                default:
                    saving = null;
                    break;
            }
            if (saving != null && !Double.isFinite(saving)) {
                saving = null;
            }
            advice.add(new Advice(
                    r.id(),
                    r.text().replace("{calls}", String.format(java.util.Locale.ROOT, "%,d", calls)),
                    r.command(),
                    saving));
        }
        return List.copyOf(advice);
    }
}
