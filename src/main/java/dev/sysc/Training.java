package dev.sysc;

/**
 * The run the launcher records its class archive from (JDK 17's CDS, JDK 25's AOT cache): the common
 * commands, each once, output discarded. A user's first command would cover only itself; with this,
 * every command starts from the archive. It measures for a few milliseconds only, and changes nothing.
 */
public final class Training {
    private static final String[][] COMMANDS = {
        {"--version"},
        {"list"},
        {"measure", "getpid", "--time", "5ms", "--warmup", "5ms", "-q"},
        {"measure", "getpid", "clock_gettime", "--time", "5ms", "--warmup", "5ms", "--format", "json", "-q"},
        {"compare", "getpid", "enosys", "--time", "5ms", "--warmup", "5ms", "-q"},
        {"explain", "getpid", "--no-measure"},
        {"explain", "--no-measure"},
        {"batch", "write", "--sizes", "1,16", "--time", "5ms", "-q"},
    };

    private Training() {}

    /** Runs each command as Main does (the launcher sends the output to /dev/null). */
    public static void main(String[] args) {
        for (String[] command : COMMANDS) {
            Main.run(command);
        }
    }
}
