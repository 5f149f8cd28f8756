package cn.hardshiprelief.notice;

import cn.hardshiprelief.vocabulary.ApplicationId;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.Tier;
import java.time.Duration;
import java.util.Set;

/**
 * What a public notice (公示) shows of a classified application, handed over by the process step that starts
 * it; the application itself stays enrollment's.
 */
public record NoticeRequest(ApplicationId applicationId, OrgUnit unit, String headName, String headIdNumberMasked, Tier tier,
                            Set<HardshipCause> causes, Duration period) {

    public NoticeRequest {
        causes = Set.copyOf(causes);
    }
}
