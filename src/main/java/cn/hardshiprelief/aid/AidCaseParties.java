package cn.hardshiprelief.aid;

import cn.hardshiprelief.task.CaseParties;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Who requested a grant and who receives it: neither approves it. */
@Component
class AidCaseParties implements CaseParties {

    private final AidGrantRepository grants;

    AidCaseParties(AidGrantRepository grants) {
        this.grants = grants;
    }

    @Override
    public String processId() {
        return AidProcess.PROCESS_ID;
    }

    @Override
    public Map<String, Set<String>> of(String businessKey) {
        return grants.findById(Long.valueOf(businessKey)).map(grant -> {
            Map<String, Set<String>> parties = new HashMap<>();
            parties.put(REQUESTER, Set.of(grant.getRequestedBy()));
            if (grant.getBeneficiaryUsername() != null) {
                parties.put(RECIPIENT, Set.of(grant.getBeneficiaryUsername()));
            }
            return Map.copyOf(parties);
        }).orElse(Map.of());
    }
}
