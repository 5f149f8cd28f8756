package cn.hardshiprelief.enrollment.api;

import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.Tier;
import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.vocabulary.Relation;
import cn.hardshiprelief.vocabulary.HealthStatus;
import cn.hardshiprelief.vocabulary.DisabilityGrade;
import cn.hardshiprelief.vocabulary.EmploymentStatus;
import cn.hardshiprelief.vocabulary.HousingType;

import cn.hardshiprelief.enrollment.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** An application as the API shows it: identity numbers masked, evidence as metadata, the whole timeline. */
public record ApplicationResponse(Long id, String applicationNumber, ApplicationStatus status, Route route,
                                  String applicant, String applicantName, String filedBy, String company,
                                  String department, String branchUnion, Tier tier, String classificationReason,
                                  HousingType housingType, BigDecimal housingArea, HardshipCause primaryCause,
                                  Set<HardshipCause> secondaryCauses, String account, BigDecimal householdIncome,
                                  BigDecimal perCapitaIncome, String returnReason, String rejectionReason,
                                  Instant createdAt, Instant submittedAt, Instant concludedAt,
                                  List<Member> members, List<Document> evidence, List<Event> timeline) {

    public record Member(String name, Relation relation, String idNumberMasked, LocalDate birthDate,
                         HealthStatus health, DisabilityGrade disability, EmploymentStatus employment,
                         SchoolingStage schooling, BigDecimal monthlyIncome) {
    }

    public record Document(Long id, EvidenceType type, String name, String contentType, long size, String sha256) {
    }

    public record Event(String step, EventOutcome outcome, String actor, String actorName, String comment,
                       Instant at) {
    }

    static ApplicationResponse of(EnrollmentApplication a, String applicantName) {
        return new ApplicationResponse(a.getId(), a.getApplicationNumber(), a.getStatus(), a.getRoute(),
                a.getApplicantUsername(), applicantName, a.getFiledByUsername(),
                a.getCompany() == null ? null : a.getCompany().getName(), a.getDepartment().getName(),
                a.getBranchUnion() == null ? null : a.getBranchUnion().getName(), a.getTier(),
                a.getClassificationReason(),
                a.getHousingType(), a.getHousingArea(), a.getPrimaryCause(), a.getSecondaryCauses(), a.getAccount(),
                a.getHouseholdIncome(), a.getPerCapitaIncome(), a.getReturnReason(), a.getRejectionReason(),
                a.getCreatedAt(), a.getSubmittedAt(), a.getConcludedAt(),
                a.getMembers().stream().map(m -> new Member(m.getName(), m.getRelation(), m.getIdNumberMasked(),
                        m.getBirthDate(), m.getHealth(), m.getDisability(), m.getEmployment(), m.getSchooling(),
                        m.getMonthlyIncome())).toList(),
                a.getEvidence().stream().map(e -> new Document(e.getId(), e.getType(), e.getOriginalName(),
                        e.getContentType(), e.getSizeBytes(), e.getSha256())).toList(),
                a.getEvents().stream().map(e -> new Event(e.getStep(), e.getOutcome(), e.getActorUsername(),
                        e.getActorName(), e.getComment(), e.getOccurredAt())).toList());
    }
}
