package dev.sysc.probe;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;

/** A private copy of {@link ProbeLoop} for one operation: its own code, so its own JIT profile. */
final class OwnLoop {
    private static final byte[] TEMPLATE = template();

    private final MethodHandle run;
    private final VarHandle failed;

    private OwnLoop(MethodHandle run, VarHandle failed) {
        this.run = run;
        this.failed = failed;
    }

    /** A loop of its own for {@code operation}, or null when the JVM will not define one (then the shared one serves). */
    static OwnLoop of(Operation operation) {
        if (TEMPLATE == null) {
            return null;
        }
        try {
            MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClass(TEMPLATE, true);
            Class<?> c = copy.lookupClass();
            copy.findStaticVarHandle(c, "operation", Operation.class).set(operation);
            return new OwnLoop(
                    copy.findStatic(c, "run", MethodType.methodType(int.class, int.class)),
                    copy.findStaticVarHandle(c, "failed", long.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    int run(int n) {
        try {
            return (int) run.invokeExact(n);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** What the failing invocation returned, after {@link #run} stopped early. */
    long failedResult() {
        return (long) failed.get();
    }

    private static byte[] template() {
        try (InputStream in = ProbeLoop.class.getResourceAsStream("ProbeLoop.class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
