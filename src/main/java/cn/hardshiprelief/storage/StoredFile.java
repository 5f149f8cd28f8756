package cn.hardshiprelief.storage;

/** A document written to storage: its key, detected type, size and SHA-256. */
public record StoredFile(String key, String originalName, UploadType type, long size, String sha256) {
}
