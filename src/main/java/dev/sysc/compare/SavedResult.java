package dev.sysc.compare;

/** One result of a saved run: what compare needs of it. {@code sampleNs} is empty for a failed call. */
public record SavedResult(
        String name, String path, boolean crossesKernel, int errno, double netMedianNs, double[] sampleNs) {
    public SavedResult {
        sampleNs = sampleNs.clone();
    }

    @Override
    public double[] sampleNs() {
        return sampleNs.clone();
    }

    public String id() {
        return name + "@" + path;
    }
}
