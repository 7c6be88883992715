package dev.sysc.bench;

import dev.sysc.os.ExecutablePages;
import dev.sysc.probe.CallRef;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.LoopKind;
import dev.sysc.probe.Probe;
import dev.sysc.probe.Probes;
import dev.sysc.probe.Workspace;

/**
 * The real probes, in the loop asked for. On the native loop the baseline is the empty native loop
 * (what a batch costs with no call in it); where the kernel refuses executable memory, everything
 * falls back to the Java loop and its ffi-noop baseline, and each result says which loop measured it.
 */
final class LiveProbes implements Runner.ProbeSource {
    private final Workspace workspace;
    private final LoopKind loop;
    private final ExecutablePages pages;

    LiveProbes(Workspace workspace, LoopKind loop, ExecutablePages pages) {
        this.workspace = workspace;
        this.loop = loop;
        this.pages = pages;
    }

    @Override
    public Probe open(CallRef call) {
        return Probes.open(call, workspace, loop, pages);
    }

    @Override
    public Probe baseline() {
        return Probes.baseline(loop, pages, this::bridge);
    }

    @Override
    public Probe bridge() {
        return Probes.open(Catalog.builtIn().resolve(Runner.BASELINE), workspace, LoopKind.JAVA, pages);
    }
}
