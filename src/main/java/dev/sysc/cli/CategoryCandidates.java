package dev.sysc.cli;

import dev.sysc.probe.Catalog;
import java.util.ArrayList;

/** Completion candidates for --category. */
public final class CategoryCandidates extends ArrayList<String> {
    public CategoryCandidates() {
        super(Catalog.builtIn().categories());
    }
}
