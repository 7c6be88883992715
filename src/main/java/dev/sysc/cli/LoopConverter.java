package dev.sysc.cli;

import dev.sysc.probe.LoopKind;
import java.util.ArrayList;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --loop}, naming the valid loops when the value is not one. */
public final class LoopConverter implements ITypeConverter<LoopKind> {
    @Override
    public LoopKind convert(String value) {
        LoopKind k = LoopKind.byId(value.toLowerCase(Locale.ROOT));
        if (k == null) {
            throw new TypeConversionException("unknown loop (use native or java)"); // UsageMessages shows the value
        }
        return k;
    }

    /** The loop names, for help and completion. */
    public static final class Candidates extends ArrayList<String> {
        public Candidates() {
            for (LoopKind k : LoopKind.values()) {
                add(k.id());
            }
        }
    }
}
