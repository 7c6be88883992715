package dev.sysc.hardening;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts sysc in a child JVM, as a user would, optionally behind a prefix command (a seccomp wrapper). */
final class ChildSysc {
    private ChildSysc() {}

    static ProcessBuilder command(Path tmpdir, List<String> prefix, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:-UsePerfData");
        if (tmpdir != null) {
            cmd.add("-Djava.io.tmpdir=" + tmpdir);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.sysc.Main");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    /** Compiles {@code src/test/c/NAME.c} into target/test-helpers, once; null when there is no gcc. */
    static Path compileHelper(String name) throws IOException, InterruptedException {
        Path out = Path.of("target", "test-helpers", name);
        if (out.toFile().canExecute()) {
            return out;
        }
        out.getParent().toFile().mkdirs();
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-O2", "-o", out.toString(), "src/test/c/" + name + ".c")
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/test-helpers/" + name + ".log"))
                    .start();
        } catch (IOException noGcc) {
            return null;
        }
        return gcc.waitFor() == 0 ? out : null;
    }
}
