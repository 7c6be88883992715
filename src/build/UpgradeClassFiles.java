import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the class files of jars built for Java 5 (picocli, ASM, jnr-x86asm) as Java 8 class files,
 * with the stack map frames that version requires. Why: the JVM cannot put a class file older than
 * Java 6 into a class-data-sharing archive (JDK 17) or an AOT cache (JDK 25: "old class has been
 * linked"), so these classes were read from their jars and verified with the old type-inferring
 * verifier on every start, about a third of sysc's start-up. The code is unchanged; only the version
 * and the frames are new.
 *
 * <p>Run at build time in source-file mode: {@code java -cp ASM UpgradeClassFiles.java OUT_DIR NAME=JAR...}:
 * each JAR is written to OUT_DIR/NAME.jar. Newer class files in it are copied as they are.
 */
public final class UpgradeClassFiles {
    private static final int TARGET = Opcodes.V1_8;

    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Paths.get(args[0]));
        for (int i = 1; i < args.length; i++) {
            String[] nameAndJar = args[i].split("=", 2);
            Path jar = Paths.get(nameAndJar[1]);
            if (upgrade(jar, out.resolve(nameAndJar[0] + ".jar")) == 0) {
                System.err.println("UpgradeClassFiles: nothing to upgrade in " + jar + " (drop it from pom.xml)");
            }
        }
    }

    private static int upgrade(Path in, Path out) throws IOException {
        int upgraded = 0;
        try (JarFile jar = new JarFile(in.toFile());
             OutputStream file = Files.newOutputStream(out);
             JarOutputStream target = new JarOutputStream(file)) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream s = jar.getInputStream(entry)) {
                    bytes = s.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && !entry.getName().contains("module-info")
                        && majorVersion(bytes) < 50) {
                    bytes = withFrames(bytes);
                    upgraded++;
                }
                JarEntry copy = new JarEntry(entry.getName());
                copy.setTime(entry.getTime());
                target.putNextEntry(copy);
                target.write(bytes);
                target.closeEntry();
            }
        }
        return upgraded;
    }

    private static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    private static byte[] withFrames(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        // Not new ClassWriter(reader, ...): that copies unchanged methods as they are, without frames.
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return UpgradeClassFiles.class.getClassLoader();
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(TARGET, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
