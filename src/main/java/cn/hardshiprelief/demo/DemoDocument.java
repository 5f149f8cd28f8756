package cn.hardshiprelief.demo;

import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** A one-page placeholder PDF uploaded as a demo household's evidence (证明材料). */
record DemoDocument(String field, String originalFilename) implements MultipartFile {

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Override
    public String getName() {
        return field;
    }

    @Override
    public String getOriginalFilename() {
        return originalFilename;
    }

    @Override
    public String getContentType() {
        return "application/pdf";
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public long getSize() {
        return PDF.length;
    }

    @Override
    public byte[] getBytes() {
        return PDF.clone();
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(PDF);
    }

    @Override
    public void transferTo(File dest) throws IOException {
        Files.write(dest.toPath(), PDF);
    }
}
