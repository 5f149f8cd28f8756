package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.storage.EvidenceStorage;
import org.springframework.stereotype.Component;

/**
 * What a relapse needs beyond a normal submission: the previous application, the one-household rule (a
 * relapse opens an application like any other) and the storage its evidence is copied in.
 */
@Component
public record RelapseSupport(ReviewRecorder recorder, OneHouseholdPerWorker oneHousehold, EvidenceStorage storage) {
}
