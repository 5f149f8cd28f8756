package cn.hardshiprelief.disbursement;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** A workbook as an attachment, never cached: ledgers name people, batch files carry their accounts. */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> of(XlsxFile file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(XlsxFile.CONTENT_TYPE))
                .body(file.content());
    }
}
