package dev.isolane.junit.engine;

import java.util.Set;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * A node of a forked class as this JVM shows it: a copy of what the real engine discovered (or registered in the
 * fork), under the Isolane engine. Its unique id is the Isolane engine's followed by the real one, so a rerun by
 * unique id finds it again, and {@link #originalId()} is what the fork is asked to run.
 */
class MirrorDescriptor extends AbstractTestDescriptor {

    private final UniqueId originalId;
    private final Type type;
    private final String legacyReportingName;
    private final boolean mayRegisterTests;
    private final Set<TestTag> tags;

    MirrorDescriptor(UniqueId uniqueId, UniqueId originalId, String displayName, TestSource source, Type type,
            String legacyReportingName, boolean mayRegisterTests, Set<TestTag> tags) {
        super(uniqueId, displayName, source);
        this.originalId = originalId;
        this.type = type;
        this.legacyReportingName = legacyReportingName;
        this.mayRegisterTests = mayRegisterTests;
        this.tags = Set.copyOf(tags);
    }

    /** Copy a discovered node and its subtree, under {@code parentId}'s engine. */
    static MirrorDescriptor copyOf(TestDescriptor original, UniqueId engineId) {
        MirrorDescriptor copy = new MirrorDescriptor(mirrorId(engineId, original.getUniqueId()),
                original.getUniqueId(), original.getDisplayName(), original.getSource().orElse(null),
                original.getType(), original.getLegacyReportingName(), original.mayRegisterTests(),
                original.getTags());
        for (TestDescriptor child : original.getChildren()) {
            copy.addChild(copyOf(child, engineId));
        }
        return copy;
    }

    /** The Isolane engine's id followed by every segment of the real one. */
    static UniqueId mirrorId(UniqueId engineId, UniqueId originalId) {
        UniqueId id = engineId;
        for (UniqueId.Segment segment : originalId.getSegments()) {
            id = id.append(segment);
        }
        return id;
    }

    UniqueId originalId() {
        return originalId;
    }

    @Override
    public Type getType() {
        return type;
    }

    @Override
    public String getLegacyReportingName() {
        return legacyReportingName;
    }

    @Override
    public boolean mayRegisterTests() {
        return mayRegisterTests;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }
}
