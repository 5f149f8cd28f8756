package cn.hardshiprelief.disbursement;

/** A workbook to download, with the name it is saved under. */
public record XlsxFile(String fileName, byte[] content) {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
