package dev.sysc.report;

import dev.sysc.host.HostInfo;
import java.util.List;
import java.util.Map;

/** The hand-made host the report tests render: fixed, so that their output is too. */
final class TestHosts {
    /** A 4-CPU box on 6.1 with tsc, PCID and no Meltdown: nothing about it varies. */
    static final HostInfo BOX = new HostInfo(
            "box",
            "6.1.0",
            "x86_64",
            "Test CPU",
            4,
            "tsc",
            true,
            "mitigations=auto",
            List.of("pcid"),
            Map.of("meltdown", "Not affected"),
            "disabled",
            "on",
            true,
            "none",
            null,
            null);

    private TestHosts() {}
}
