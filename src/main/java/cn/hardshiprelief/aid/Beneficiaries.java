package cn.hardshiprelief.aid;

import cn.hardshiprelief.vocabulary.HouseholdFileId;
import cn.hardshiprelief.household.FileStatus;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.household.HouseholdFileRepository;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.AppUser;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds who a grant is for, and whether the actor may ask for it: the caseworkers of the household's own
 * union (the branch union, or the company's union for a company's workers) and of its county union, or the
 * worker themselves for the kinds a worker may ask for.
 */
@Component
public class Beneficiaries {

    private static final List<FileStatus> OPEN = Arrays.stream(FileStatus.values())
            .filter(FileStatus::holdsHousehold).toList();

    private final HouseholdFileRepository files;
    private final Directory directory;

    public Beneficiaries(HouseholdFileRepository files, Directory directory) {
        this.files = files;
        this.directory = directory;
    }

    public Beneficiary ofFile(HouseholdFileId fileId) {
        HouseholdFile file = files.findById(fileId.value()).orElseThrow(() -> new NotFoundException("household.notFound"));
        OrgUnit granting = grantingUnion(file.getUnit(), file.getBranchUnion());
        List<Beneficiary.Member> members = file.getMembers().stream()
                .map(m -> new Beneficiary.Member(m.getId(), m.getName(), m.getRelation(), m.getSchooling(),
                        m.getIdNumberHash())).toList();
        return new Beneficiary(file.getId(), file.isOpen(), file.getHeadName(), file.getHeadUsername(), file.getUnit(),
                granting, file.getCountyUnion(), file.getTier().name(), file.getSecondaryCauses(), file.getRegionCode(),
                members, file.getPayeeAccount(), file.getPayeeBank());
    }

    /** The worker's own household on the register, the latest filed if there were several. */
    public Optional<Beneficiary> ownOpenFile(String username) {
        return files.findAll((root, query, cb) -> cb.and(cb.equal(root.get("headUsername"), username),
                        root.get("status").in(OPEN)), PageRequest.of(0, 1, Sort.by(Sort.Direction.DESC, "filedAt")))
                .stream().findFirst().map(file -> ofFile(HouseholdFileId.required(file.getId())));
    }

    /** A worker whose household is not on file: emergency aid only. */
    public Beneficiary ofWorker(String username) {
        AppUser user = directory.user(username).orElseThrow(() -> new BusinessException("aid.unknownWorker", username));
        if (user.getGroups().stream().noneMatch(g -> g.getRole() == Role.WORKER)) {
            throw new BusinessException("aid.unknownWorker", username);
        }
        OrgUnit unit = user.getOrgUnit();
        OrgUnit granting = grantingUnion(unit, unit.branchUnion());
        return new Beneficiary(null, false, user.getDisplayName(), username, unit, granting, unit.countyUnion(),
                Beneficiary.NO_TIER, Set.of(), null, List.of(), null, null);
    }

    /** The bank details of a household's latest cash grant are where its campaign aid goes too. */
    public void rememberPayee(Long fileId, String account, String bank) {
        if (fileId != null && account != null && bank != null) {
            files.findById(fileId).ifPresent(file -> file.changePayee(account, bank));
        }
    }

    /**
     * Records where a household's aid is paid (发放账户): its caseworkers, or the worker themselves. Campaigns
     * pay to it; a cash grant request records the account it gives.
     */
    @Transactional
    public void changePayee(Actor actor, Long fileId, String account, String bank) {
        Beneficiary beneficiary = ofFile(HouseholdFileId.required(fileId));
        if (!isCaseworkerFor(actor, beneficiary) && !actor.username().equals(beneficiary.username())) {
            throw new ForbiddenException("aid.forbidden");
        }
        if (account == null || !account.strip().matches("[0-9]{12,30}") || bank == null || bank.isBlank()
                || bank.strip().length() > 100) {
            throw new BusinessException("aid.payeeAccount.pattern");
        }
        files.findById(fileId).orElseThrow().changePayee(account.strip(), bank.strip());
    }

    /** The actor may request this kind for this beneficiary, or is told why not. */
    public void checkMayRequest(Actor actor, Beneficiary beneficiary, AidKind kind) {
        if (isCaseworkerFor(actor, beneficiary)) {
            return;
        }
        if (actor.username().equals(beneficiary.username()) && actor.has(Role.WORKER)) {
            if (!kind.workerMayRequest()) {
                throw new ForbiddenException("aid.workerMayNotRequest");
            }
            return;
        }
        throw new ForbiddenException("aid.forbidden");
    }

    public boolean isCaseworkerFor(Actor actor, Beneficiary beneficiary) {
        return actor.has(Role.BRANCH_UNION) && beneficiary.grantingUnion().getId().equals(actor.orgUnitId())
                || actor.has(Role.COUNTY_UNION) && beneficiary.countyUnion() != null
                && beneficiary.countyUnion().getId().equals(actor.orgUnitId());
    }

    private OrgUnit grantingUnion(OrgUnit unit, OrgUnit branchUnion) {
        if (branchUnion != null) {
            return branchUnion;
        }
        OrgUnit company = unit.company();
        if (company != null) {
            return directory.companyUnion(company.getId()).orElseThrow(
                    () -> new BusinessException("aid.noUnion", unit.getName()));
        }
        throw new BusinessException("aid.noUnion", unit.getName());
    }
}
