package cn.hardshiprelief.civilaffairs;

import org.junit.jupiter.api.Test;
import java.nio.file.*;
import java.io.*;
import java.time.LocalDate;
import java.util.List;

class ScratchXlsxTimingTest {
    @Test
    void time() throws Exception {
        Path file = Files.createTempFile("scratch", ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            RosterFiles.writeXlsx(out, sheet -> {
                List<String> header = List.of(RosterFiles.CHINESE_HEADER.split(","));
                for (int c = 0; c < header.size(); c++) sheet.value(0, c, header.get(c));
                for (int n = 0; n < 100000; n++) {
                    int r = n + 1;
                    sheet.value(r, 0, RosterFiles.idNumber(n));
                    sheet.value(r, 1, "张伟");
                    sheet.value(r, 2, "110105");
                    sheet.value(r, 3, "低保");
                    sheet.value(r, 4, 300 + n % 1200 + (n % 4) * 0.25);
                    RosterFiles.cell(sheet, r, 5, LocalDate.of(2020,1,1).plusDays(n % 1500));
                    RosterFiles.cell(sheet, r, 6, null);
                    if (r % 10_000 == 0) sheet.flush();
                }
            });
        }
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            int[] count = {0};
            RosterSource.of(file, RosterFormat.XLSX).read((line, cells) -> count[0]++);
            System.out.println("raw read " + (System.nanoTime() - t) / 1_000_000 + " ms " + count[0]);
            t = System.nanoTime();
            RosterFile.Check c = new RosterFile(RosterSource.of(file, RosterFormat.XLSX)).check((a, b, d) -> {});
            System.out.println("check " + (System.nanoTime() - t) / 1_000_000 + " ms " + c.rowsValid());
            t = System.nanoTime();
            try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(file.toFile());
                 var rows = wb.getFirstSheet().openStream()) {
                System.out.println("plain fastexcel " + rows.count() + " in " + (System.nanoTime() - t) / 1_000_000 + " ms");
            }
            t = System.nanoTime();
            try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(file.toFile(), new org.dhatim.fastexcel.reader.ReadingOptions(true, false));
                 var rows = wb.getFirstSheet().openStream()) {
                System.out.println("fastexcel with formats " + rows.count() + " in " + (System.nanoTime() - t) / 1_000_000 + " ms");
            }
        }
        Files.delete(file);
    }
}
