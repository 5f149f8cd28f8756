package cn.hardshiprelief.household;

import cn.hardshiprelief.vocabulary.HouseholdFileId;
import cn.hardshiprelief.enrollment.ActiveFiles;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.shared.BusinessException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

/** Puts a household on the register (建档立卡) and answers which active files hold whom. */
@Service
@Transactional
public class HouseholdFiling implements ActiveFiles {

    private final HouseholdFileRepository files;
    private final FileEventRepository history;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public HouseholdFiling(HouseholdFileRepository files, FileEventRepository history,
                           Directory directory, ApplicationEventPublisher events, Clock clock) {
        this.files = files;
        this.history = history;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> fileNumbersHolding(Collection<String> idNumberHashes) {
        return idNumberHashes.isEmpty() ? List.of()
                : files.findActiveHolding(idNumberHashes).stream().map(HouseholdFile::getFileNumber).sorted().toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> fileNumbersHeadedBy(String username) {
        return files.findActiveHeadedBy(username).stream().map(HouseholdFile::getFileNumber).sorted().toList();
    }

    /**
     * Files the household of an approved application; idempotent, so a retried process step files once. The
     * request carries what filing needs; the application itself is enrollment's, and the process step that files
     * records the outcome there ({@code ReviewRecorder.recordFiled}).
     */
    public HouseholdFile file(FilingRequest application, String pairedCadre) {
        var existing = files.findByApplicationId(application.applicationId().value());
        if (existing.isPresent()) {
            return existing.get();
        }
        List<String> holding = fileNumbersHolding(application.memberIdNumberHashes());
        if (!holding.isEmpty()) {
            throw new BusinessException("application.alreadyFiled", String.join("、", holding));
        }
        String cadre = pairedCadre;
        if (cadre == null && application.company() != null) {
            cadre = directory.unionStaffOfCompany(application.company().getId()).stream().findFirst()
                    .map(u -> u.getUsername()).orElse(null);
        }
        HouseholdFile file = HouseholdFile.of(application, directory.displayName(application.headUsername()),
                cadre, clock.instant());
        try {
            files.saveAndFlush(file);
        } catch (DataIntegrityViolationException e) {
            // another filing of one of these people committed meanwhile: the unique keys refused ours
            throw new BusinessException("application.filedMeanwhile");
        }
        history.save(new FileEvent(file.getId(), FileEvent.Kind.FILED, null, FileStatus.ACTIVE, null, "system", "系统",
                clock.instant()).withTiers(null, file.getTier()));
        events.publishEvent(new HouseholdFiled(application.applicationId(), HouseholdFileId.required(file.getId()),
                file.getFileNumber()));
        return file;
    }
}
