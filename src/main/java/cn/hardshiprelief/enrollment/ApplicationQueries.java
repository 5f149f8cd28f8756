package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.AppUser;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import org.hibernate.Hibernate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Set;

/** Reading applications, always through the access rules. */
@Service
@Transactional(readOnly = true)
public class ApplicationQueries {

    /** The staff list shows 50 a page; a page number beyond any list (typed in the address) shows an empty page. */
    static final int PAGE_SIZE = 50;
    private static final int LAST_PAGE = 1_000_000;

    private static final Set<Role> CONFIRMED_LIST_ROLES = Set.of(Role.DIRECTOR, Role.HR, Role.GENERAL_OFFICE,
            Role.BRANCH_UNION, Role.ADMIN);

    private final EnrollmentApplicationRepository applications;
    private final ApplicationEventRepository events;
    private final ApplicationAccess access;
    private final Directory directory;

    public ApplicationQueries(EnrollmentApplicationRepository applications, ApplicationEventRepository events,
                              ApplicationAccess access, Directory directory) {
        this.applications = applications;
        this.events = events;
        this.access = access;
        this.directory = directory;
    }

    /**
     * One application with everything its pages show, loaded here: pages render after the
     * transaction (no open session in view). The units come from a fetch graph: an application
     * loaded earlier in the transaction may otherwise hold its branch union as the uninitialised
     * proxy of its department's parent, whatever the eager mapping says.
     */
    public EnrollmentApplication view(Actor actor, Long id) {
        EnrollmentApplication application = applications.findForView(id)
                .orElseThrow(() -> new NotFoundException("application.notFound", id));
        access.checkView(actor, application);
        Hibernate.initialize(application.getDepartment());
        Hibernate.initialize(application.getCompany());
        application.getMembers().size();
        application.getEvidence().size();
        application.getEvents().size();
        return application;
    }

    public EnrollmentApplication editable(Actor actor, Long id) {
        EnrollmentApplication application = view(actor, id);
        access.checkEdit(actor, application);
        return application;
    }

    /** A draft its author may delete, for the confirmation page (403 for anyone else, 409 once submitted). */
    public EnrollmentApplication deletable(Actor actor, Long id) {
        EnrollmentApplication application = editable(actor, id);
        application.discard();
        return application;
    }

    public ApplicationForm formOf(Actor actor, Long id) {
        return ApplicationForm.of(editable(actor, id));
    }

    public Evidence evidence(Actor actor, Long applicationId, Long evidenceId) {
        return view(actor, applicationId).getEvidence().stream().filter(e -> e.getId().equals(evidenceId))
                .findFirst().orElseThrow(() -> new NotFoundException("evidence.notFound"));
    }

    /** "My applications": those I applied for or filed for someone. */
    public List<EnrollmentApplication> mine(Actor actor) {
        return applications.findMine(actor.username());
    }

    /** The actor's own application (applied for or filed) sent with this request token, if one was saved. */
    public java.util.Optional<EnrollmentApplication> byRequestToken(Actor actor, String token) {
        return applications.findByRequestToken(token).filter(a -> actor.username().equals(a.getApplicantUsername())
                || actor.username().equals(a.getFiledByUsername()));
    }

    /** A page of "my applications", newest first, for the API; there is no total, only whether more follow. */
    public org.springframework.data.domain.Slice<EnrollmentApplication> mine(Actor actor, int page, int size) {
        return applications.findMine(actor.username(), PageRequest.of(Math.min(page, LAST_PAGE), size));
    }

    /**
     * The staff's list (申请一览): applications of their reach ({@link ApplicationReach}, the same as
     * {@link ApplicationAccess#canView}), by default those in progress, newest first, a page at a time.
     * Every query names an indexed column (the reach's unit, the status, or the number). Anyone without
     * a staff role gets 403.
     */
    public Page<ApplicationLine> inReach(Actor actor, ApplicationListFilter filter, int page) {
        ApplicationReach reach = access.reachOf(actor);
        if (reach.isEmpty()) {
            throw new ForbiddenException("applications.staffOnly");
        }
        Set<ApplicationStatus> statuses = filter.statuses();
        Specification<EnrollmentApplication> query = reach.asQuery()
                .and((root, q, cb) -> root.get("status").in(statuses));
        String number = filter.exactNumber();
        if (number != null) {
            query = query.and((root, q, cb) -> cb.equal(root.get("applicationNumber"), number));
        }
        Page<EnrollmentApplication> found = applications.findAll(query,
                PageRequest.of(Math.min(Math.max(0, page), LAST_PAGE), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "id")));
        var names = directory.displayNames(found.getContent().stream().map(EnrollmentApplication::getApplicantUsername)
                .collect(java.util.stream.Collectors.toSet()));
        return found.map(a -> new ApplicationLine(a.getId(), a.getApplicationNumber(), names.get(a.getApplicantUsername()),
                a.getDepartment().getName(), a.getRoute(), a.getStatus(), a.getCreatedAt(), a.getSubmittedAt(),
                a.getConcludedAt()));
    }

    /** The confirmed list (确认困难职工清单) of the actor's company; all companies for administrators. */
    public List<EnrollmentApplication> confirmed(Actor actor) {
        if (actor.isAdmin()) {
            return applications.findAllConfirmed();
        }
        if (actor.companyId() == null || actor.roles().stream().noneMatch(CONFIRMED_LIST_ROLES::contains)) {
            throw new ForbiddenException("confirmed.forbidden");
        }
        return applications.findConfirmed(List.of(actor.companyId()));
    }

    /** The done list (已办). */
    public List<EnrollmentApplication> byProcessInstances(List<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? List.of() : applications.findByProcessInstanceIdIn(processInstanceIds);
    }

    /** Workers the actor may file for: themself if a worker, the company's workers for its branch-union staff. */
    public List<AppUser> applicantsFor(Actor actor) {
        if (actor.has(Role.BRANCH_UNION)) {
            return actor.companyId() != null ? directory.workersOfCompany(actor.companyId())
                    : directory.workersUnderBranchUnion(actor.orgUnitId());
        }
        return directory.user(actor.username()).filter(u -> actor.has(Role.WORKER)).map(List::of).orElse(List.of());
    }

    public String displayName(String username) {
        return directory.displayName(username);
    }
}
