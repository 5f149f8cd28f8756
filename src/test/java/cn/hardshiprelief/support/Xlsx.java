package cn.hardshiprelief.support;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Workbooks as a bank's software writes them, for the bank-result uploads of the tests. */
public final class Xlsx {

    private Xlsx() {
    }

    /** A workbook of text cells, row by row; blank cells are left out as a bank's software would. */
    public static byte[] of(List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "Bank", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = new ArrayList<>(rows.get(r));
                for (int c = 0; c < row.size(); c++) {
                    if (!row.get(c).isEmpty()) {
                        sheet.value(r, c, row.get(c));
                    }
                }
            }
        }
        return out.toByteArray();
    }
}
