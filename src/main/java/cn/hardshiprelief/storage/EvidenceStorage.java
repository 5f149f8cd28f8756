package cn.hardshiprelief.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Writes uploads to a directory under random keys. Files written inside a transaction that rolls
 * back are deleted again, so a refused submission leaves nothing behind; deletions wait for the
 * commit, so a failed one loses nothing.
 */
@Component
public class EvidenceStorage {

    private static final Logger log = LoggerFactory.getLogger(EvidenceStorage.class);

    private final StorageProperties properties;

    public EvidenceStorage(StorageProperties properties) {
        this.properties = properties;
    }

    /** Checks size and type without writing anything. */
    public UploadType check(MultipartFile file) {
        if (file.isEmpty()) {
            throw new UploadRejectedException("upload.empty", file.getOriginalFilename());
        }
        if (file.getSize() > properties.maxFileSize().toBytes()) {
            throw new UploadRejectedException("upload.tooLarge", file.getOriginalFilename(),
                    properties.maxFileSize().toMegabytes());
        }
        try (InputStream in = file.getInputStream()) {
            return UploadType.sniff(in.readNBytes(8))
                    .orElseThrow(() -> new UploadRejectedException("upload.wrongType", file.getOriginalFilename()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public StoredFile store(MultipartFile file) {
        UploadType type = check(file);
        String key = UUID.randomUUID().toString();
        Path target = pathOf(key);
        try {
            Files.createDirectories(target.getParent());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(file.getInputStream(), sha)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            deleteOnRollback(key);
            return new StoredFile(key, safeName(file.getOriginalFilename()), type, Files.size(target),
                    HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores the bytes of a stored file again under a new key (deleted again if the transaction rolls back),
     * so that two records never share one file and deleting one never takes the other's.
     */
    public String copy(String key) {
        String copy = UUID.randomUUID().toString();
        Path target = pathOf(copy);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(pathOf(key), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deleteOnRollback(copy);
        return copy;
    }

    public InputStream open(String key) throws IOException {
        return Files.newInputStream(pathOf(key));
    }

    /** Deletes after the surrounding transaction commits (at once when there is none). */
    public void deleteAfterCommit(String key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delete(key);
                }
            });
        } else {
            delete(key);
        }
    }

    private void deleteOnRollback(String key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        delete(key);
                    }
                }
            });
        }
    }

    private void delete(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            log.warn("Could not delete stored file {}", key, e);
        }
    }

    private Path pathOf(String key) {
        if (!key.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("Not a storage key");
        }
        return properties.dir().resolve(key.substring(0, 2)).resolve(key);
    }

    private static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "upload";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
