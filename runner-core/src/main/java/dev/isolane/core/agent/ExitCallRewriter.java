package dev.isolane.core.agent;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites every call of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in one class into a call
 * of {@link ExitTrap}: direct calls, method references ({@code System::exit}) and method-handle constants. Each
 * replacement takes the same operands off the stack and returns void, so stack sizes and frames stay as they were.
 */
final class ExitCallRewriter {

    private static final String TRAP = ExitTrap.class.getName().replace('.', '/');
    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String STATUS_ONLY = "(I)V";
    private static final String WITH_RUNTIME = "(Ljava/lang/Runtime;I)V";

    private ExitCallRewriter() {}

    /** The rewritten class, or null when it calls none of them. */
    static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new CallSites(super.visitMethod(access, name, descriptor, signature, exceptions), changed);
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : null;
    }

    /** The trap method standing in for a call, or null when the call is not an exit. */
    static String trapFor(String owner, String name, String descriptor) {
        if (!descriptor.equals(STATUS_ONLY)) {
            return null;
        }
        if (owner.equals(SYSTEM) && name.equals("exit")) {
            return "systemExit";
        }
        if (owner.equals(RUNTIME) && name.equals("exit")) {
            return "runtimeExit";
        }
        if (owner.equals(RUNTIME) && name.equals("halt")) {
            return "runtimeHalt";
        }
        return null;
    }

    private static final class CallSites extends MethodVisitor {
        private final boolean[] changed;

        CallSites(MethodVisitor next, boolean[] changed) {
            super(Opcodes.ASM9, next);
            this.changed = changed;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String trap = trapFor(owner, name, descriptor);
            boolean matches = trap != null && (opcode == Opcodes.INVOKESTATIC) == owner.equals(SYSTEM);
            if (matches) {
                changed[0] = true;
                super.visitMethodInsn(Opcodes.INVOKESTATIC, TRAP, trap,
                        owner.equals(SYSTEM) ? STATUS_ONLY : WITH_RUNTIME, false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] rewritten = arguments.clone();
            for (int i = 0; i < rewritten.length; i++) {
                rewritten[i] = replace(rewritten[i]);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, rewritten);
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(replace(value));
        }

        /** A handle to an exit method becomes a handle to its trap, which has the same type as the call site. */
        private Object replace(Object constant) {
            if (!(constant instanceof Handle handle)) {
                return constant;
            }
            String trap = trapFor(handle.getOwner(), handle.getName(), handle.getDesc());
            boolean matches = trap != null
                    && (handle.getTag() == Opcodes.H_INVOKESTATIC) == handle.getOwner().equals(SYSTEM);
            if (!matches) {
                return constant;
            }
            changed[0] = true;
            return new Handle(Opcodes.H_INVOKESTATIC, TRAP, trap,
                    handle.getOwner().equals(SYSTEM) ? STATUS_ONLY : WITH_RUNTIME, false);
        }
    }
}
