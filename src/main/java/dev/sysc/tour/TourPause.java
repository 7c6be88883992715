package dev.sysc.tour;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * How the tour waits between pages. On the command line it reads standard input; the shell passes
 * its own, which reads through the line editor so that Ctrl-C at the prompt stops the tour.
 */
@FunctionalInterface
public interface TourPause {
    /** The prompt shown between pages. */
    String PROMPT = "[Enter: next page, q: stop] ";

    /** Whether anyone is there to wait for (a terminal); if not, the pages follow one another. */
    default boolean interactive() {
        return true;
    }

    /** Shows {@link #PROMPT} and waits; false when the reader wants to stop (q, Ctrl-C, end of input). */
    boolean next(PrintWriter screen);

    /** Standard input, when the process has a console. */
    static TourPause standardInput() {
        BufferedReader keyboard = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new TourPause() {
            @Override
            public boolean interactive() {
                return System.console() != null;
            }

            @Override
            public boolean next(PrintWriter screen) {
                screen.print(PROMPT);
                screen.flush();
                try {
                    String answer = keyboard.readLine();
                    return answer != null && !answer.trim().equalsIgnoreCase("q");
                } catch (IOException e) {
                    return false;
                }
            }
        };
    }
}
