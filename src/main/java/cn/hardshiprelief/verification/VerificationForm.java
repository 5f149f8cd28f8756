package cn.hardshiprelief.verification;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The 三查一访 page's form. Completeness is checked when the task is completed, not on saving. */
public class VerificationForm {

    private CheckResult incomeResult;
    @Size(max = 1000, message = "{verification.notes.size}")
    private String incomeNotes;
    private CheckResult propertyResult;
    @Size(max = 1000, message = "{verification.notes.size}")
    private String propertyNotes;
    private CheckResult familyResult;
    @Size(max = 1000, message = "{verification.notes.size}")
    private String familyNotes;
    @PastOrPresent(message = "{verification.visitDate.future}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate visitDate;
    @Size(max = 200, message = "{verification.visitors.size}")
    private String visitors;
    @Size(max = 2000, message = "{verification.findings.size}")
    private String visitFindings;
    private List<MultipartFile> visitFiles = new ArrayList<>();
    /** Files chosen on an earlier, refused request of this form, already stored (PendingUploads): their ids. */
    @Size(max = 40)
    private List<Long> keptUploads = new ArrayList<>();

    static VerificationForm of(HouseholdVerification v) {
        VerificationForm f = new VerificationForm();
        f.incomeResult = v.getIncomeResult();
        f.incomeNotes = v.getIncomeNotes();
        f.propertyResult = v.getPropertyResult();
        f.propertyNotes = v.getPropertyNotes();
        f.familyResult = v.getFamilyResult();
        f.familyNotes = v.getFamilyNotes();
        f.visitDate = v.getVisitDate();
        f.visitors = v.getVisitors();
        f.visitFindings = v.getVisitFindings();
        return f;
    }

    List<MultipartFile> uploads() {
        return visitFiles == null ? List.of() : visitFiles.stream()
                .filter(f -> f != null && f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()).toList();
    }

    public CheckResult getIncomeResult() { return incomeResult; }
    public void setIncomeResult(CheckResult v) { this.incomeResult = v; }
    public String getIncomeNotes() { return incomeNotes; }
    public void setIncomeNotes(String v) { this.incomeNotes = v; }
    public CheckResult getPropertyResult() { return propertyResult; }
    public void setPropertyResult(CheckResult v) { this.propertyResult = v; }
    public String getPropertyNotes() { return propertyNotes; }
    public void setPropertyNotes(String v) { this.propertyNotes = v; }
    public CheckResult getFamilyResult() { return familyResult; }
    public void setFamilyResult(CheckResult v) { this.familyResult = v; }
    public String getFamilyNotes() { return familyNotes; }
    public void setFamilyNotes(String v) { this.familyNotes = v; }
    public LocalDate getVisitDate() { return visitDate; }
    public void setVisitDate(LocalDate v) { this.visitDate = v; }
    public String getVisitors() { return visitors; }
    public void setVisitors(String v) { this.visitors = v; }
    public String getVisitFindings() { return visitFindings; }
    public void setVisitFindings(String v) { this.visitFindings = v; }
    public List<MultipartFile> getVisitFiles() { return visitFiles; }
    public void setVisitFiles(List<MultipartFile> v) { this.visitFiles = v; }
    public List<Long> getKeptUploads() { return keptUploads; }
    public void setKeptUploads(List<Long> v) { this.keptUploads = v == null ? new ArrayList<>() : v; }

    /** Forgets this request's files once they are kept as pending uploads (their ids join keptUploads). */
    void keptAs(List<Long> ids) {
        ids.stream().filter(id -> !keptUploads.contains(id)).forEach(keptUploads::add);
        visitFiles = new ArrayList<>();
    }
}
