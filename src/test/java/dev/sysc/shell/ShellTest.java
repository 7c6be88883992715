package dev.sysc.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell driven through a jline dumb terminal: commands run, history is kept, exit and EOF leave. */
@org.junit.jupiter.api.Tag("slow")
class ShellTest {
    @TempDir
    Path dir;

    /** Types {@code input} into a shell on a dumb terminal, then closes the input (Ctrl-D). */
    private String session(String input, Path history) throws Exception {
        return session(input, history, "dumb");
    }

    /** Types {@code input} into a shell on a terminal of {@code type}, then closes the input (Ctrl-D). */
    private String session(String input, Path history, String type) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.io.PipedOutputStream keyboard = new java.io.PipedOutputStream();
        java.io.PipedInputStream in = new java.io.PipedInputStream(keyboard, 1 << 16);
        // jline's own line discipline over the two streams, not TerminalBuilder's: that one puts a
        // pseudo-terminal in between and copies its output to out on a thread of its own, which closing
        // the terminal stops, so the end of the shell's output could be lost (seen 1 in 40 under load).
        try (Terminal terminal = new ExternalTerminal("test", type, in, out, StandardCharsets.UTF_8)) {
            long lines = input.lines().count();
            java.util.concurrent.atomic.AtomicBoolean left = new java.util.concurrent.atomic.AtomicBoolean();
            // Why the typist stopped typing, printed when a test finds lines unanswered.
            java.util.concurrent.atomic.AtomicReference<String> closed =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread typist = new Thread(() -> {
                try {
                    keyboard.write(input.getBytes(StandardCharsets.UTF_8));
                    keyboard.flush();
                    // Ctrl-D only once every line has been answered (a prompt after each), as a person would;
                    // on a terminal with control codes, once the screen has stopped changing after the last
                    // line (its redrawn prompts are not plain text); not at all once the shell has left (exit).
                    long deadline = System.nanoTime() + 30_000_000_000L;
                    int quietFor = 0;
                    int size = -1;
                    while (!left.get()
                            && prompts(out) <= lines
                            && System.nanoTime() < deadline
                            && (type.equals("dumb") || quietFor < 25)) {
                        Thread.sleep(20);
                        int now = text(out).length();
                        quietFor = now == size ? quietFor + 1 : 0;
                        size = now;
                    }
                    closed.set(
                            left.get()
                                    ? "the shell left"
                                    : prompts(out) > lines
                                            ? "every line answered"
                                            : System.nanoTime() >= deadline ? "deadline" : "the screen was quiet");
                    keyboard.close();
                } catch (Exception e) {
                    // The shell left first (exit), or typing failed: the latter is worth knowing.
                    closed.set("typing failed: " + e);
                }
            });
            typist.start();
            assertThat(new Shell(terminal, history, new dev.sysc.SyscShellCommands()).run())
                    .isZero();
            left.set(true);
            typist.join(10_000);
            String why = closed.get();
            boolean expected = why == null
                    || why.equals("the shell left")
                    || why.equals("every line answered")
                    || (!type.equals("dumb") && why.equals("the screen was quiet"));
            if (!expected) {
                System.err.println("ShellTest: the typist closed the input early: " + why);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * A conversation with a shell on a dumb terminal: {@code turns} alternate what to wait for in the
     * output (after what was last waited for) and what to type then; the input closes after the last.
     * The terminal is jline's own line discipline over two streams, so that Ctrl-C typed becomes
     * SIGINT for the shell, as on a real terminal (a pseudo-terminal would send it to no one).
     */
    private String conversation(String... turns) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.io.PipedOutputStream keyboard = new java.io.PipedOutputStream();
        java.io.PipedInputStream in = new java.io.PipedInputStream(keyboard, 1 << 16);
        try (Terminal terminal = new ExternalTerminal("test", "dumb", in, out, StandardCharsets.UTF_8)) {
            Thread typist = new Thread(() -> {
                try {
                    int seen = 0;
                    for (int i = 0; i + 1 < turns.length; i += 2) {
                        long deadline = System.nanoTime() + 60_000_000_000L;
                        while (text(out).indexOf(turns[i], seen) < 0 && System.nanoTime() < deadline) {
                            Thread.sleep(20);
                        }
                        seen = Math.max(seen, text(out).indexOf(turns[i], seen) + turns[i].length());
                        keyboard.write(turns[i + 1].getBytes(StandardCharsets.UTF_8));
                        keyboard.flush();
                    }
                    long deadline = System.nanoTime() + 60_000_000_000L;
                    while (text(out).indexOf(Shell.PROMPT, seen) < 0 && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    keyboard.close();
                } catch (Exception ignored) {
                    // The shell left first.
                }
            });
            typist.start();
            assertThat(new Shell(terminal, dir.resolve("history"), new dev.sysc.SyscShellCommands()).run())
                    .isZero();
            typist.join(10_000);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
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
        String out = session(
                "measure getpid --time 20ms --warmup 0 -q\nlist --category time\nmeasure getpd\nexit\n"
                        + "measure never-reached\n",
                history);
        assertThat(out)
                .contains("sysc> ")
                .containsPattern("getpid\\s+libc\\s+crosses\\s+(< )?[0-9.,]+ ns")
                .contains("clock_gettime_cputime")
                .contains("did you mean getpid?")
                .doesNotContain("never-reached'");
        assertThat(Files.readString(history))
                .contains("measure getpid --time 20ms --warmup 0 -q")
                .contains("list --category time");
    }

    @Test
    void aLeadingSyscIsTheCommandLinesNameNotACommand() throws Exception {
        String out = session("sysc list --category time\nsysc\n", dir.resolve("h"));
        assertThat(out)
                .contains("clock_gettime_cputime")
                .contains("You are in the sysc shell already.")
                .doesNotContain("Unmatched argument");
        assertThat(Shell.command(List.of("sysc", "measure", "getpid"))).containsExactly("measure", "getpid");
        assertThat(Shell.command(List.of("measure", "sysc"))).containsExactly("measure", "sysc");
    }

    @Test
    void clearClearsTheScreen() throws Exception {
        String out = session("clear\n", dir.resolve("h"), "xterm");
        assertThat(out)
                .contains("\u001b[H\u001b[2J")
                .doesNotContain("Unmatched argument")
                .doesNotContain("sysc:");
    }

    @Test
    void ctrlCAtTheTourPauseStopsTheTourAndTheNextLineStillRuns() throws Exception {
        String out = conversation(
                Shell.PROMPT,
                "tour --loop java\n",
                "[Enter: next page, q: stop]",
                "\u0003",
                Shell.PROMPT,
                "list --category floor\n");
        assertThat(out).containsPattern("1/[0-9]+  The floor").doesNotContainPattern("2/[0-9]+ ");
        String after = out.substring(out.indexOf("[Enter: next page, q: stop]"));
        assertThat(after).contains("what it does").contains("enosys");
    }

    @Test
    void enterAtTheTourPauseTurnsThePageAndQStops() throws Exception {
        String out = conversation(
                Shell.PROMPT,
                "tour --loop java\n",
                "[Enter: next page, q: stop]",
                "\n",
                "2/",
                "",
                "[Enter: next page, q: stop]",
                "q\n");
        assertThat(out)
                .containsPattern("1/[0-9]+  The floor")
                .containsPattern("2/[0-9]+ ")
                .doesNotContainPattern("3/[0-9]+ ");
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
        try (Terminal terminal = new ExternalTerminal(
                "test",
                "dumb",
                new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(),
                StandardCharsets.UTF_8)) {
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
