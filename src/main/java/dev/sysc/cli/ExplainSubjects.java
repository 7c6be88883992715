package dev.sysc.cli;

import dev.sysc.explain.KnowledgeBase;
import dev.sysc.probe.Catalog;
import java.util.ArrayList;

/** Completion candidates for explain: its topics, then every call name and name@path. */
public final class ExplainSubjects extends ArrayList<String> {
    public ExplainSubjects() {
        addAll(KnowledgeBase.TOPIC_IDS);
        addAll(Catalog.builtIn().specs());
    }
}
