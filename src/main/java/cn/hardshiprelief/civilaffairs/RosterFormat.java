package cn.hardshiprelief.civilaffairs;

import java.util.Arrays;
import java.util.Locale;

/** The two kinds of roster file accepted: an Excel workbook (.xlsx) or CSV. */
public enum RosterFormat {

    XLSX, CSV;

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    /**
     * Recognises a file by its first bytes, and by its name only where the content cannot tell (CSV is plain text).
     * @throws RosterFileRejectedException for a legacy or encrypted Excel file, a damaged .xlsx, or another type
     */
    static RosterFormat of(String fileName, byte[] head) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (startsWith(head, ZIP)) {
            return XLSX;
        }
        if (startsWith(head, OLE2)) {
            // Excel 97-2003 files, and .xlsx files saved with a password, are OLE2 containers
            throw new RosterFileRejectedException("civilaffairs.upload.legacyExcel", fileName);
        }
        if (name.endsWith(".xlsx")) {
            throw new RosterFileRejectedException("civilaffairs.upload.brokenXlsx", fileName);
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        throw new RosterFileRejectedException("civilaffairs.upload.wrongType", fileName);
    }

    String suffix() {
        return "." + name().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
