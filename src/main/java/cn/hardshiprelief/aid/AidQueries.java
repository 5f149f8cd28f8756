package cn.hardshiprelief.aid;

import cn.hardshiprelief.vocabulary.HouseholdFileId;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.workbench.CarbonCopies;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Reading grants within one's reach: the granting union's staff, the county union above it (it approves
 * the larger grants), the recipient, administrators.
 */
@Service
@Transactional(readOnly = true)
public class AidQueries {

    private final AidGrantRepository grants;
    private final AidGrantEventRepository events;
    private final Directory directory;
    private final CarbonCopies carbonCopies;

    public AidQueries(AidGrantRepository grants, AidGrantEventRepository events, Directory directory,
                      CarbonCopies carbonCopies) {
        this.carbonCopies = carbonCopies;
        this.grants = grants;
        this.events = events;
        this.directory = directory;
    }

    /** A person's name as pages show it beside a grant's steps. */
    public String displayName(String username) {
        return username == null ? null : directory.displayName(username);
    }

    public AidGrant grant(Actor actor, Long id) {
        AidGrant grant = grants.findById(id).orElseThrow(() -> new NotFoundException("aid.notFound"));
        if (!mayRead(actor, grant)) {
            // 抄送: someone the grant was copied to reads it (this one only, and only to read)
            if (!carbonCopies.isCopiedTo(actor.username(), AidProcess.PROCESS_ID, String.valueOf(id))) {
                throw new ForbiddenException("aid.forbidden");
            }
        }
        return grant;
    }

    public List<AidGrantEvent> history(AidGrant grant) {
        return events.findByGrantIdOrderByOccurredAtAscIdAsc(grant.getId());
    }

    public Page<AidGrant> list(Actor actor, int page) {
        PageRequest request = PageRequest.of(Math.max(0, page), 50);
        if (actor.isAdmin()) {
            return grants.findAllByOrderByRequestedAtDesc(request);
        }
        if (actor.has(Role.COUNTY_UNION) || actor.has(Role.COUNTY_UNION_CHAIR)) {
            return grants.findByCountyUnionIdOrderByRequestedAtDesc(actor.orgUnitId(), request);
        }
        if (actor.has(Role.BRANCH_UNION)) {
            return grants.findByGrantingUnionIdOrderByRequestedAtDesc(actor.orgUnitId(), request);
        }
        return grants.findByBeneficiaryUsernameOrderByRequestedAtDesc(actor.username(), request);
    }

    /** The grants of a household the caller has already read through the register. */
    public List<AidGrant> ofFile(HouseholdFileId fileId) {
        return grants.findByFileIdOrderByRequestedAtDesc(fileId.value());
    }

    public boolean mayRead(Actor actor, AidGrant grant) {
        return actor.isAdmin()
                || actor.username().equals(grant.getBeneficiaryUsername())
                || actor.has(Role.BRANCH_UNION) && grant.getGrantingUnion().getId().equals(actor.orgUnitId())
                || (actor.has(Role.COUNTY_UNION) || actor.has(Role.COUNTY_UNION_CHAIR))
                && grant.getCountyUnion().getId().equals(actor.orgUnitId());
    }
}
