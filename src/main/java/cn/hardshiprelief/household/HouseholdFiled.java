package cn.hardshiprelief.household;

/** Published when a household is filed, in the filing transaction (the public notice closes on it). */
public record HouseholdFiled(Long applicationId, Long fileId, String fileNumber) {
}
