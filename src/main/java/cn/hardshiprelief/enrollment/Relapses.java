package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.storage.EvidenceStorage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 返困: a household that left the register falls back into hardship. Its new application is opened under the
 * same one-household rule as any other, pre-filled from the last one with copies of its evidence.
 */
@Service
@Transactional
public class Relapses {

    private final ReviewRecorder recorder;
    private final OneHouseholdPerWorker oneHousehold;
    private final EvidenceStorage storage;
    private final EnrollmentProcess process;
    private final Directory directory;
    private final Clock clock;

    public Relapses(ReviewRecorder recorder, OneHouseholdPerWorker oneHousehold, EvidenceStorage storage,
                    EnrollmentProcess process, Directory directory, Clock clock) {
        this.recorder = recorder;
        this.oneHousehold = oneHousehold;
        this.storage = storage;
        this.process = process;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * 返困快速通道: an exited household fell back. A new application, pre-filled from the last one with
     * copies of its evidence, goes straight to the branch union's 三查一访 (no department steps).
     * Started by the process; the caller asks {@link #householdOf} first, as one household per worker
     * holds for relapses too.
     */
    public EnrollmentApplication reopenAsRelapse(Long previousApplicationId, OrgUnit branchUnion, String cadre,
                                                 String reason) {
        EnrollmentApplication previous = recorder.application(previousApplicationId);
        oneHousehold.requireNoOtherHousehold(previous.getApplicantUsername(), null);
        List<HouseholdMember> members = previous.getMembers().stream()
                .map(m -> new HouseholdMember(m.details(), m.getIdNumberHash(), m.getIdNumberMasked())).toList();
        List<Evidence> evidence = previous.getEvidence().stream()
                .map(e -> e.copiedAs(storage.copy(e.getStorageKey()))).toList();
        EnrollmentApplication relapse = EnrollmentApplication.relapseOf(previous, members, evidence, branchUnion,
                UUID.randomUUID().toString(), cadre, directory.displayName(cadre), reason, clock.instant());
        relapse = oneHousehold.saveOpened(relapse);
        relapse.numberAs(clock.instant());
        relapse.startedAs(process.start(relapse));
        return relapse;
    }

    /**
     * The open application or the active file (its number) that keeps the worker from another household
     * (一户一档), if any. A relapse fast path asks before it opens one, so that a worker who has already
     * applied again, or whose household is back on file, does not get a second household.
     */
    @Transactional(readOnly = true)
    public Optional<String> householdOf(String worker) {
        return oneHousehold.otherHousehold(worker, null).map(refusal -> String.valueOf(refusal.getArgs()[0]));
    }

}
