package cn.hardshiprelief.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Uploads kept across a form that is shown again: the files of the refused request go to storage at once, named by
 * the form's token and its owner, and the form carries their ids instead of the files. Saving the form claims them
 * as its documents; the owner may take one off (移除); whatever nobody claims is swept with its file after
 * {@code hardship.storage.pending-ttl} (a day), so no upload is lost on the way and none is left behind for good.
 */
@Service
public class PendingUploads {

    private static final Logger log = LoggerFactory.getLogger(PendingUploads.class);

    private final PendingUploadRepository pending;
    private final EvidenceStorage storage;
    private final Clock clock;
    private final Duration timeToLive;

    public PendingUploads(PendingUploadRepository pending, EvidenceStorage storage, Clock clock,
                          @Value("${hardship.storage.pending-ttl:P1D}") Duration timeToLive) {
        this.pending = pending;
        this.storage = storage;
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    /**
     * Stores the acceptable files of a refused request by field and returns them; a file of the wrong type or size
     * is left out (its field names the problem, and the person chooses another).
     */
    @Transactional
    public List<PendingUpload> keep(String owner, String formToken, Map<String, List<MultipartFile>> filesByField) {
        if (owner == null || formToken == null || formToken.isBlank()) {
            return List.of();
        }
        List<PendingUpload> kept = new ArrayList<>();
        filesByField.forEach((field, files) -> {
            for (MultipartFile file : files) {
                try {
                    storage.check(file);
                } catch (UploadRejectedException e) {
                    continue;
                }
                kept.add(pending.save(new PendingUpload(owner, formToken, field, storage.store(file), clock.instant())));
            }
        });
        return kept;
    }

    /** The uploads of this owner's form among the ids a form sent back; any other id is ignored. */
    @Transactional(readOnly = true)
    public List<PendingUpload> named(String owner, String formToken, Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        return pending.findAllById(ids.stream().filter(Objects::nonNull).distinct().toList()).stream()
                .filter(p -> p.belongsTo(owner, formToken)).sorted(Comparator.comparing(PendingUpload::getId))
                .toList();
    }

    /**
     * Hands the named uploads over to the form being saved: their rows go, their files stay for the documents that
     * now point at them. In the saver's transaction: if the save fails, they stay pending.
     */
    @Transactional
    public List<PendingUpload> claim(String owner, String formToken, Collection<Long> ids) {
        List<PendingUpload> claimed = named(owner, formToken, ids);
        pending.deleteAll(claimed);
        return claimed;
    }

    /** The owner takes an upload off the form (移除): row and file go. */
    @Transactional
    public void discard(String owner, String formToken, Long id) {
        named(owner, formToken, List.of(id)).forEach(p -> {
            pending.delete(p);
            storage.deleteAfterCommit(p.getStorageKey());
        });
    }

    /** Every hour: uploads nobody claimed within their time go, with their files. */
    @Scheduled(fixedDelayString = "${hardship.storage.pending-sweep:PT1H}", initialDelayString = "PT1M")
    @Transactional
    public int sweep() {
        List<PendingUpload> stale = pending.findByUploadedAtBefore(clock.instant().minus(timeToLive));
        pending.deleteAll(stale);
        stale.forEach(p -> storage.deleteAfterCommit(p.getStorageKey()));
        if (!stale.isEmpty()) {
            log.info("{} unclaimed uploads swept", stale.size());
        }
        return stale.size();
    }
}
