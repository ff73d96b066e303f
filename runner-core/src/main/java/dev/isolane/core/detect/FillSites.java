package dev.isolane.core.detect;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds, in one class, the methods that fill a static map on a miss, the way a lazily filled cache does: a method
 * that calls {@code computeIfAbsent} on the field, or calls {@code get} on it and also {@code put} or
 * {@code putIfAbsent}. A class whose only change to such a map was to add entries through these methods filled a
 * cache that any class would have filled the same way.
 *
 * <p>The receiver of a call is taken to be the static field read last before it in the method: no data flow, a
 * heuristic that holds for {@code CACHE.computeIfAbsent(key, ...)} and {@code CACHE.get(key)} written as such.
 * {@code containsKey} before {@code put} does not count: a registry refusing duplicates is written that way too.
 */
final class FillSites extends ClassVisitor {

    /** Method name and descriptor to the fields ({@code owner.name}, internal owner name) it fills on a miss. */
    private final Map<String, Set<String>> byMethod = new HashMap<>();

    FillSites() {
        super(Opcodes.ASM9);
    }

    /** The fields the method ({@code name + descriptor}) fills on a miss; empty when none. */
    Set<String> of(String method) {
        return byMethod.getOrDefault(method, Set.of());
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9) {
            private final Set<String> computed = new HashSet<>();
            private final Set<String> got = new HashSet<>();
            private final Set<String> put = new HashSet<>();
            private String lastStatic;

            @Override
            public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                if (opcode == Opcodes.GETSTATIC) {
                    lastStatic = StateAccessTransformer.mayChangeInPlace(fieldDescriptor) ? owner + '.' + field : null;
                }
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                    boolean isInterface) {
                if (lastStatic == null || opcode == Opcodes.INVOKESTATIC || !owner.startsWith("java/util/")) {
                    return;
                }
                switch (method) {
                    case "computeIfAbsent" -> computed.add(lastStatic);
                    case "get" -> got.add(lastStatic);
                    case "put", "putIfAbsent" -> put.add(lastStatic);
                    default -> { }
                }
                lastStatic = null;
            }

            @Override
            public void visitEnd() {
                Set<String> fills = new HashSet<>(computed);
                for (String field : got) {
                    if (put.contains(field)) {
                        fills.add(field);
                    }
                }
                if (!fills.isEmpty()) {
                    byMethod.put(name + descriptor, fills);
                }
            }
        };
    }
}
