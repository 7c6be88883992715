package dev.sysc.cli;

import dev.sysc.probe.Catalog;
import java.util.ArrayList;

/** Completion candidates for call names: every catalog name and name@path. */
public final class CallSpecCandidates extends ArrayList<String> {
    public CallSpecCandidates() {
        super(Catalog.builtIn().specs());
    }
}
