package dev.sysc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.exit.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command tree is built for what runs: one command, none for --version, all where help needs them. */
class SyscCommandTest {
    private static CommandLine treeFor(String... args) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return SyscCommand.commandLineFor(sink, sink, args);
    }

    @Test
    void aCommandGetsATreeWithOnlyItself() {
        assertThat(treeFor("measure", "getpid").getSubcommands()).containsOnlyKeys("measure");
        assertThat(treeFor("list").getSubcommands()).containsOnlyKeys("list");
    }

    @Test
    void versionNeedsNoCommandsAndHelpOrAMisspellingGetsThemAll() {
        assertThat(treeFor("--version").getSubcommands()).isEmpty();
        assertThat(treeFor("-V").getSubcommands()).isEmpty();
        assertThat(treeFor("--help").getSubcommands())
                .containsKeys("list", "measure", "compare", "explain", "batch", "tour", "shell", "help");
        assertThat(treeFor("help", "measure").getSubcommands())
                .containsKey("measure")
                .hasSizeGreaterThan(1);
        assertThat(treeFor("mesure").getSubcommands()).containsKey("measure").hasSizeGreaterThan(1);
        assertThat(treeFor().getSubcommands()).hasSizeGreaterThan(1);
    }

    @Test
    void theSingleCommandTreeParsesAsTheWholeTreeDoes() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SyscCommand.execute(
                new PrintWriter(out, true), new PrintWriter(err, true), "list", "--category", "nosuch");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("nosuch");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void theVersionProvidersLinesAreWhatPicocliPrintsForVersion() throws Exception {
        // Main prints these lines itself for a lone --version (no command model); they must not drift.
        StringWriter out = new StringWriter();
        PrintWriter sink = new PrintWriter(new StringWriter());
        assertThat(SyscCommand.execute(new PrintWriter(out, true), sink, "--version"))
                .isZero();
        assertThat(out.toString().lines()).containsExactly(new VersionProvider().getVersion());
    }
}
