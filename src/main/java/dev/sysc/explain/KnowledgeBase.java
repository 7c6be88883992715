package dev.sysc.explain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The explain knowledge base, loaded once from the resource files next to this class. */
public final class KnowledgeBase {
    private static final String MACHINE = "-";

    /** The rows of topics.tsv: each topic's live plan, and the machine view's under the id "-". */
    private static final Map<String, LivePlan> PLANS = plans();

    /** The topic ids, in the order {@code sysc explain --help} lists them (topics.tsv's order). */
    public static final List<String> TOPIC_IDS =
            PLANS.keySet().stream().filter(id -> !id.equals(MACHINE)).collect(Collectors.toUnmodifiableList());

    private static final KnowledgeBase BUILT_IN = load();

    private final List<Step> steps;
    private final Map<String, Mitigation> mitigations;
    private final List<PublishedCost> costs;
    private final List<Hint> hints;
    private final Map<String, Topic> topics;

    KnowledgeBase(
            List<Step> steps,
            Map<String, Mitigation> mitigations,
            List<PublishedCost> costs,
            List<Hint> hints,
            Map<String, Topic> topics) {
        this.steps = List.copyOf(steps);
        this.mitigations = Map.copyOf(mitigations);
        this.costs = List.copyOf(costs);
        this.hints = List.copyOf(hints);
        this.topics = Map.copyOf(topics);
    }

    public static KnowledgeBase builtIn() {
        return BUILT_IN;
    }

    /** All steps in path order. */
    public List<Step> steps() {
        return steps;
    }

    public List<Step> steps(String path) {
        return steps.stream().filter(s -> s.path().equals(path)).collect(Collectors.toList());
    }

    public Optional<Step> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Mitigation> mitigation(String file) {
        return Optional.ofNullable(mitigations.get(file));
    }

    public List<Mitigation> mitigations() {
        return mitigations.values().stream()
                .sorted((a, b) -> a.file().compareTo(b.file()))
                .collect(Collectors.toList());
    }

    public List<PublishedCost> costs() {
        return costs;
    }

    public List<PublishedCost> costs(String file) {
        return costs.stream().filter(c -> c.file().equals(file)).collect(Collectors.toList());
    }

    public List<Hint> hints() {
        return hints;
    }

    public Optional<Topic> topic(String id) {
        return Optional.ofNullable(topics.get(id));
    }

    /** What sysc explain with no subject measures live: the view of this machine. */
    public LivePlan machinePlan() {
        return PLANS.get(MACHINE);
    }

    private static Map<String, LivePlan> plans() {
        Map<String, LivePlan> plans = new LinkedHashMap<>();
        for (String[] f : rows("topics.tsv", 6)) {
            plans.put(
                    f[0],
                    new LivePlan(
                            list(f[1]),
                            list(f[2]),
                            f[3].equals("-") ? Optional.empty() : Optional.of(LivePlan.Batch.parse(f[3])),
                            f[4].equals("yes")));
        }
        if (!plans.containsKey(MACHINE)) {
            throw new IllegalStateException("topics.tsv: no row for the machine view (id -)");
        }
        return plans;
    }

    private static KnowledgeBase load() {
        List<Step> steps = new ArrayList<>();
        for (String[] f : rows("steps.tsv", 9)) {
            steps.add(new Step(f[0], f[1], f[2], f[3], list(f[4]), f[5], f[6], f[7], f[8]));
        }
        Map<String, Mitigation> mitigations = new LinkedHashMap<>();
        for (String[] f : rows("mitigations.tsv", 7)) {
            mitigations.put(f[0], new Mitigation(f[0], f[1], f[2], f[3], f[4], list(f[5]), f[6]));
        }
        List<PublishedCost> costs = new ArrayList<>();
        for (String[] f : rows("costs.tsv", 3)) {
            costs.add(new PublishedCost(f[0], f[1], f[2]));
        }
        List<Hint> hints = new ArrayList<>();
        for (String[] f : rows("hints.tsv", 5)) {
            hints.add(new Hint(f[0], f[1], f[2], f[3], f[4]));
        }
        Map<String, Topic> topics = new LinkedHashMap<>();
        for (String id : TOPIC_IDS) {
            String md = text("topics/" + id + ".md");
            String first = md.lines().findFirst().orElse("");
            if (!first.startsWith("# ")) {
                throw new IllegalStateException("topic " + id + " must start with '# title'");
            }
            topics.put(id, new Topic(id, first.substring(2).strip(), md, PLANS.get(id)));
        }
        return new KnowledgeBase(steps, mitigations, costs, hints, topics);
    }

    private static List<String> list(String field) {
        return field.equals("-") ? List.of() : Arrays.asList(field.split(","));
    }

    static List<String[]> rows(String resource, int fields) {
        List<String[]> rows = new ArrayList<>();
        for (String line : text(resource).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != fields) {
                throw new IllegalStateException(
                        resource + ": a row needs " + fields + " tab-separated fields: " + line);
            }
            rows.add(f);
        }
        return rows;
    }

    private static String text(String resource) {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
