package cn.hardshiprelief.diagram;

import java.time.Instant;

/**
 * A user task of the case as the engine's history keeps it: which step, who holds or held it (a username, null
 * while unclaimed), when it opened and when it ended (null while open).
 */
public record MapStep(String elementId, String name, String assignee, Instant started, Instant ended) {

    public boolean open() {
        return ended == null;
    }
}
