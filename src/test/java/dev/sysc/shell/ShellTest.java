package dev.sysc.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell driven through a jline dumb terminal: commands run, history is kept, exit and EOF leave. */
class ShellTest {
    @TempDir
    Path dir;

    /** Types {@code input} into a shell on a dumb terminal, then closes the input (Ctrl-D). */
    private String session(String input, Path history) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.io.PipedOutputStream keyboard = new java.io.PipedOutputStream();
        java.io.PipedInputStream in = new java.io.PipedInputStream(keyboard, 1 << 16);
        try (Terminal terminal = TerminalBuilder.builder().system(false).type("dumb").streams(in, out).build()) {
            long lines = input.lines().count();
            Thread typist = new Thread(() -> {
                try {
                    keyboard.write(input.getBytes(StandardCharsets.UTF_8));
                    keyboard.flush();
                    // Ctrl-D only once every line has been answered (a prompt after each), as a person would.
                    long deadline = System.nanoTime() + 30_000_000_000L;
                    while (prompts(out) <= lines && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    keyboard.close();
                } catch (Exception ignored) {
                    // The shell left first (exit).
                }
            });
            typist.start();
            assertThat(new Shell(terminal, history, new dev.sysc.SyscShellCommands()).run()).isZero();
            typist.join(10_000);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int prompts(ByteArrayOutputStream out) {
        String text;
        synchronized (out) {
            text = out.toString(StandardCharsets.UTF_8);
        }
        return text.split(java.util.regex.Pattern.quote(Shell.PROMPT), -1).length - 1;
    }

    @Test
    void runsCommandsKeepsHistoryAndExits() throws Exception {
        Path history = dir.resolve("state/sysc/history");
        String out = session("measure getpid --time 20ms --warmup 0 -q\nlist --category time\nmeasure getpd\nexit\n"
                + "measure never-reached\n", history);
        assertThat(out).contains("sysc> ").containsPattern("getpid\\s+libc\\s+crosses\\s+(< )?[0-9.,]+ ns")
                .contains("clock_gettime_cputime").contains("did you mean getpid?")
                .doesNotContain("never-reached'");
        assertThat(Files.readString(history)).contains("measure getpid --time 20ms --warmup 0 -q")
                .contains("list --category time");
    }

    @Test
    void endOfInputLeaves() throws Exception {
        String out = session("list --category floor\n", dir.resolve("h"));
        assertThat(out).contains("ffi-noop").contains("enosys");
    }

    @Test
    void helpListsTheCommands() throws Exception {
        String out = session("help\n", dir.resolve("h"));
        assertThat(out).contains("measure").contains("compare").contains("list");
    }

    @Test
    void completesCommandsAndCallNames() throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().system(false).type("dumb")
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            DefaultParser parser = new DefaultParser();
            SyscCompleter completer = new SyscCompleter(new dev.sysc.SyscShellCommands().spec());
            java.util.List<Candidate> commands = new java.util.ArrayList<>();
            completer.complete(reader, parser.parse("meas", 4), commands);
            assertThat(commands).extracting(Candidate::value).contains("measure");
            java.util.List<Candidate> names = new java.util.ArrayList<>();
            completer.complete(reader, parser.parse("measure getpp", 13), names);
            assertThat(names).extracting(Candidate::value).contains("getppid", "getppid@syscall");
            java.util.List<Candidate> formats = new java.util.ArrayList<>();
            completer.complete(reader, parser.parse("measure getpid --format ", 24), formats);
            assertThat(formats).extracting(Candidate::value).contains("json", "csv", "markdown", "table");
        }
    }
}
