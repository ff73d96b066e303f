package dev.isolane.junit.engine;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;

/** A class that runs in a forked JVM of its own: the top-level node of its mirrored subtree. */
final class ForkedClassDescriptor extends MirrorDescriptor {

    private final String className;
    private final int discoveredLeaves;

    private ForkedClassDescriptor(MirrorDescriptor copy, String className) {
        super(copy.getUniqueId(), copy.originalId(), copy.getDisplayName(), copy.getSource().orElse(null),
                copy.getType(), copy.getLegacyReportingName(), copy.mayRegisterTests(), copy.getTags());
        this.className = className;
        List.copyOf(copy.getChildren()).forEach(child -> {
            copy.removeChild(child);
            addChild(child);
        });
        this.discoveredLeaves = leaves(this).size();
    }

    static ForkedClassDescriptor copyOf(TestDescriptor classNode, String className, UniqueId engineId) {
        return new ForkedClassDescriptor(MirrorDescriptor.copyOf(classNode, engineId), className);
    }

    String className() {
        return className;
    }

    /**
     * The real unique ids the fork must run: the class itself when every node discovered is still selected, else the
     * leaves that filters (a method selector, a tag filter) left in the tree.
     */
    List<String> selection() {
        List<TestDescriptor> leaves = leaves(this);
        if (leaves.size() == discoveredLeaves) {
            return List.of(originalId().toString());
        }
        return leaves.stream().map(leaf -> ((MirrorDescriptor) leaf).originalId().toString()).toList();
    }

    private static List<TestDescriptor> leaves(TestDescriptor node) {
        List<TestDescriptor> leaves = new ArrayList<>();
        node.accept(each -> {
            if (each != node && each.getChildren().isEmpty()) {
                leaves.add(each);
            }
        });
        return leaves;
    }
}
