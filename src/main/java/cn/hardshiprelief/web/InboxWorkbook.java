package cn.hardshiprelief.web;

import cn.hardshiprelief.task.InboxEntry;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The inbox as a spreadsheet, in the reader's language: one row a task, times in Beijing time. */
final class InboxWorkbook {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final List<String> HEADERS = List.of("tasks.export.step", "tasks.export.reference",
            "tasks.export.subject", "tasks.export.unit", "tasks.createdAt", "workbench.due", "workbench.overdue");

    private InboxWorkbook() {
    }

    static byte[] write(List<InboxEntry> rows, Map<String, Instant> dues, Instant now, MessageSource messages,
                        Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "HardshipRelief", "1.0")) {
            Worksheet sheet = workbook.newWorksheet(messages.getMessage("tasks.inbox.title", null, locale));
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.value(0, c, messages.getMessage(HEADERS.get(c), null, locale));
                sheet.style(0, c).bold().set();
                sheet.width(c, c == 2 ? 12 : 18);
            }
            int r = 1;
            for (InboxEntry e : rows) {
                Instant due = dues.get(e.taskId());
                sheet.value(r, 0, messages.getMessage("step." + e.stepId(), null, e.stepId(), locale));
                sheet.value(r, 1, e.reference());
                sheet.value(r, 2, e.subject());
                sheet.value(r, 3, e.unit());
                sheet.value(r, 4, TIME.format(e.created()));
                sheet.value(r, 5, due == null ? "" : TIME.format(due));
                sheet.value(r, 6, due != null && due.isBefore(now) ? messages.getMessage("common.yes", null, locale) : "");
                r++;
            }
            sheet.freezePane(0, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
