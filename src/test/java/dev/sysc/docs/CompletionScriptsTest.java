package dev.sysc.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The committed completion scripts load in real shells and complete call names. */
@org.junit.jupiter.api.Tag("slow")
class CompletionScriptsTest {
    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void bashRegistersAndCompletesCallNames() throws Exception {
        assertThat(run("bash", "-c", ". completions/sysc.bash && complete -p sysc"))
                .contains("-F _complete_sysc")
                .contains("sysc");
        String words = run(
                "bash",
                "-c",
                ". completions/sysc.bash; COMP_WORDS=(sysc measure getpp); COMP_CWORD=2; "
                        + "COMP_LINE='sysc measure getpp'; COMP_POINT=${#COMP_LINE}; _complete_sysc 2>/dev/null; "
                        + "printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertThat(words.lines()).containsExactly("getppid", "getppid@libc", "getppid@syscall", "getppid@raw");
        String commands = run(
                "bash",
                "-c",
                ". completions/sysc.bash; COMP_WORDS=(sysc meas); COMP_CWORD=1; "
                        + "COMP_LINE='sysc meas'; COMP_POINT=${#COMP_LINE}; _complete_sysc 2>/dev/null; "
                        + "printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertThat(commands.lines()).containsExactly("measure");
    }

    @Test
    void bashCompletesResultFilesAfterCompareAndFilesAfterO(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("before.json"), "{}");
        java.nio.file.Files.writeString(dir.resolve("after.json"), "{}");
        String script = new File("completions/sysc.bash").getAbsolutePath();
        String complete = ". '" + script + "'; cd '" + dir + "'; COMP_WORDS=(%s); COMP_CWORD=%d; COMP_LINE='%s'; "
                + "COMP_POINT=${#COMP_LINE}; _complete_sysc 2>/dev/null; printf '%%s\\n' \"${COMPREPLY[@]}\" | sort";
        String files = run(
                "bash", "-c", String.format(complete, "sysc compare before.json ''", 3, "sysc compare before.json "));
        assertThat(files.lines()).contains("before.json", "after.json", "getpid");
        String prefixed = run("bash", "-c", String.format(complete, "sysc compare af", 2, "sysc compare af"));
        assertThat(prefixed.lines()).containsExactly("after.json");
        String calls = run("bash", "-c", String.format(complete, "sysc compare getpp", 2, "sysc compare getpp"));
        assertThat(calls.lines()).contains("getppid").doesNotContain("after.json");
        String output =
                run("bash", "-c", String.format(complete, "sysc measure getpid -o b", 4, "sysc measure getpid -o b"));
        assertThat(output.lines()).containsExactly("before.json");
        String format = run(
                "bash",
                "-c",
                String.format(complete, "sysc compare a.json --format ''", 4, "sysc compare a.json --format "));
        assertThat(format.lines()).containsExactly("csv", "json", "markdown", "table");
    }

    @Test
    void bashCompletesTheProgramToProfileAfterTheDoubleDash() throws Exception {
        String program = run(
                "bash",
                "-c",
                ". completions/sysc.bash; COMP_WORDS=(sysc profile -q -- dat); COMP_CWORD=4; "
                        + "COMP_LINE='sysc profile -q -- dat'; COMP_POINT=${#COMP_LINE}; _complete_sysc 2>/dev/null; "
                        + "printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertThat(program.lines()).contains("date");
        String argument = run(
                "bash",
                "-c",
                ". completions/sysc.bash; COMP_WORDS=(sysc profile -- ls pom.x); "
                        + "COMP_CWORD=4; COMP_LINE='sysc profile -- ls pom.x'; COMP_POINT=${#COMP_LINE}; "
                        + "_complete_sysc 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertThat(argument.lines()).containsExactly("pom.xml");
    }

    @Test
    void zshLoadsItWithCompinit() throws Exception {
        assumeTrue(
                new File("/usr/bin/zsh").canExecute() || new File("/bin/zsh").canExecute(),
                "zsh is installed by .ci/run");
        String out = run(
                "zsh",
                "-c",
                "fpath=($PWD/completions $fpath); autoload -U compinit && compinit -u; "
                        + "source completions/_sysc; print -r -- \"comp=${_comps[sysc]}\"");
        assertThat(out).contains("comp=_bash_complete -F _complete_sysc");
    }
}
