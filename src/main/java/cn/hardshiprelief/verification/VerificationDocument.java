package cn.hardshiprelief.verification;

import jakarta.persistence.*;

import java.time.Instant;

/** A photo or document of the home visit; bytes in evidence storage. */
@Entity
@Table(name = "verification_document")
public class VerificationDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "verification_id")
    private HouseholdVerification verification;

    @Column(name = "original_name", nullable = false)
    private String originalName;
    @Column(name = "content_type", nullable = false)
    private String contentType;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(nullable = false)
    private String sha256;
    @Column(name = "storage_key", nullable = false, unique = true)
    private String storageKey;
    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected VerificationDocument() {
    }

    VerificationDocument(HouseholdVerification verification, String originalName, String contentType, long sizeBytes,
                         String sha256, String storageKey, String uploadedBy, Instant uploadedAt) {
        this.verification = verification;
        this.originalName = originalName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() { return id; }
    public String getOriginalName() { return originalName; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getStorageKey() { return storageKey; }
}
