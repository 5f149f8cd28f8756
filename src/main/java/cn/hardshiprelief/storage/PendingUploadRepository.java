package cn.hardshiprelief.storage;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.List;

interface PendingUploadRepository extends JpaRepository<PendingUpload, Long> {

    List<PendingUpload> findByUploadedAtBefore(Instant cutoff);
}
