package cn.hardshiprelief.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/** Where uploads go and how big one may be ({@code hardship.storage.*}). */
@ConfigurationProperties("hardship.storage")
public record StorageProperties(Path dir, DataSize maxFileSize) {

    public StorageProperties {
        if (dir == null) {
            dir = Path.of("data", "uploads");
        }
        if (maxFileSize == null) {
            maxFileSize = DataSize.ofMegabytes(10);
        }
    }
}
