package dev.sysc.profile;

/**
 * One piece of advice a profile's counts call for.
 *
 * @param savingNs what following it could save at most, in ns; null when the counts cannot say
 */
public record Advice(String id, String text, String command, Double savingNs) {}
