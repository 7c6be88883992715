package dev.sysc.batch;

import dev.sysc.os.ResourceTable;
import dev.sysc.os.SocketFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A classic BPF program kept as data (a resource of code, jt, jf, k and what each line does), read into
 * the instructions the kernel takes and into a listing in the style of {@code tcpdump -d} for the reports.
 */
final class FilterProgram {
    private final List<SocketFilter.Instruction> instructions;
    private final List<String> listing;

    private FilterProgram(List<SocketFilter.Instruction> instructions, List<String> listing) {
        this.instructions = List.copyOf(instructions);
        this.listing = List.copyOf(listing);
    }

    /** The program in resource {@code name} beside this class. */
    static FilterProgram load(String name) {
        List<SocketFilter.Instruction> instructions = new ArrayList<>();
        List<String> listing = new ArrayList<>();
        for (String[] row : ResourceTable.rows(FilterProgram.class, name)) {
            SocketFilter.Instruction in =
                    new SocketFilter.Instruction(number(row[0]), number(row[1]), number(row[2]), Long.decode(row[3]));
            listing.add(String.format(
                    Locale.ROOT,
                    "(%03d) %-28s ; %s",
                    instructions.size(),
                    disassemble(in, instructions.size()),
                    row[4]));
            instructions.add(in);
        }
        return new FilterProgram(instructions, listing);
    }

    private static int number(String text) {
        return Integer.decode(text.strip());
    }

    List<SocketFilter.Instruction> instructions() {
        return instructions;
    }

    /** One line per instruction: its offset, its mnemonic and what it does. */
    List<String> listing() {
        return listing;
    }

    /**
     * One instruction in the mnemonics of Documentation/networking/filter.rst (the forms this program
     * uses: loads, conditional jumps and returns; anything else is shown as its raw fields).
     */
    static String disassemble(SocketFilter.Instruction in, int at) {
        int code = in.code();
        int cls = code & 0x07;
        String k = in.k() > 255 || in.k() < 0 ? String.format(Locale.ROOT, "0x%x", in.k()) : Long.toString(in.k());
        if (cls == 0x00 && (code & 0xe0) == 0x20) { // BPF_LD | BPF_ABS
            String size = switch (code & 0x18) {
                case 0x00 -> "ld";
                case 0x08 -> "ldh";
                case 0x10 -> "ldb";
                default -> "ld?";
            };
            return size + " [" + in.k() + "]";
        }
        if (cls == 0x05 && (code & 0xf0) != 0x00 && (code & 0x08) == 0) { // BPF_JMP, conditional, against K
            String op = switch (code & 0xf0) {
                case 0x10 -> "jeq";
                case 0x20 -> "jgt";
                case 0x30 -> "jge";
                case 0x40 -> "jset";
                default -> "j?";
            };
            return String.format(Locale.ROOT, "%s #0x%x, jt %d, jf %d", op, in.k(), at + 1 + in.jt(), at + 1 + in.jf());
        }
        if (code == 0x06) { // BPF_RET | BPF_K
            return "ret #" + k;
        }
        return String.format(Locale.ROOT, "code 0x%02x jt %d jf %d k 0x%x", code, in.jt(), in.jf(), in.k());
    }
}
