package cn.hardshiprelief.enrollment;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface EnrollmentApplicationRepository extends JpaRepository<EnrollmentApplication, Long>,
        JpaSpecificationExecutor<EnrollmentApplication> {

    Optional<EnrollmentApplication> findByRequestToken(String requestToken);

    /** One application with the units its pages name. */
    @EntityGraph(attributePaths = {"department", "company", "branchUnion", "countyUnion"})
    @Query("select a from EnrollmentApplication a where a.id = :id")
    Optional<EnrollmentApplication> findForView(Long id);

    @EntityGraph(attributePaths = {"department", "company", "branchUnion", "countyUnion"})
    List<EnrollmentApplication> findByProcessInstanceIdIn(Collection<String> processInstanceIds);

    Optional<EnrollmentApplication> findByProcessInstanceId(String processInstanceId);

    /**
     * The number of the worker's open application as committed by others: read in a transaction of its own,
     * for the refusal after the open key ({@code uk_application_open_key}) refused a second one.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    @Query("select a.applicationNumber from EnrollmentApplication a where a.openKey = :openKey")
    Optional<String> findCommittedOpenApplicationNumber(String openKey);

    List<EnrollmentApplication> findByApplicantUsernameAndStatusInOrderById(String applicantUsername,
                                                                           Collection<ApplicationStatus> statuses);

    @EntityGraph(attributePaths = {"department", "company", "branchUnion", "countyUnion"})
    @Query("select a from EnrollmentApplication a where a.applicantUsername = :username or a.filedByUsername = :username order by a.createdAt desc")
    List<EnrollmentApplication> findMine(String username);

    /** A page of {@link #findMine}, newest first (ids rise with creation), without counting them all. */
    @EntityGraph(attributePaths = {"department", "company", "branchUnion", "countyUnion"})
    @Query("select a from EnrollmentApplication a where a.applicantUsername = :username or a.filedByUsername = :username order by a.id desc")
    org.springframework.data.domain.Slice<EnrollmentApplication> findMine(String username,
                                                                            org.springframework.data.domain.Pageable page);

    @EntityGraph(attributePaths = {"members", "department", "company"})
    @Query("select a from EnrollmentApplication a where a.status in (cn.hardshiprelief.enrollment.ApplicationStatus.APPROVED, cn.hardshiprelief.enrollment.ApplicationStatus.IN_NOTICE, cn.hardshiprelief.enrollment.ApplicationStatus.FILED) and a.route = cn.hardshiprelief.enrollment.Route.ENTERPRISE and a.company.id in :companyIds order by a.concludedAt desc")
    List<EnrollmentApplication> findConfirmed(Collection<Long> companyIds);

    @EntityGraph(attributePaths = {"members", "department", "company"})
    @Query("select a from EnrollmentApplication a where a.status in (cn.hardshiprelief.enrollment.ApplicationStatus.APPROVED, cn.hardshiprelief.enrollment.ApplicationStatus.IN_NOTICE, cn.hardshiprelief.enrollment.ApplicationStatus.FILED) and a.route = cn.hardshiprelief.enrollment.Route.ENTERPRISE order by a.concludedAt desc")
    List<EnrollmentApplication> findAllConfirmed();
}
