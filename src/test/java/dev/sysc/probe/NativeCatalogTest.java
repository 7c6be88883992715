package dev.sysc.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.os.CallPath;
import dev.sysc.os.Errnos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalog call, on every path it has, made for real on this machine: it must be set up, succeed
 * five times in a row, and release what it set up.
 */
@org.junit.jupiter.api.Tag("slow")
class NativeCatalogTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> everyNameAndPath() {
        return Catalog.builtIn().entries().stream()
                .flatMap(e -> e.paths().stream()
                        .flatMap(p -> Stream.of(LoopKind.values())
                                .map(loop -> Arguments.of(e.name() + "@" + p.id(), e, p, loop))));
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("everyNameAndPath")
    void runsFiveTimesWithoutFailing(String id, CatalogEntry entry, CallPath path, LoopKind loop) {
        Path dir;
        try (Workspace workspace = new Workspace(tmp)) {
            try (Probe probe =
                    Probes.open(new CallRef(entry, path), workspace, loop, dev.sysc.os.ExecutablePages.SYSTEM)) {
                assertThat(probe.call().id()).isEqualTo(id);
                assertThat(probe.loop()).as("%s runs in the loop asked for", id).isEqualTo(loop);
                int done = probe.run(5);
                assertThat(done)
                        .as("%s: calls that succeeded before one failed with %s", id, Errnos.describe(probe.errno()))
                        .isEqualTo(5);
                assertThat(probe.errno()).as("%s errno after a clean run", id).isZero();
                // A second run on the same probe works too: setup is not consumed by the first.
                assertThat(probe.run(5))
                        .as("%s second run: %s", id, Errnos.describe(probe.errno()))
                        .isEqualTo(5);
            }
            dir = workspace.created() ? workspace.dir() : null;
        }
        if (dir != null) {
            assertThat(dir).as("%s: workspace removed on close", id).doesNotExist();
        }
        assertThat(tmp.toFile().list())
                .as("%s left nothing in the temp dir", id)
                .isEmpty();
    }

    @Test
    void allProbesOpenTogetherCloseCleanlyAndTheWorkspaceIsRemoved() throws IOException {
        Workspace workspace = new Workspace(tmp);
        List<Probe> probes = new ArrayList<>();
        try {
            for (CatalogEntry e : Catalog.builtIn().entries()) {
                for (CallPath p : e.paths()) {
                    Probe probe = Probes.open(new CallRef(e, p), workspace);
                    probes.add(probe);
                    assertThat(probe.run(5))
                            .as("%s: %s", probe.call().id(), Errnos.describe(probe.errno()))
                            .isEqualTo(5);
                }
            }
        } finally {
            probes.forEach(Probe::close);
        }
        assertThat(workspace.created()).as("file calls created the workspace").isTrue();
        Path dir = workspace.dir();
        assertThat(dir).isDirectory().hasParent(tmp);
        assertThat(dir.resolve("small")).isRegularFile();
        assertThat(Files.isSymbolicLink(dir.resolve("link"))).isTrue();

        workspace.close();

        assertThat(dir).doesNotExist();
        assertThat(workspace.created()).isFalse();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("nothing left under the temp dir").isEmpty();
        }
    }

    @Test
    void closingProbesReleasesTheirDescriptors() throws IOException {
        try (Workspace workspace = new Workspace(tmp)) {
            openRunClose(workspace); // first pass: binds libraries, loads classes
            var before = dev.sysc.os.OpenDescriptors.now();
            openRunClose(workspace);
            openRunClose(workspace);
            assertThat(dev.sysc.os.OpenDescriptors.openedSince(before))
                    .as("descriptors left open after opening and closing every probe twice")
                    .isEmpty();
        }
    }

    private static void openRunClose(Workspace workspace) {
        for (CatalogEntry e : Catalog.builtIn().entries()) {
            for (CallPath p : e.paths()) {
                try (Probe probe = Probes.open(new CallRef(e, p), workspace)) {
                    probe.run(2);
                }
            }
        }
    }

    @Test
    void everyCatalogNameHasAProbeAndEveryProbeIsInTheCatalog() {
        Set<String> catalog = Catalog.builtIn().entries().stream()
                .map(CatalogEntry::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(Probes.names())).isEqualTo(catalog);
    }
}
