package dev.sysc.probe;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** "Did you mean" candidates: the known names nearest to a mistyped one. */
public final class Suggestions {
    private Suggestions() {}

    /**
     * Up to {@code limit} of the nearest names within an edit distance of a third of the typed length (at least 2),
     * or that start with or contain what was typed, nearest first. Case is ignored: GETPID suggests getpid.
     */
    public static List<String> closest(String typed, Collection<String> known, int limit) {
        if (typed.length() > 100) {
            return List.of(); // no name is that long, and the edit distance would cost length × length
        }
        int allowed = Math.max(2, typed.length() / 3);
        List<Scored> near = known.stream()
                .map(k -> new Scored(k, score(typed, k)))
                .filter(s -> s.score <= allowed)
                .sorted(Comparator.comparingInt((Scored s) -> s.score).thenComparing(s -> s.name))
                .collect(Collectors.toList());
        // Only the nearest: "getpd" suggests getpid, not also getcpu and getppid one edit further away.
        int best = near.isEmpty() ? 0 : near.get(0).score;
        return near.stream()
                .filter(s -> s.score == best)
                .limit(limit)
                .map(s -> s.name)
                .collect(Collectors.toList());
    }

    private static int score(String typedAnyCase, String knownAnyCase) {
        String typed = typedAnyCase.toLowerCase(java.util.Locale.ROOT);
        String known = knownAnyCase.toLowerCase(java.util.Locale.ROOT);
        if (typed.equals(known)) {
            return 0;
        }
        if (!typed.isEmpty() && known.startsWith(typed)) {
            return 1;
        }
        if (typed.length() >= 3 && known.contains(typed)) {
            return 2;
        }
        return distance(typed, known);
    }

    /** Optimal-string-alignment distance: Levenshtein plus a swap of two neighbours counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static final class Scored {
        final String name;
        final int score;

        Scored(String name, int score) {
            this.name = name;
            this.score = score;
        }
    }
}
