package dev.isolane.core.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One node of a JUnit Platform test plan, as far as a peer needs it to show the node: what a test tree shows and what
 * Surefire-like reports key on. Used for nodes a forked JVM registers while it runs (parameterized invocations,
 * dynamic tests), which the launching JVM never discovered.
 *
 * @param uniqueId            the node's JUnit unique id
 * @param parentId            the unique id of its parent
 * @param displayName         the name JUnit shows
 * @param legacyReportingName the name legacy reports (Surefire's XML) use
 * @param type                {@code CONTAINER}, {@code TEST} or {@code CONTAINER_AND_TEST}
 * @param source              where the node comes from, or null
 * @param tags                its tags
 */
@API(status = INTERNAL, since = "0.1")
public record NodeInfo(String uniqueId, String parentId, String displayName, String legacyReportingName, String type,
        SourceInfo source, List<String> tags) {

    public NodeInfo {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(type, "type");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
