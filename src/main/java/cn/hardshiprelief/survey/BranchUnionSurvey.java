package cn.hardshiprelief.survey;

import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.shared.ConflictException;
import jakarta.persistence.*;

import java.time.Instant;

/** One branch union's part of a year's survey: its survey task and who submitted it, when. */
@Entity
@Table(name = "annual_survey_branch_union")
public class BranchUnionSurvey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "survey_id")
    private Survey survey;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "branch_union_id")
    private OrgUnit branchUnion;

    /** The completed {@code surveyBranchUnion} task. */
    @Column(name = "task_id")
    private String taskId;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Version
    private int version;

    protected BranchUnionSurvey() {
    }

    BranchUnionSurvey(Survey survey, OrgUnit branchUnion) {
        this.survey = survey;
        this.branchUnion = branchUnion;
    }

    /** The branch union's staff confirm their survey is done; once only. */
    void submit(String taskId, String username, Instant now) {
        if (submittedAt != null) {
            throw new ConflictException("survey.alreadySubmitted", branchUnion.getName());
        }
        this.taskId = taskId;
        this.submittedBy = username;
        this.submittedAt = now;
    }

    public boolean isSubmitted() {
        return submittedAt != null;
    }

    public Long getId() { return id; }
    public Survey getSurvey() { return survey; }
    public OrgUnit getBranchUnion() { return branchUnion; }
    public String getTaskId() { return taskId; }
    public String getSubmittedBy() { return submittedBy; }
    public Instant getSubmittedAt() { return submittedAt; }
}
