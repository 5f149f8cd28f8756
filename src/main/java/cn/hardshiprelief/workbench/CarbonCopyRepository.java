package cn.hardshiprelief.workbench;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface CarbonCopyRepository extends JpaRepository<CarbonCopy, Long> {

    /** A person's copies, newest first, a page at a time (index ix_carbon_copy_recipient). */
    Slice<CarbonCopy> findByRecipientUsernameOrderBySentAtDescIdDesc(String recipientUsername, Pageable page);

    /** One case's copy to one person (unique uk_carbon_copy_case_recipient). */
    Optional<CarbonCopy> findByProcessIdAndBusinessKeyAndRecipientUsername(String processId, String businessKey,
                                                                         String recipientUsername);
}
