package cn.hardshiprelief.enrollment;

import jakarta.persistence.*;

import java.time.Instant;

/** An uploaded document. The bytes live in evidence storage under {@code storageKey}, not in the row. */
@Entity
@Table(name = "evidence")
public class Evidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id")
    private EnrollmentApplication application;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EvidenceType type;

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

    protected Evidence() {
    }

    public Evidence(EvidenceType type, String originalName, String contentType, long sizeBytes, String sha256,
                    String storageKey, String uploadedBy, Instant uploadedAt) {
        this.type = type;
        this.originalName = originalName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    /** The same document stored again under {@code storageKey} (its bytes copied there), for another application. */
    Evidence copiedAs(String storageKey) {
        return new Evidence(type, originalName, contentType, sizeBytes, sha256, storageKey, uploadedBy, uploadedAt);
    }

    void belongTo(EnrollmentApplication application) {
        this.application = application;
    }

    public Long getId() { return id; }
    public EnrollmentApplication getApplication() { return application; }
    public EvidenceType getType() { return type; }
    public String getOriginalName() { return originalName; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public String getStorageKey() { return storageKey; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
}
