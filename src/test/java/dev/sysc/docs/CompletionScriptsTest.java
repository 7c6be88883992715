package dev.sysc.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The committed completion scripts load in real shells and complete call names. */
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
                .contains("-F _complete_sysc").contains("sysc");
        String words = run("bash", "-c", ". completions/sysc.bash; COMP_WORDS=(sysc measure getpp); COMP_CWORD=2; "
                + "COMP_LINE='sysc measure getpp'; COMP_POINT=${#COMP_LINE}; _complete_sysc 2>/dev/null; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertThat(words.lines()).containsExactly("getppid", "getppid@libc", "getppid@syscall", "getppid@raw");
        String commands = run("bash", "-c", ". completions/sysc.bash; COMP_WORDS=(sysc meas); COMP_CWORD=1; "
                + "COMP_LINE='sysc meas'; COMP_POINT=${#COMP_LINE}; _complete_sysc 2>/dev/null; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertThat(commands.lines()).containsExactly("measure");
    }

    @Test
    void bashCompletesTheProgramToProfileAfterTheDoubleDash() throws Exception {
        String program = run("bash", "-c", ". completions/sysc.bash; COMP_WORDS=(sysc profile -q -- dat); COMP_CWORD=4; "
                + "COMP_LINE='sysc profile -q -- dat'; COMP_POINT=${#COMP_LINE}; _complete_sysc 2>/dev/null; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertThat(program.lines()).contains("date");
        String argument = run("bash", "-c", ". completions/sysc.bash; COMP_WORDS=(sysc profile -- ls pom.x); "
                + "COMP_CWORD=4; COMP_LINE='sysc profile -- ls pom.x'; COMP_POINT=${#COMP_LINE}; "
                + "_complete_sysc 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertThat(argument.lines()).containsExactly("pom.xml");
    }

    @Test
    void zshLoadsItWithCompinit() throws Exception {
        assumeTrue(new File("/usr/bin/zsh").canExecute() || new File("/bin/zsh").canExecute(),
                "zsh is installed by .ci/run");
        String out = run("zsh", "-c", "fpath=($PWD/completions $fpath); autoload -U compinit && compinit -u; "
                + "source completions/_sysc; print -r -- \"comp=${_comps[sysc]}\"");
        assertThat(out).contains("comp=_bash_complete -F _complete_sysc");
    }
}
