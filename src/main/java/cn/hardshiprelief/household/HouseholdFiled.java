package cn.hardshiprelief.household;

import cn.hardshiprelief.vocabulary.HouseholdFileId;
import cn.hardshiprelief.vocabulary.ApplicationId;
/** Published when a household is filed, in the filing transaction (the public notice closes on it). */
public record HouseholdFiled(ApplicationId applicationId, HouseholdFileId fileId, String fileNumber) {
}
