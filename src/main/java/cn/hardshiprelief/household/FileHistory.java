package cn.hardshiprelief.household;

import cn.hardshiprelief.vocabulary.Tier;
import cn.hardshiprelief.organization.Directory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** A file's history (档案记录): who did what to it and when, the system's own words as message codes. */
@Component
class FileHistory {

    private static final String SYSTEM = "system";

    private final FileEventRepository events;
    private final Directory directory;
    private final Clock clock;

    FileHistory(FileEventRepository events, Directory directory, Clock clock) {
        this.events = events;
        this.directory = directory;
        this.clock = clock;
    }

    List<FileEvent> of(Long fileId) {
        return events.findByFileIdOrderByOccurredAtDescIdDesc(fileId);
    }

    void record(HouseholdFile file, FileEvent.Kind kind, FileStatus from, FileStatus to, String detail, String actor) {
        events.save(event(file, kind, from, to, detail, actor));
    }

    /** An event with the system's words as a message code and arguments, rendered in the reader's language. */
    void record(HouseholdFile file, FileEvent.Kind kind, FileStatus from, FileStatus to, String detail, String actor,
                String code, String... args) {
        events.save(event(file, kind, from, to, detail, actor).saying(code, args));
    }

    /**
     * @param reasonCode the message code of the classification rule that decided (labelled per reader), or null; the
     *                   decision table's own words are kept with it for a reader whose language has no label
     */
    void reclassified(HouseholdFile file, Tier from, String reasonCode, String reason) {
        FileEvent event = event(file, FileEvent.Kind.RECLASSIFIED, null, null, null, SYSTEM).withTiers(from, file.getTier());
        events.save(reasonCode == null ? event.saying("history.reclassified", reason) : event.saying(reasonCode, reason));
    }

    private FileEvent event(HouseholdFile file, FileEvent.Kind kind, FileStatus from, FileStatus to, String detail,
                            String actor) {
        return new FileEvent(file.getId(), kind, from, to, detail, actor,
                SYSTEM.equals(actor) ? "系统" : directory.displayName(actor), clock.instant());
    }
}
