package cn.hardshiprelief.civilaffairs;

import java.time.Instant;

/** The roster as it stands: how many entries, from which import, replaced when (nulls before the first import). */
public record RosterSnapshot(int entryCount, Long importId, Instant replacedAt) {

    public boolean isEmpty() {
        return importId == null;
    }
}
