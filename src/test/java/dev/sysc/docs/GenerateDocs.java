package dev.sysc.docs;

import dev.sysc.cli.SyscCommand;
import dev.sysc.probe.Catalog;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Generates the man pages (AsciiDoc, turned into roff by the asciidoctor plugin in the build) and the
 * bash/zsh completion scripts from the picocli command model, so they cannot drift from the commands.
 * The build runs it into target/generated-docs; {@code bin/regen-docs} copies the result into man/ and
 * completions/, and DocsAreCurrentTest fails when the committed copies are stale.
 */
public final class GenerateDocs {
    private GenerateDocs() {}

    public static void main(String[] args) throws IOException {
        Path out = Paths.get(args.length > 0 ? args[0] : "target/generated-docs");
        Path adoc = out.resolve("adoc");
        Path completions = out.resolve("completions");
        Files.createDirectories(adoc);
        Files.createDirectories(completions);

        CommandLine cl = commandLine();
        // Wide enough that picocli never wraps the synopsis inside a parameter label (it split
        // "NAME[@PATH]|FILE.json" into two lines); man wraps the paragraph itself.
        cl.setUsageHelpWidth(SYNOPSIS_WIDTH);
        int rc = ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[0], true, cl.getCommandSpec());
        if (rc != 0) {
            throw new IllegalStateException("man page generation failed: " + rc);
        }
        try (java.util.stream.Stream<Path> pages = Files.list(adoc)) {
            for (Path page : pages.toList()) {
                Files.writeString(page, escapeBrackets(Files.readString(page)), StandardCharsets.UTF_8);
            }
        }
        String bash = withFileNames(withProgramCompletion(AutoComplete.bash("sysc", cl)), cl);
        Files.writeString(completions.resolve("sysc.bash"), bash, StandardCharsets.UTF_8);
        Files.writeString(completions.resolve("_sysc"), zshWrapper(), StandardCharsets.UTF_8);
    }

    /** The usage width the pages are generated at: no synopsis of sysc's comes near it. */
    static final int SYNOPSIS_WIDTH = 400;

    /**
     * Brackets inside an italic label (_NAME[@PATH]_) written as {startsb}/{endsb}: AsciiDoc reads
     * "[@PATH]_…_" as a role attribute list on the next italic span, which garbled the compare synopsis
     * ("] [--color=_WHEN …") and swallowed [--baseline=NAME[@PATH]].
     */
    static String escapeBrackets(String adoc) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\w])_([^_\\s]*\\[[^_\\s]*)_")
                .matcher(adoc);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String label = m.group(1).replace("[", "{startsb}").replace("]", "{endsb}");
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement("_" + label + "_"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The command tree, with the catalog's names written into the pages of the commands that take them. */
    static CommandLine commandLine() {
        StringWriter sink = new StringWriter();
        CommandLine cl = SyscCommand.commandLine(new PrintWriter(sink), new PrintWriter(sink));
        String calls = String.join(
                ", ", Catalog.builtIn().entries().stream().map(e -> e.name()).toList());
        for (String name : List.of("measure", "compare")) {
            CommandLine sub = cl.getSubcommands().get(name);
            if (sub == null) {
                continue;
            }
            CommandSpec spec = sub.getCommandSpec();
            List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
            footer.add("The calls sysc knows (sysc list describes each): " + calls + ".");
            if (spec.usageMessage().footerHeading().isEmpty()) {
                spec.usageMessage().footerHeading("Calls");
            }
            spec.usageMessage().footer(footer.toArray(new String[0]));
        }
        return cl;
    }

    /**
     * picocli completes either listed candidates or file names, never both; compare takes call names or
     * result files, and -o takes any file. This wraps the generated entry point so that file names are
     * offered for compare's operands (beside the call names) and after -o/--output of every command.
     */
    static String withFileNames(String bash, CommandLine cl) {
        List<String> valued = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o :
                cl.getSubcommands().get("compare").getCommandSpec().options()) {
            if (o.arity().max() > 0 && !List.of(o.names()).contains("-o")) {
                valued.addAll(List.of(o.names()));
            }
        }
        return bash + "\n"
                + "# Added by sysc's GenerateDocs: file names after -o/--output, and for compare's operands (result\n"
                + "# files) beside the call names.\n"
                + "eval \"$(declare -f _complete_sysc | sed '1s/^_complete_sysc /_complete_sysc_picocli /')\"\n"
                + "function _complete_sysc() {\n"
                + "  _complete_sysc_picocli \"$@\"\n"
                + "  local curr_word=${COMP_WORDS[COMP_CWORD]}\n"
                + "  local prev_word=${COMP_WORDS[COMP_CWORD-1]}\n"
                + "  case \"${prev_word}\" in\n"
                + "    -o|--output)\n"
                + "      type compopt &>/dev/null && compopt -o filenames\n"
                + "      COMPREPLY=( $(compgen -f -- \"${curr_word}\") )\n"
                + "      return 0\n"
                + "      ;;\n"
                + "    " + String.join("|", valued) + ")\n"
                + "      return 0\n"
                + "      ;;\n"
                + "  esac\n"
                + "  if [[ \"${COMP_WORDS[1]}\" == compare && \"${curr_word}\" != -* ]]; then\n"
                + "    type compopt &>/dev/null && compopt -o filenames\n"
                + "    local IFS=$'\\n'\n"
                + "    COMPREPLY+=( $(compgen -f -- \"${curr_word}\") )\n"
                + "  fi\n"
                + "  return 0\n"
                + "}\n";
    }

    static final String PROFILE_FUNCTION = "function _picocli_sysc_profile() {\n"
            + "  # Get completion data\n"
            + "  local curr_word=${COMP_WORDS[COMP_CWORD]}\n"
            + "  local prev_word=${COMP_WORDS[COMP_CWORD-1]}\n";

    /**
     * {@code sysc profile -- CMD ARGS}: after {@code --} picocli would offer sysc's options again; the
     * program's name completes as a command and its arguments as files instead.
     */
    static String withProgramCompletion(String bash) {
        if (!bash.contains(PROFILE_FUNCTION)) {
            throw new IllegalStateException("picocli's bash script changed shape: no " + PROFILE_FUNCTION);
        }
        return bash.replace(
                PROFILE_FUNCTION,
                PROFILE_FUNCTION
                        + "  # After --: the program to profile (a command), then its arguments (files).\n"
                        + "  local i\n"
                        + "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
                        + "    if [[ \"${COMP_WORDS[i]}\" == \"--\" ]]; then\n"
                        + "      if (( i == COMP_CWORD - 1 )); then\n"
                        + "        COMPREPLY=( $(compgen -c -- \"${curr_word}\") )\n"
                        + "      else\n"
                        + "        type compopt &>/dev/null && compopt -o filenames\n"
                        + "        COMPREPLY=( $(compgen -f -- \"${curr_word}\") )\n"
                        + "      fi\n"
                        + "      return 0\n"
                        + "    fi\n"
                        + "  done\n");
    }

    /** zsh: the bash script works under zsh's bashcompinit; this file is what compinit loads from fpath. */
    static String zshWrapper() {
        return "#compdef sysc\n"
                + "# zsh completion for sysc. Put this directory on $fpath before compinit, e.g.\n"
                + "#   fpath=(/path/to/sysc/completions $fpath); autoload -U compinit && compinit\n"
                + "# It loads the bash completion (generated by picocli from sysc's commands) through bashcompinit.\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + "source \"${${(%):-%x}:A:h}/sysc.bash\"\n";
    }

    static File file(String path) {
        return new File(path);
    }
}
