package dev.sysc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sysc.cli.SyscRun.Run;
import dev.sysc.report.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -o: what each kind of name on disk becomes, decided by OutputTarget and carried out by Output. */
class OutputTargetTest {
    @TempDir
    Path tmp;

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void noNameOrADashIsStandardOutput() {
        assertThat(OutputTarget.of(null).kind()).isEqualTo(OutputTarget.Kind.STDOUT);
        assertThat(OutputTarget.of("-").kind()).isEqualTo(OutputTarget.Kind.STDOUT);
        Run run = SyscRun.sysc("list", "-o", "-", "--format", "csv");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("name,");
    }

    @Test
    void anEmptyNameIsRefusedInPlainWords() {
        Run run = SyscRun.sysc("list", "-o", "");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("sysc list: -o needs a file name (or - for standard output)\n");
    }

    @Test
    void aRegularFileIsReplacedAtomically() throws IOException {
        Path file = Files.writeString(tmp.resolve("list.txt"), "old");
        OutputTarget t = OutputTarget.of(file.toString());
        assertThat(t.kind()).isEqualTo(OutputTarget.Kind.REPLACE);
        assertThat(OutputTarget.of(tmp.resolve("new.txt").toString()).kind()).isEqualTo(OutputTarget.Kind.REPLACE);
        Object before = attributes(file).fileKey();
        assertThat(SyscRun.sysc("list", "-o", file.toString()).exit()).isZero();
        assertThat(Files.readString(file)).contains("getpid");
        assertThat(attributes(file).fileKey())
                .as("a new inode: renamed over, not rewritten")
                .isNotEqualTo(before);
    }

    @Test
    void aSymlinkIsFollowedAndItsTargetReplacedSoTheLinkStaysALink() throws IOException {
        Path real = Files.writeString(tmp.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(tmp.resolve("link.json"), Path.of("real.json"));
        OutputTarget t = OutputTarget.of(link.toString());
        assertThat(t.kind()).isEqualTo(OutputTarget.Kind.REPLACE);
        assertThat(t.path()).isEqualTo(real);

        Run run = SyscRun.sysc("list", "-o", link.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("{"); // .json: the extension chose the format
    }

    @Test
    void aDanglingSymlinkCreatesTheFileItPointsTo() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), tmp.resolve("made.csv"));
        Run run = SyscRun.sysc("list", "-o", link.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(tmp.resolve("made.csv"))).startsWith("name,");
    }

    @Test
    void aLinkLoopIsRefused() throws IOException {
        Files.createSymbolicLink(tmp.resolve("a"), tmp.resolve("b"));
        Files.createSymbolicLink(tmp.resolve("b"), tmp.resolve("a"));
        assertThatThrownBy(() -> OutputTarget.of(tmp.resolve("a").toString()))
                .hasMessageContaining("too many levels of symbolic links");
    }

    @Test
    void aFifoIsWrittenInPlaceForItsReader() throws Exception {
        Path fifo = tmp.resolve("fifo");
        assumeTrue(run("mkfifo", fifo.toString()), "mkfifo");
        assertThat(OutputTarget.of(fifo.toString()).kind()).isEqualTo(OutputTarget.Kind.DIRECT);
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(Files.readAllBytes(fifo), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            Run run = SyscRun.sysc("list", "-o", fifo.toString(), "--format", "csv");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(reader.get(20, TimeUnit.SECONDS)).startsWith("name,").contains("getpid");
            assertThat(attributes(fifo).isOther()).as("still a FIFO").isTrue();
        } finally {
            if (!reader.isDone() && attributes(fifo).isOther()) {
                Files.write(fifo, new byte[0]); // release a reader left waiting
            }
        }
    }

    @Test
    void aDeviceIsWrittenInPlaceNeverReplaced() throws Exception {
        Path nul = tmp.resolve("null");
        // A private node of /dev/null (char 1:3): the test never risks the real one.
        assumeTrue(run("mknod", nul.toString(), "c", "1", "3"), "mknod needs root (CAP_MKNOD)");
        assertThat(OutputTarget.of(nul.toString()).kind()).isEqualTo(OutputTarget.Kind.DIRECT);
        Run run = SyscRun.sysc("list", "-o", nul.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(attributes(nul).isOther()).as("still a device").isTrue();
        assertThat(Files.size(nul)).isZero();
    }

    @Test
    void aFullDeviceIsAFailedWriteExitOneInOneLine() throws Exception {
        Path full = tmp.resolve("full");
        assumeTrue(run("mknod", full.toString(), "c", "1", "7"), "mknod needs root (CAP_MKNOD)");
        Run run = SyscRun.sysc("list", "-o", full.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("sysc list: cannot write output to " + full + ": No space left on device\n");
        assertThat(attributes(full).isOther()).isTrue();
    }

    @Test
    void aSocketIsNeverReplaced() throws Exception {
        Path socket = tmp.resolve("sock");
        try (java.nio.channels.ServerSocketChannel server =
                java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(socket));
            assertThat(OutputTarget.of(socket.toString()).kind()).isEqualTo(OutputTarget.Kind.DIRECT);
            Run run = SyscRun.sysc("list", "-o", socket.toString());
            // A socket cannot be opened like a file (ENXIO): the write fails, and the socket stays.
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err())
                    .startsWith("sysc list: cannot write output to " + socket + ": ")
                    .hasLineCount(1);
            assertThat(attributes(socket).isOther()).as("still a socket").isTrue();
        }
    }

    @Test
    void theExtensionPicksTheFormatUnlessFormatIsGiven() {
        assertThat(OutputTarget.formatOf("a.json")).isEqualTo(Format.JSON);
        assertThat(OutputTarget.formatOf("A.CSV")).isEqualTo(Format.CSV);
        assertThat(OutputTarget.formatOf("notes.md")).isEqualTo(Format.MARKDOWN);
        assertThat(OutputTarget.formatOf("out.txt")).isNull();
        assertThat(OutputTarget.formatOf(null)).isNull();
        OutputOptions o = new OutputOptions();
        o.output = "before.json";
        assertThat(o.format()).isEqualTo(Format.JSON);
        o.explicitFormat = Format.TABLE;
        assertThat(o.format()).isEqualTo(Format.TABLE);
        o.explicitFormat = null;
        o.output = "-";
        assertThat(o.format()).isEqualTo(Format.TABLE);
    }

    @Test
    void aFormatGivenOnTheCommandLineWinsOverTheExtension() throws IOException {
        Path file = tmp.resolve("table.json");
        assertThat(SyscRun.sysc("list", "-o", file.toString(), "--format", "table")
                        .exit())
                .isZero();
        assertThat(Files.readString(file)).doesNotStartWith("{");
    }
}
