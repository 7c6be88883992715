package dev.sysc.tour;

import java.util.List;

/**
 * One stop of the tour.
 *
 * @param calls what to measure live when the step is reached (catalog names, name@path)
 * @param needs extra data the text uses: "mitigations", "batching", or "-"
 * @param text  paragraphs with {placeholders} for this machine's numbers
 */
public record TourStep(String id, String title, List<String> calls, String needs, List<String> text) {
    public TourStep {
        calls = List.copyOf(calls);
        text = List.copyOf(text);
    }
}
