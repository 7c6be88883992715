package dev.sysc.explain;

import dev.sysc.host.HostInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds explanations by annotating the knowledge base with a host's state. Pure. */
public final class Explainer {
    /** The condition term a live measurement of the vDSO decides. */
    static final String VDSO_TERM = "clocksource:vdso-capable";

    private final KnowledgeBase kb;
    private final Map<String, Activation> measured;

    public Explainer(KnowledgeBase kb) {
        this(kb, Map.of());
    }

    private Explainer(KnowledgeBase kb, Map<String, Activation> measured) {
        this.kb = kb;
        this.measured = Map.copyOf(measured);
    }

    /** This explainer, with whether the vDSO serves the time decided by a measurement on this host. */
    public Explainer withMeasuredVdso(Activation served) {
        return new Explainer(kb, Map.of(VDSO_TERM, served));
    }

    /**
     * Whether clock_gettime was served in user space, from its measured cost against the same call forced
     * through syscall(2): a vDSO read costs a fraction of a crossing, a fallback about the same.
     */
    public static Activation vdsoFromMeasurement(double vdsoNs, double syscallNs) {
        String what = String.format(
                Locale.ROOT, "measured here: clock_gettime %.1f ns, clock_gettime@syscall %.1f ns", vdsoNs, syscallNs);
        return vdsoNs < syscallNs / 2
                ? Activation.yes(what + ", so the vDSO reads the clock")
                : Activation.no(what + ", so the vDSO falls back to the system call");
    }

    public static Explainer builtIn() {
        return new Explainer(KnowledgeBase.builtIn());
    }

    /** {@code sysc explain}: this machine's vulnerabilities, its vDSO clock, what to try next. */
    public Explanation machine(HostInfo host) {
        return new Explanation(
                Explanation.Kind.MACHINE,
                "machine",
                "The system call path on " + host.hostname(),
                host,
                null,
                vdso(host),
                vulnerabilities(host),
                List.of(),
                null,
                List.of(),
                next(host, null));
    }

    /** {@code sysc explain NAME}: the path of one call, step by step. */
    public Explanation call(CallInfo call, HostInfo host) {
        String id = call.path().equals("libc") ? call.name() : call.name() + "@" + call.path();
        Topic topic = kb.topic(call.topicId()).orElse(null);
        return new Explanation(
                Explanation.Kind.CALL,
                id,
                id + ": " + call.summary(),
                host,
                call,
                vdso(host),
                List.of(),
                callSteps(call, host),
                topic,
                List.of(),
                next(host, id));
    }

    /** {@code sysc explain TOPIC}. @throws IllegalArgumentException for an unknown topic */
    public Explanation topic(String id, HostInfo host) {
        Topic topic = kb.topic(id).orElseThrow(() -> new IllegalArgumentException("unknown topic " + id));
        List<VulnerabilityRow> vulns = List.of();
        List<AnnotatedStep> steps = List.of();
        List<SpeculationToggles.Toggle> toggles = List.of();
        switch (id) {
            case "mode-switch":
                steps = annotate(kb.steps("kernel"), host);
                break;
            case "vdso":
                steps = callSteps(new CallInfo("clock_gettime", "libc", CallInfo.Kind.VDSO_CLOCK, "vdso", ""), host);
                break;
            case "mitigations":
                vulns = vulnerabilities(host);
                toggles = SpeculationToggles.of(host);
                break;
            default:
                break;
        }
        return new Explanation(
                Explanation.Kind.TOPIC,
                id,
                topic.title(),
                host,
                null,
                vdso(host),
                vulns,
                steps,
                topic,
                toggles,
                next(host, id));
    }

    /** Whether clock_gettime is served in user space on {@code host}, as read (not measured). */
    public static Activation vdsoTime(HostInfo host) {
        return Conditions.evaluate(VDSO_TERM, host);
    }

    private Activation vdso(HostInfo host) {
        return Conditions.evaluate(VDSO_TERM, host, measured);
    }

    List<AnnotatedStep> callSteps(CallInfo call, HostInfo host) {
        boolean forced = call.path().equals("syscall");
        if (call.kind() == CallInfo.Kind.NEVER) {
            return List.of();
        }
        if (forced || call.kind() == CallInfo.Kind.KERNEL) {
            return annotate(kb.steps("kernel"), host);
        }
        String applies = call.kind() == CallInfo.Kind.VDSO_CLOCK ? "clock" : "data";
        List<Step> vdso = new ArrayList<>();
        for (Step s : kb.steps("vdso")) {
            if (s.applies().equals("all") || s.applies().equals(applies)) {
                vdso.add(s);
            }
        }
        List<AnnotatedStep> out = new ArrayList<>(annotate(vdso, host));
        if (call.kind() == CallInfo.Kind.VDSO_CLOCK) {
            Activation fallback = Conditions.evaluate("!" + VDSO_TERM, host, measured);
            if (!Boolean.FALSE.equals(fallback.active())) {
                // The vDSO falls back (or may): the whole crossing follows, each step only as active
                // as the fallback itself.
                for (AnnotatedStep s : annotate(kb.steps("kernel"), host)) {
                    Activation a = s.activation();
                    if (fallback.active() == null && a.isActive()) {
                        a = Activation.unknown("only if the vDSO falls back: " + fallback.reason());
                    }
                    out.add(new AnnotatedStep(s.step(), a));
                }
            }
        }
        return out;
    }

    List<AnnotatedStep> annotate(List<Step> steps, HostInfo host) {
        List<AnnotatedStep> out = new ArrayList<>();
        for (Step s : steps) {
            out.add(new AnnotatedStep(s, Conditions.evaluate(s.condition(), host, measured)));
        }
        return out;
    }

    List<VulnerabilityRow> vulnerabilities(HostInfo host) {
        List<VulnerabilityRow> rows = new ArrayList<>();
        host.vulnerabilities().forEach((file, status) -> {
            Mitigation m = kb.mitigation(file).orElse(null);
            KernelStrings.Reading reading = KernelStrings.builtIn().read(file, status);
            Activation onPath;
            if (m == null) {
                onPath = Activation.unknown("sysc has no notes on this file");
            } else if (!reading.understood()) {
                // Never guess from a string the kernel tables do not hold: say so, with the raw text.
                onPath = Activation.unknown("\"" + status + "\" is unknown to sysc"
                        + (reading.state() == null
                                ? ""
                                : " (it knows \"" + reading.state() + "\" but not \"" + reading.notUnderstood()
                                        + "\")"));
            } else {
                onPath = Conditions.evaluate(m.condition(), host);
            }
            rows.add(new VulnerabilityRow(file, status, m, onPath, kb.costs(file)));
        });
        return rows;
    }

    /** The hints that hold on {@code host}, without those that lead back to {@code current}. */
    List<Hint> next(HostInfo host, String current) {
        List<Hint> out = new ArrayList<>();
        for (Hint h : kb.hints()) {
            if (h.topic().equals(current) || h.text().endsWith("sysc explain " + current)) {
                continue;
            }
            if (Conditions.evaluate(h.condition(), host, measured).isActive()) {
                out.add(h);
            }
        }
        return out;
    }
}
