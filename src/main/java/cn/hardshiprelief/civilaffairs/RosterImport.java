package cn.hardshiprelief.civilaffairs;

import cn.hardshiprelief.organization.Actor;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One upload of the civil-affairs roster and what became of it: who, when, which file, how far it got (rows read,
 * rows that passed the checks, rows written) and, if refused, the problems found. State changes are the methods
 * below; each checks the current state.
 */
@Entity
@Table(name = "civil_affairs_import")
public class RosterImport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(name = "file_format", nullable = false)
    private RosterFormat format;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "uploaded_by_name", nullable = false)
    private String uploadedByName;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** Last sign of life of a running import: a running import not heard of for long was interrupted. */
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RosterImportState state;

    @Column(name = "rows_read", nullable = false)
    private int rowsRead;

    /** Rows that passed every check so far. */
    @Column(name = "rows_checked", nullable = false)
    private int rowsChecked;

    @Column(name = "rows_written", nullable = false)
    private int rowsWritten;

    /** All problems found; only the first {@value RosterFile#MAX_PROBLEMS_KEPT} are kept in {@link #problems}. */
    @Column(name = "problem_count", nullable = false)
    private int problemCount;

    /** Message key saying why a FAILED import failed. */
    private String failure;

    @ElementCollection
    @CollectionTable(name = "civil_affairs_import_problem", joinColumns = @JoinColumn(name = "import_id"))
    @OrderColumn(name = "ordinal")
    private List<RosterProblem> problems = new ArrayList<>();

    protected RosterImport() {
    }

    private RosterImport(String fileName, RosterFormat format, Actor uploader, Instant now) {
        this.fileName = fileName;
        this.format = format;
        this.uploadedBy = uploader.username();
        this.uploadedByName = uploader.displayName();
        this.uploadedAt = now;
        this.updatedAt = now;
        this.state = RosterImportState.QUEUED;
    }

    static RosterImport queued(String fileName, RosterFormat format, Actor uploader, Instant now) {
        return new RosterImport(fileName, format, uploader, now);
    }

    void startChecking(Instant now) {
        expect(EnumSet.of(RosterImportState.QUEUED));
        state = RosterImportState.CHECKING;
        startedAt = now;
        updatedAt = now;
    }

    void checked(int rowsRead, int rowsValid, int problemCount, Instant now) {
        expect(EnumSet.of(RosterImportState.CHECKING));
        this.rowsRead = rowsRead;
        this.rowsChecked = rowsValid;
        this.problemCount = problemCount;
        updatedAt = now;
    }

    /** Every line passed: the roster is about to be replaced. */
    void startWriting(Instant now) {
        expect(EnumSet.of(RosterImportState.CHECKING));
        if (problemCount > 0) {
            throw new IllegalStateException("Import " + id + " has " + problemCount + " problems and cannot be written");
        }
        state = RosterImportState.WRITING;
        updatedAt = now;
    }

    void written(int rows, Instant now) {
        expect(EnumSet.of(RosterImportState.WRITING));
        rowsWritten = rows;
        updatedAt = now;
    }

    /** The roster now holds this file's rows (called in the transaction that replaced it). */
    void succeed(int rows, Instant now) {
        expect(EnumSet.of(RosterImportState.WRITING));
        rowsWritten = rows;
        state = RosterImportState.SUCCEEDED;
        finishedAt = now;
        updatedAt = now;
    }

    /** Some line is wrong: nothing was written; the report lists the problems. */
    void reject(List<RosterProblem> kept, int total, Instant now) {
        expect(EnumSet.of(RosterImportState.QUEUED, RosterImportState.CHECKING));
        if (kept.isEmpty() || total < kept.size()) {
            throw new IllegalArgumentException("A rejection needs its problems");
        }
        problems.clear();
        problems.addAll(kept);
        problemCount = total;
        state = RosterImportState.REJECTED;
        finishedAt = now;
        updatedAt = now;
    }

    /** Something not the file's fault broke the import, or the application stopped meanwhile. */
    void fail(String reasonKey, Instant now) {
        expect(EnumSet.of(RosterImportState.QUEUED, RosterImportState.CHECKING, RosterImportState.WRITING));
        failure = reasonKey;
        state = RosterImportState.FAILED;
        finishedAt = now;
        updatedAt = now;
    }

    private void expect(Set<RosterImportState> allowed) {
        if (!allowed.contains(state)) {
            throw new IllegalStateException("Import " + id + " is " + state + ", expected one of " + allowed);
        }
    }

    public boolean isRunning() {
        return state.isRunning();
    }

    /** Share of rows written while writing, 0-100; null while the total is not known yet. */
    public Integer getPercentWritten() {
        if (state == RosterImportState.SUCCEEDED) {
            return 100;
        }
        if (state != RosterImportState.WRITING || rowsChecked == 0) {
            return null;
        }
        return (int) (100L * rowsWritten / rowsChecked);
    }

    /** Whether the report lists fewer problems than were found. */
    public boolean isReportCut() {
        return problemCount > problems.size();
    }

    public Long getId() { return id; }
    public String getFileName() { return fileName; }
    public RosterFormat getFormat() { return format; }
    public String getUploadedBy() { return uploadedBy; }
    public String getUploadedByName() { return uploadedByName; }
    public Instant getUploadedAt() { return uploadedAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public RosterImportState getState() { return state; }
    public int getRowsRead() { return rowsRead; }
    public int getRowsChecked() { return rowsChecked; }
    public int getRowsWritten() { return rowsWritten; }
    public int getProblemCount() { return problemCount; }
    public String getFailure() { return failure; }
    public List<RosterProblem> getProblems() { return List.copyOf(problems); }
}
