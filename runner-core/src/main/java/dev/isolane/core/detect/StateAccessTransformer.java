package dev.isolane.core.detect;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Instruments the classes of the user's test classpath as they load (never the JDK's, JUnit's or Isolane's own):
 * call sites of JDK methods that read or change globals go through {@link GlobalsHook}, and, with static-field
 * tracking on, each GETSTATIC and PUTSTATIC of a non-JDK field first calls {@link StaticsHook}. A class whose class
 * loader cannot see the hooks is left alone, as is any class that fails to instrument.
 *
 * <p>A GETSTATIC of a reference field (other than a string or boxed number) calls the hook after the read, with the
 * value read, so that the class's first read can fingerprint the object for changes made in place; that includes a
 * class's reads of its own {@code static final} fields outside its static initializer.
 */
final class StateAccessTransformer implements ClassFileTransformer {

    private static final String STATICS_HOOK = Type.getInternalName(StaticsHook.class);
    /**
     * Packages whose classes are never instrumented, and whose fields are never tracked. Only detection leaves out
     * JaCoCo's runtime: every class JaCoCo instruments reaches into the runtime's static fields, which would make
     * them state that all classes share.
     */
    private static final UntouchedPackages EXCLUDED = UntouchedPackages.COMMON.plus("org/jacoco/agent/");

    /** Field types whose objects never change in place: their reads keep the hook before the read, without the value. */
    private static final Set<String> IMMUTABLE_TYPES = Set.of("Ljava/lang/String;", "Ljava/lang/Integer;",
            "Ljava/lang/Long;", "Ljava/lang/Short;", "Ljava/lang/Byte;", "Ljava/lang/Character;",
            "Ljava/lang/Boolean;", "Ljava/lang/Float;", "Ljava/lang/Double;", "Ljava/lang/Class;");

    private static final PrintStream WORKER_LOG =
            new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    private final boolean statics;
    private final String isolaneLocation;
    private final Map<ClassLoader, Boolean> seesHooks = Collections.synchronizedMap(new WeakHashMap<>());
    private final ThreadLocal<Boolean> transforming = new ThreadLocal<>();

    StateAccessTransformer(boolean statics) {
        this.statics = statics;
        this.isolaneLocation = location(StateAccessTransformer.class.getProtectionDomain());
    }

    boolean tracksStatics() {
        return statics;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
            byte[] bytes) {
        if (loader == null || className == null || redefined != null || transforming.get() != null
                || loader == ClassLoader.getPlatformClassLoader() || isExcluded(className)
                || (isolaneLocation != null && isolaneLocation.equals(location(domain)))) {
            return null;
        }
        transforming.set(Boolean.TRUE);
        try {
            return seesHooks(loader) ? instrument(bytes, loader) : null;
        } catch (Throwable e) {
            // Straight to the worker's log: System.err may be a test's captured stream on this thread.
            WORKER_LOG.println("isolane: not tracking state accesses in " + className + ": " + e);
            return null;
        } finally {
            transforming.remove();
        }
    }

    static boolean isExcluded(String internalName) {
        return EXCLUDED.contains(internalName);
    }

    private boolean seesHooks(ClassLoader loader) {
        return seesHooks.computeIfAbsent(loader, l -> {
            try {
                return Class.forName(StaticsHook.class.getName(), false, l) == StaticsHook.class;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }

    private static String location(ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        return source == null || source.getLocation() == null ? null : source.getLocation().toString();
    }

    byte[] instrument(byte[] bytes, ClassLoader loader) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        FillSites fillSites = new FillSites();
        reader.accept(fillSites, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        Instrumenter instrumenter = new Instrumenter(writer, loader, fillSites);
        reader.accept(instrumenter, 0);
        return instrumenter.changed ? writer.toByteArray() : null;
    }

    /** A reference type other than a string or a boxed primitive, whose object may change in place. */
    static boolean mayChangeInPlace(String descriptor) {
        return (descriptor.startsWith("L") || descriptor.startsWith("[")) && !IMMUTABLE_TYPES.contains(descriptor);
    }

    /** Rewrites one class. ClassReader visits fields before methods, so the class's own fields are known. */
    private final class Instrumenter extends ClassVisitor {
        private final ClassLoader loader;
        private final FillSites fillSites;
        private final Set<String> ownConstantFields = new HashSet<>();
        /** The class's own {@code static final}, non-synthetic fields whose object may change in place. */
        private final Set<String> ownWatchedFields = new HashSet<>();
        private String className;
        boolean changed;

        Instrumenter(ClassVisitor next, ClassLoader loader, FillSites fillSites) {
            super(Opcodes.ASM9, next);
            this.loader = loader;
            this.fillSites = fillSites;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            className = name;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if ((access & Opcodes.ACC_STATIC) != 0
                    && (access & (Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC)) != 0) {
                ownConstantFields.add(name);
                if ((access & Opcodes.ACC_SYNTHETIC) == 0 && mayChangeInPlace(descriptor)) {
                    ownWatchedFields.add(name);
                }
            }
            return super.visitField(access, name, descriptor, signature, value);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            return new MethodRewriter(next, name.equals("<clinit>"), fillSites.of(name + descriptor));
        }

        /**
         * Also spots lazy initialization: a PUTSTATIC of a field the method has null-checked
         * ({@code if (cache == null) cache = ...}) calls {@link StaticsHook#initialize} instead of write.
         */
        private final class MethodRewriter extends MethodVisitor {
            private final boolean classInitializer;
            private final Set<String> filledFields;
            private final Set<String> nullChecked = new HashSet<>();
            private String lastGetStatic;

            MethodRewriter(MethodVisitor next, boolean classInitializer, Set<String> filledFields) {
                super(Opcodes.ASM9, next);
                this.classInitializer = classInitializer;
                this.filledFields = filledFields;
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                rewriteFieldInsn(opcode, owner, name, descriptor);
                lastGetStatic = opcode == Opcodes.GETSTATIC ? owner + '.' + name : null;
            }

            private void rewriteFieldInsn(int opcode, String owner, String name, String descriptor) {
                if (opcode == Opcodes.GETSTATIC && owner.equals("java/lang/System")) {
                    String hook = switch (name) {
                        case "out" -> "readsOut";
                        case "err" -> "readsErr";
                        case "in" -> "readsIn";
                        default -> null;
                    };
                    if (hook != null) {
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, GlobalCalls.HOOK_OWNER, hook, "()V", false);
                        changed = true;
                    }
                } else if (statics && opcode == Opcodes.GETSTATIC && mayChangeInPlace(descriptor)
                        && isTarget(owner, name, opcode)) {
                    // After the read, with the value on the stack: the class's object is fingerprinted as it read it.
                    super.visitFieldInsn(opcode, owner, name, descriptor);
                    super.visitInsn(Opcodes.DUP);
                    super.visitLdcInsn(FieldRegistry.idOf(owner, name, loader));
                    String hook = filledFields.contains(owner + '.' + name) ? "fillValue" : "readValue";
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, STATICS_HOOK, hook, "(Ljava/lang/Object;I)V", false);
                    changed = true;
                    return;
                } else if (statics && (opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC)
                        && isTarget(owner, name, opcode)) {
                    super.visitLdcInsn(FieldRegistry.idOf(owner, name, loader));
                    String hook = opcode == Opcodes.GETSTATIC ? "read"
                            : nullChecked.contains(owner + '.' + name) ? "initialize" : "write";
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, STATICS_HOOK, hook, "(I)V", false);
                    changed = true;
                }
                super.visitFieldInsn(opcode, owner, name, descriptor);
            }

            private boolean isTarget(String owner, String name, int opcode) {
                if (isExcluded(owner)) {
                    return false;
                }
                if (owner.equals(className)) {
                    // Constants are targets only for changes in place, outside the class initializer that fills them;
                    // a class initializer's own writes set up, not change, state.
                    if (ownConstantFields.contains(name)) {
                        return ownWatchedFields.contains(name) && opcode == Opcodes.GETSTATIC && !classInitializer;
                    }
                    return !(classInitializer && opcode == Opcodes.PUTSTATIC);
                }
                return true;
            }

            @Override
            public void visitJumpInsn(int opcode, Label label) {
                if ((opcode == Opcodes.IFNULL || opcode == Opcodes.IFNONNULL) && lastGetStatic != null) {
                    nullChecked.add(lastGetStatic);
                }
                lastGetStatic = null;
                super.visitJumpInsn(opcode, label);
            }

            @Override
            public void visitInsn(int opcode) {
                lastGetStatic = null;
                super.visitInsn(opcode);
            }

            @Override
            public void visitVarInsn(int opcode, int varIndex) {
                lastGetStatic = null;
                super.visitVarInsn(opcode, varIndex);
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                lastGetStatic = null;
                super.visitTypeInsn(opcode, type);
            }

            @Override
            public void visitIntInsn(int opcode, int operand) {
                lastGetStatic = null;
                super.visitIntInsn(opcode, operand);
            }

            @Override
            public void visitLdcInsn(Object value) {
                lastGetStatic = null;
                super.visitLdcInsn(value);
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                    boolean isInterface) {
                lastGetStatic = null;
                String hook = opcode == Opcodes.INVOKESTATIC ? GlobalCalls.hookFor(owner, name, descriptor) : null;
                if (hook != null) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, GlobalCalls.HOOK_OWNER, hook, descriptor, false);
                    changed = true;
                } else {
                    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                }
            }
        }
    }
}
