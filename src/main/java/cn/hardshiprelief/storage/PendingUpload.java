package cn.hardshiprelief.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A file chosen on a form that was shown again (a validation error, a member added without script): already in
 * storage, waiting for the form's owner to save it, so that nobody chooses it twice. Shown as 已上传：name (移除).
 */
@Entity
@Table(name = "pending_upload")
public class PendingUpload {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_username", nullable = false)
    private String ownerUsername;

    @Column(name = "form_token", nullable = false)
    private String formToken;

    /** The form's file field it was chosen in (e.g. hardshipCertificateFiles): the kind of document. */
    @Column(nullable = false)
    private String field;

    @Column(name = "original_name", nullable = false)
    private String originalName;

    @Enumerated(EnumType.STRING)
    @Column(name = "upload_type", nullable = false)
    private UploadType type;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "storage_key", nullable = false, unique = true)
    private String storageKey;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected PendingUpload() {
    }

    PendingUpload(String ownerUsername, String formToken, String field, StoredFile file, Instant uploadedAt) {
        this.ownerUsername = ownerUsername;
        this.formToken = formToken;
        this.field = field;
        this.originalName = file.originalName();
        this.type = file.type();
        this.sizeBytes = file.size();
        this.sha256 = file.sha256();
        this.storageKey = file.key();
        this.uploadedAt = uploadedAt;
    }

    boolean belongsTo(String owner, String token) {
        return ownerUsername.equals(owner) && formToken.equals(token);
    }

    /** The stored file as evidence takes it over. */
    public StoredFile file() {
        return new StoredFile(storageKey, originalName, type, sizeBytes, sha256);
    }

    public Long getId() { return id; }
    public String getField() { return field; }
    public String getOriginalName() { return originalName; }
    public long getSizeBytes() { return sizeBytes; }
    public String getStorageKey() { return storageKey; }
    public Instant getUploadedAt() { return uploadedAt; }
}
