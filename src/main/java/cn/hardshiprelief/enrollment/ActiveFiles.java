package cn.hardshiprelief.enrollment;

import java.util.Collection;
import java.util.List;

/**
 * Which active household files already hold some of these people (by identity-number blind index).
 * Implemented by the household feature; enrollment asks before an application enters review, so
 * nobody is filed twice (no 一户多档 / 一人多档).
 */
public interface ActiveFiles {
    List<String> fileNumbersHolding(Collection<String> idNumberHashes);

    /** Active household files whose head is this worker account (一户一档: one per worker). */
    List<String> fileNumbersHeadedBy(String username);
}
