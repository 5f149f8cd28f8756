package cn.hardshiprelief.storage;

import java.util.Arrays;
import java.util.Optional;

/**
 * The document types we accept, recognised by their first bytes (not by the name or the
 * browser's content type, which the uploader controls).
 */
public enum UploadType {
    PDF("application/pdf", new byte[]{'%', 'P', 'D', 'F'}),
    JPEG("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'});

    private final String contentType;
    private final byte[] magic;

    UploadType(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<UploadType> sniff(byte[] head) {
        return Arrays.stream(values()).filter(t -> t.matches(head)).findFirst();
    }

    private boolean matches(byte[] head) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
