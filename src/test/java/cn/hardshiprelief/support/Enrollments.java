package cn.hardshiprelief.support;

import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.vocabulary.Relation;
import cn.hardshiprelief.vocabulary.EmploymentStatus;
import cn.hardshiprelief.vocabulary.HousingType;

import cn.hardshiprelief.enrollment.*;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.Tasks;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test steps in the words of the domain: a worker applies, a reviewer decides. Uses the real services. */
@Component
public class Enrollments {

    public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final EnrollmentService enrollment;
    private final ReviewService reviews;
    private final Directory directory;
    private final Tasks tasks;
    private final ApplicationQueries queries;
    private final EarlierStories earlierStories;

    public Enrollments(EnrollmentService enrollment, ReviewService reviews, Directory directory, Tasks tasks,
                       ApplicationQueries queries, EarlierStories earlierStories) {
        this.earlierStories = earlierStories;
        this.enrollment = enrollment;
        this.reviews = reviews;
        this.directory = directory;
        this.tasks = tasks;
        this.queries = queries;
    }

    /** A complete application of a two-person household with a low income and a hardship certificate. */
    public static ApplicationForm completeForm(String selfName) {
        ApplicationForm form = new ApplicationForm();
        form.setRequestToken(UUID.randomUUID().toString());
        form.setHireDate(LocalDate.of(2015, 3, 1));
        form.setHousingType(HousingType.RENTED);
        form.setPrimaryCause(HardshipCause.LOW_INCOME);
        form.setAccount("爱人失业，孩子上学，收入难以维持生活。");
        List<MemberForm> members = new ArrayList<>();
        members.add(member(selfName, Relation.SELF, LocalDate.of(1978, 5, 12), "1800.00"));
        members.add(member("张小明", Relation.CHILD, LocalDate.of(2010, 9, 1), "0"));
        form.setMembers(members);
        form.setHardshipCertificateFiles(List.of(pdf("证明.pdf")));
        return form;
    }

    public static MemberForm member(String name, Relation relation, LocalDate born, String income) {
        MemberForm m = new MemberForm();
        m.setName(name);
        m.setRelation(relation);
        m.setIdNumber(TestIdNumbers.born(born));
        m.setBirthDate(born);
        m.setEmployment(relation == Relation.CHILD ? EmploymentStatus.STUDENT : EmploymentStatus.EMPLOYED);
        m.setSchooling(relation == Relation.CHILD ? SchoolingStage.JUNIOR_MIDDLE : SchoolingStage.NONE);
        m.setMonthlyIncome(new BigDecimal(income));
        return m;
    }

    /** The smallest PNG: one transparent pixel. */
    public static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static MockMultipartFile png(String field, String name) {
        return new MockMultipartFile(field, name, "image/png", PNG);
    }

    public static MockMultipartFile pdf(String name) {
        return new MockMultipartFile("hardshipCertificateFiles", name, "application/pdf", PDF);
    }

    /**
     * The worker applies for themself; returns the submitted application. What earlier stories of
     * the shared context left the worker is closed first (see {@link EarlierStories}); within one
     * test a worker still has one household.
     */
    public EnrollmentApplication submittedBy(String worker) {
        return submittedBy(worker, completeForm(directory.displayName(worker)));
    }

    /** The worker submits this form for themself, free of earlier stories' households as above. */
    public EnrollmentApplication submittedBy(String worker, ApplicationForm form) {
        earlierStories.closeHouseholdsOf(worker);
        return enrollment.submit(directory.actor(worker), null, form);
    }

    public String openTaskId(Long applicationId) {
        EnrollmentApplication application = queries.view(directory.actor("admin"), applicationId);
        List<OpenTask> open = tasks.openTasksOf(application.getProcessInstanceId());
        if (open.size() != 1) {
            throw new IllegalStateException("Expected one open task, found " + open);
        }
        return open.get(0).id();
    }

    public String openStep(Long applicationId) {
        EnrollmentApplication application = queries.view(directory.actor("admin"), applicationId);
        return tasks.openTasksOf(application.getProcessInstanceId()).stream().map(OpenTask::stepId).findFirst()
                .orElse(null);
    }

    public EnrollmentApplication decide(String reviewer, Long applicationId, String decision, String comment) {
        return reviews.decide(directory.actor(reviewer), openTaskId(applicationId), decision, comment);
    }

    public EnrollmentApplication decideObjection(String countyStaff, Long applicationId, String outcome, String comment) {
        return reviews.decideObjection(directory.actor(countyStaff), openTaskId(applicationId), outcome, comment);
    }

    /** The applicant's own identity number, in clear (decrypted from the application), for search tests. */
    public String plainIdNumberOfHead(Long applicationId) {
        return reload(applicationId).getMembers().stream().filter(m -> m.getRelation() == Relation.SELF).findFirst()
                .orElseThrow().details().idNumber();
    }

    public EnrollmentApplication reload(Long applicationId) {
        return queries.view(directory.actor("admin"), applicationId);
    }

    public EnrollmentApplication resubmit(String filer, Long applicationId, String note) {
        EnrollmentApplication application = reload(applicationId);
        ApplicationForm form = queries.formOf(directory.actor(filer), applicationId);
        form.setAccount(application.getAccount() + "（已补充说明）");
        return enrollment.resubmit(directory.actor(filer), applicationId, form, note);
    }
}
