package cn.hardshiprelief.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two nodes keep uploads in one shared directory ({@code hardship.storage.dir}, docs/operations.md): the database
 * row names a file by its key only, so whichever node serves the page must find it. Storage keeps no state of its
 * own besides the directory; these two instances stand for two nodes pointed at the same path.
 */
class SharedUploadDirectoryTest {

    @TempDir
    Path shared;

    private EvidenceStorage node(Path dir) {
        return new EvidenceStorage(new StorageProperties(dir, DataSize.ofMegabytes(1)));
    }

    @Test
    void aFileStoredThroughOneNodeIsReadAndDeletedThroughTheOther() throws Exception {
        EvidenceStorage nodeA = node(shared);
        EvidenceStorage nodeB = node(shared);
        byte[] pdf = "%PDF-1.4\n% evidence\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        StoredFile stored = nodeA.store(new MockMultipartFile("file", "证明.pdf", "application/pdf", pdf));

        try (InputStream read = nodeB.open(stored.key())) {
            assertThat(read.readAllBytes()).isEqualTo(pdf);
        }
        String copy = nodeB.copy(stored.key());
        try (InputStream read = nodeA.open(copy)) {
            assertThat(read.readAllBytes()).isEqualTo(pdf);
        }
        nodeB.deleteAfterCommit(stored.key());
        assertThatThrownBy(() -> nodeA.open(stored.key()).close()).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void aNodeWithItsOwnDirectoryDoesNotSeeTheOthersFiles() throws Exception {
        EvidenceStorage nodeA = node(shared.resolve("a"));
        EvidenceStorage nodeB = node(shared.resolve("b"));
        StoredFile stored = nodeA.store(new MockMultipartFile("file", "x.pdf", "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));

        assertThat(Files.exists(shared.resolve("a").resolve(stored.key().substring(0, 2)).resolve(stored.key()))).isTrue();
        assertThatThrownBy(() -> nodeB.open(stored.key()).close()).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
