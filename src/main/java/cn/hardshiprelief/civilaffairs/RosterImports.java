package cn.hardshiprelief.civilaffairs;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/**
 * Importing the civil-affairs roster, for branch-union and county-union staff and administrators: upload a file,
 * follow its import, see the history. The upload returns at once; the import runs on the import thread.
 */
@Service
public class RosterImports {

    /** A running import that has not reported progress for this long was interrupted (the application stopped). */
    static final Duration SILENCE_BEFORE_INTERRUPTED = Duration.ofMinutes(10);

    static final int HISTORY_SIZE = 50;

    private final RosterImportRepository imports;
    private final RosterImporter importer;
    private final TaskExecutor executor;
    private final CivilAffairsRoster roster;
    private final Clock clock;

    public RosterImports(RosterImportRepository imports, RosterImporter importer,
                         @Qualifier(CivilAffairsConfig.IMPORT_EXECUTOR) TaskExecutor executor,
                         CivilAffairsRoster roster, Clock clock) {
        this.imports = imports;
        this.importer = importer;
        this.executor = executor;
        this.roster = roster;
        this.clock = clock;
    }

    /** Whether the actor may import the roster and see imports. */
    public static boolean mayImport(Actor actor) {
        return actor.has(Role.BRANCH_UNION) || actor.has(Role.COUNTY_UNION) || actor.isAdmin();
    }

    /**
     * Keeps the uploaded file in a temporary file and queues its import.
     * @return the id of the import, to follow its progress
     * @throws ForbiddenException if the actor may not import
     * @throws RosterFileRejectedException if there is no file, it is empty, or neither .xlsx nor CSV
     */
    public Long start(Actor actor, String fileName, InputStream content) throws IOException {
        checkAccess(actor);
        String name = baseName(fileName);
        Path file = Files.createTempFile("roster-import-", ".upload");
        try {
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            if (name.isEmpty() && Files.size(file) == 0) {
                throw new RosterFileRejectedException("civilaffairs.upload.noFile");
            }
            if (Files.size(file) == 0) {
                throw new RosterFileRejectedException("civilaffairs.upload.empty", name);
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(8);
            }
            RosterFormat format = RosterFormat.of(name, head);
            RosterImport queued = imports.save(RosterImport.queued(abbreviated(name), format, actor, clock.instant()));
            executor.execute(() -> importer.run(queued.getId(), file, format));
            return queued.getId();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The most recent imports, newest first. Imports left running by a stopped application are marked failed. */
    @Transactional
    public List<RosterImport> history(Actor actor) {
        checkAccess(actor);
        Instant now = clock.instant();
        imports.findByStateInAndUpdatedAtBefore(EnumSet.of(RosterImportState.QUEUED, RosterImportState.CHECKING,
                RosterImportState.WRITING), now.minus(SILENCE_BEFORE_INTERRUPTED))
                .forEach(i -> i.fail("civilaffairs.failure.interrupted", now));
        return imports.findByOrderByUploadedAtDescIdDesc(Limit.of(HISTORY_SIZE));
    }

    /** One import with its progress or its report. */
    @Transactional(readOnly = true)
    public RosterImport view(Actor actor, Long id) {
        checkAccess(actor);
        RosterImport rosterImport = imports.findById(id)
                .orElseThrow(() -> new NotFoundException("civilaffairs.import.notFound", id));
        rosterImport.getProblems();
        return rosterImport;
    }

    /** How the roster stands now. */
    public RosterSnapshot currentRoster(Actor actor) {
        checkAccess(actor);
        return roster.snapshot();
    }

    private static void checkAccess(Actor actor) {
        if (!mayImport(actor)) {
            throw new ForbiddenException("civilaffairs.forbidden");
        }
    }

    /** The file's own name: some browsers send the whole path from the user's machine. */
    private static String baseName(String fileName) {
        if (fileName == null) {
            return "";
        }
        return fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).strip();
    }

    private static String abbreviated(String name) {
        return name.length() <= 255 ? name : name.substring(0, 200) + "…" + name.substring(name.length() - 50);
    }
}
