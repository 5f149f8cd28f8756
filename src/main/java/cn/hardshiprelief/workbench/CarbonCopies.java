package cn.hardshiprelief.workbench;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The copies a person received (抄送我的), and the one right a copy gives: reading that case. A feature's access
 * check asks {@link #isCopiedTo} for its own cases; nothing else is opened by a copy.
 */
@Service
@Transactional(readOnly = true)
public class CarbonCopies {

    public static final int PAGE_SIZE = 20;

    private final CarbonCopyRepository copies;
    private final ObjectProvider<CaseDirectory> directories;
    private volatile Map<String, CaseDirectory> cases;
    private final Clock clock;

    /** The features' directories are read when first needed: their access checks ask this service in turn. */
    CarbonCopies(CarbonCopyRepository copies, ObjectProvider<CaseDirectory> directories, Clock clock) {
        this.copies = copies;
        this.directories = directories;
        this.clock = clock;
    }

    private Map<String, CaseDirectory> cases() {
        if (cases == null) {
            cases = directories.orderedStream().collect(Collectors.toMap(CaseDirectory::processId, Function.identity()));
        }
        return cases;
    }

    /** May this person read the case because it was copied to them. */
    public boolean isCopiedTo(String username, String processId, String businessKey) {
        return copies.findByProcessIdAndBusinessKeyAndRecipientUsername(processId, businessKey, username).isPresent();
    }

    /**
     * The recipient opens a copy from their list: it is read from now on, and they go to the case's page (which
     * lets them in because of the copy). Someone else's copy is not theirs to open.
     */
    @Transactional
    public String open(Actor actor, Long copyId) {
        CarbonCopy copy = copies.findById(copyId).orElseThrow(() -> new NotFoundException("workbench.copyNotFound"));
        if (!copy.getRecipientUsername().equals(actor.username())) {
            throw new ForbiddenException("workbench.copyNotYours");
        }
        copy.markRead(clock.instant());
        return Optional.ofNullable(cases().get(copy.getProcessId())).flatMap(c -> c.describe(copy.getBusinessKey()))
                .map(CaseDirectory.CaseSummary::link)
                .orElseThrow(() -> new NotFoundException("workbench.copyNotFound"));
    }

    /** One page of the copies the person received, newest first, each with what its case is called and where it is. */
    public Slice<CopiedCase> copiedTo(Actor actor, int page) {
        return copies.findByRecipientUsernameOrderBySentAtDescIdDesc(actor.username(),
                PageRequest.of(Math.max(0, page), PAGE_SIZE)).map(copy -> new CopiedCase(copy,
                Optional.ofNullable(cases().get(copy.getProcessId())).flatMap(c -> c.describe(copy.getBusinessKey()))
                        .orElse(null)));
    }

    /** A copy as the list shows it; {@code summary} is null when the case is no longer found. */
    public record CopiedCase(CarbonCopy copy, CaseDirectory.CaseSummary summary) {
    }
}
