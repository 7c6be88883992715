package dev.sysc.shell;

import dev.sysc.tour.TourPause;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * {@code sysc} at a terminal: a prompt where every sysc command works as on the command line, with
 * completion and history, and a JVM that stays warm between measurements.
 */
public final class Shell {
    static final String PROMPT = "sysc> ";
    /** Commands that take longer than this report how long they took. */
    private static final long REPORT_AFTER_NANOS = 200_000_000;

    private final Terminal terminal;
    private final Path history;
    private final ShellCommands commands;

    public Shell(Terminal terminal, Path history, ShellCommands commands) {
        this.terminal = terminal;
        this.history = history;
        this.commands = commands;
    }

    /** Runs a shell on the process's own terminal until exit or Ctrl-D; returns the exit code. */
    public static int runOnSystemTerminal(ShellCommands commands) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            return new Shell(terminal, historyFile(), commands).run();
        } catch (IOException e) {
            System.err.println("sysc: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }

    /** {@code $XDG_STATE_HOME/sysc/history}, by default {@code ~/.local/state/sysc/history}. */
    static Path historyFile() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank()
                ? Paths.get(state)
                : Paths.get(System.getProperty("user.home"), ".local", "state");
        return base.resolve("sysc").resolve("history");
    }

    public int run() {
        PrintWriter out = terminal.writer();
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("sysc")
                .completer(new SyscCompleter(commands.spec()))
                .parser(new DefaultParser())
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.LIST_MAX, 200)
                .build();
        try {
            Files.createDirectories(history.getParent());
        } catch (IOException e) {
            out.println("sysc: history will not be kept (" + e.getMessage() + ")");
        }
        out.println(
                "sysc " + commands.version()
                        + " — type a command (measure getpid, compare ..., list, help), Tab to complete, exit or Ctrl-D to leave.");
        out.flush();
        TourPause pause = pause();
        while (true) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt clears the line, as in bash
            } catch (EndOfFileException e) {
                break;
            }
            List<String> words = command(reader.getParsedLine().words());
            if (words.isEmpty()) {
                continue;
            }
            String first = words.get(0).toLowerCase(Locale.ROOT);
            if (first.equals("exit") || first.equals("quit")) {
                break;
            }
            if (first.equals("shell") || first.equals("sysc")) {
                out.println("You are in the sysc shell already.");
                continue;
            }
            if (first.equals("clear")) {
                clear(out);
                continue;
            }
            execute(words, out, pause);
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            out.println("sysc: could not save the history: " + e.getMessage());
        }
        out.flush();
        return 0;
    }

    /**
     * The words of a command line, without empty ones and without a leading "sysc": a line copied from
     * the tour, the README or a script ("sysc measure getpid") works as typed.
     */
    static List<String> command(List<String> typed) {
        List<String> words = typed.stream().filter(w -> !w.isEmpty()).toList();
        return words.size() > 1 && words.get(0).equals("sysc") ? words.subList(1, words.size()) : words;
    }

    /** Clears the screen, as the clear command of a shell does; a terminal that cannot gets a blank line. */
    private void clear(PrintWriter out) {
        out.flush();
        if (!terminal.puts(InfoCmp.Capability.clear_screen)) {
            out.println();
        }
        terminal.flush();
    }

    /** The tour's pause at this shell's prompt: Ctrl-C or Ctrl-D there stops the tour, as q does. */
    private TourPause pause() {
        LineReader pauseReader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("sysc")
                .variable(LineReader.DISABLE_HISTORY, true)
                .build();
        return screen -> {
            screen.flush();
            try {
                return !pauseReader.readLine(TourPause.PROMPT).trim().equalsIgnoreCase("q");
            } catch (UserInterruptException | EndOfFileException e) {
                screen.println();
                return false;
            }
        };
    }

    /** Runs one command; Ctrl-C while it runs interrupts this thread, which stops the measurement. */
    private void execute(List<String> words, PrintWriter out, TourPause pause) {
        Thread self = Thread.currentThread();
        SignalHandler previous = terminal.handle(Signal.INT, signal -> self.interrupt());
        long start = System.nanoTime();
        try {
            // Whatever goes wrong with one command, the shell stays up for the next: run never throws.
            commands.run(out, pause, words.toArray(new String[0]));
        } finally {
            terminal.handle(Signal.INT, previous);
            Thread.interrupted(); // an interrupt that arrived after the work ended must not hit the next one
        }
        long elapsed = System.nanoTime() - start;
        if (elapsed > REPORT_AFTER_NANOS) {
            out.println(String.format(Locale.ROOT, "(%.2f s)", elapsed / 1e9));
        }
        out.flush();
    }
}
