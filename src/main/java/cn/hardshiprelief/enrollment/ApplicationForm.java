package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.HousingType;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.*;

/**
 * The enrollment application form (困难职工申请表) as the page and the API send it. Formats are
 * checked always; completeness (members, causes, evidence) when it is submitted.
 */
public class ApplicationForm {

    @Size(max = 64)
    private String requestToken;

    /** For union staff filing on behalf of a worker; ignored when a worker applies for themself. */
    private String applicantUsername;

    /**
     * The applicant's hire date (入职日期). Required to submit on the enterprise route, where the
     * company's own records have it and plan 11 二、4 asks for a year of service; optional on the
     * union route, whose small workplaces and migrant workers often have no formal hiring date and
     * whose rules (plans 4, 9, 10) do not ask for one. See EnrollmentApplication#missingForSubmission.
     */
    @PastOrPresent(message = "{application.hireDate.future}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate hireDate;

    private HousingType housingType;

    @DecimalMin(value = "0.00", message = "{application.housingArea.invalid}")
    @DecimalMax(value = "10000.00", message = "{application.housingArea.invalid}")
    private BigDecimal housingArea;

    @Size(max = 500, message = "{application.housingNote.size}")
    private String housingNote;

    private HardshipCause primaryCause;

    private Set<HardshipCause> secondaryCauses = new TreeSet<>();

    @Size(max = 4000, message = "{application.account.size}")
    private String account;

    /** Self-paid medical costs of the household in the last six months (yuan). */
    @DecimalMin(value = "0.00", message = "{application.costs.invalid}")
    @DecimalMax(value = "10000000.00", message = "{application.costs.invalid}")
    private BigDecimal medicalCostsHalfYear;

    /** One-off costs of illness, disaster or accident in the last twelve months (yuan). */
    @DecimalMin(value = "0.00", message = "{application.costs.invalid}")
    @DecimalMax(value = "10000000.00", message = "{application.costs.invalid}")
    private BigDecimal oneOffCosts;

    @Size(max = 20, message = "{application.members.tooMany}")
    private List<@NotNull(message = "{member.missing}") @Valid MemberForm> members = new ArrayList<>();

    private List<MultipartFile> hardshipCertificateFiles = new ArrayList<>();
    private List<MultipartFile> medicalBillsFiles = new ArrayList<>();
    private List<MultipartFile> disabilityCertificateFiles = new ArrayList<>();
    private List<MultipartFile> otherFiles = new ArrayList<>();

    /** Files chosen on an earlier, refused request of this form, already stored (PendingUploads): their ids. */
    @Size(max = 40)
    private List<Long> keptUploads = new ArrayList<>();

    public ApplicationForm() {
    }

    static ApplicationForm of(EnrollmentApplication application) {
        ApplicationForm form = new ApplicationForm();
        form.requestToken = application.getRequestToken();
        form.applicantUsername = application.getApplicantUsername();
        form.hireDate = application.getHireDate();
        form.housingType = application.getHousingType();
        form.housingArea = application.getHousingArea();
        form.housingNote = application.getHousingNote();
        form.primaryCause = application.getPrimaryCause();
        form.secondaryCauses = new TreeSet<>(application.getSecondaryCauses());
        form.account = application.getAccount();
        form.medicalCostsHalfYear = application.getMedicalCostsHalfYear();
        form.oneOffCosts = application.getOneOffCosts();
        form.members = new ArrayList<>(application.getMembers().stream()
                .map(m -> MemberForm.of(m.details())).toList());
        return form;
    }

    /** The uploads of this request by evidence type, empty file inputs left out. */
    @JsonIgnore
    public Map<EvidenceType, List<MultipartFile>> uploads() {
        Map<EvidenceType, List<MultipartFile>> uploads = new EnumMap<>(EvidenceType.class);
        uploads.put(EvidenceType.HARDSHIP_CERTIFICATE, nonEmpty(hardshipCertificateFiles));
        uploads.put(EvidenceType.MEDICAL_BILLS, nonEmpty(medicalBillsFiles));
        uploads.put(EvidenceType.DISABILITY_CERTIFICATE, nonEmpty(disabilityCertificateFiles));
        uploads.put(EvidenceType.OTHER, nonEmpty(otherFiles));
        return uploads;
    }

    /** The uploads of this request by the field they were chosen in (for keeping them across a refusal). */
    @JsonIgnore
    public Map<String, List<MultipartFile>> uploadsByField() {
        Map<String, List<MultipartFile>> byField = new LinkedHashMap<>();
        uploads().forEach((type, files) -> byField.put(uploadField(type), files));
        return byField;
    }

    /** The evidence type of a file field's uploads; empty for a name that is no file field of this form. */
    public static Optional<EvidenceType> typeOfField(String field) {
        return Arrays.stream(EvidenceType.values()).filter(t -> uploadField(t).equals(field)).findFirst();
    }

    /** Forgets the files of this request once they are kept as pending uploads (their ids are in keptUploads). */
    public void keptAs(List<Long> ids) {
        ids.forEach(id -> {
            if (!keptUploads.contains(id)) {
                keptUploads.add(id);
            }
        });
        hardshipCertificateFiles = new ArrayList<>();
        medicalBillsFiles = new ArrayList<>();
        disabilityCertificateFiles = new ArrayList<>();
        otherFiles = new ArrayList<>();
    }

    /** Name of the form field that carries uploads of a type (for error messages on the right field). */
    public static String uploadField(EvidenceType type) {
        return switch (type) {
            case HARDSHIP_CERTIFICATE -> "hardshipCertificateFiles";
            case MEDICAL_BILLS -> "medicalBillsFiles";
            case DISABILITY_CERTIFICATE -> "disabilityCertificateFiles";
            case OTHER -> "otherFiles";
        };
    }

    private static List<MultipartFile> nonEmpty(List<MultipartFile> files) {
        return files == null ? List.of()
                : files.stream().filter(f -> f != null && !(f.isEmpty() && (f.getOriginalFilename() == null
                || f.getOriginalFilename().isBlank()))).toList();
    }

    public void addMember() {
        members.add(new MemberForm());
    }

    public void removeMember(int index) {
        if (index >= 0 && index < members.size()) {
            members.remove(index);
        }
    }

    public String getRequestToken() { return requestToken; }
    public void setRequestToken(String requestToken) { this.requestToken = requestToken; }
    public String getApplicantUsername() { return applicantUsername; }
    public void setApplicantUsername(String applicantUsername) { this.applicantUsername = applicantUsername; }
    public LocalDate getHireDate() { return hireDate; }
    public void setHireDate(LocalDate hireDate) { this.hireDate = hireDate; }
    public HousingType getHousingType() { return housingType; }
    public void setHousingType(HousingType housingType) { this.housingType = housingType; }
    public BigDecimal getHousingArea() { return housingArea; }
    public void setHousingArea(BigDecimal housingArea) { this.housingArea = housingArea; }
    public String getHousingNote() { return housingNote; }
    public void setHousingNote(String housingNote) { this.housingNote = housingNote; }
    public HardshipCause getPrimaryCause() { return primaryCause; }
    public void setPrimaryCause(HardshipCause primaryCause) { this.primaryCause = primaryCause; }
    public Set<HardshipCause> getSecondaryCauses() { return secondaryCauses; }
    public void setSecondaryCauses(Set<HardshipCause> secondaryCauses) { this.secondaryCauses = secondaryCauses == null ? new TreeSet<>() : secondaryCauses; }
    public BigDecimal getMedicalCostsHalfYear() { return medicalCostsHalfYear; }
    public void setMedicalCostsHalfYear(BigDecimal value) { this.medicalCostsHalfYear = value; }
    public BigDecimal getOneOffCosts() { return oneOffCosts; }
    public void setOneOffCosts(BigDecimal value) { this.oneOffCosts = value; }
    public String getAccount() { return account; }
    public void setAccount(String account) { this.account = account; }
    public List<MemberForm> getMembers() { return members; }
    public void setMembers(List<MemberForm> members) { this.members = members == null ? new ArrayList<>() : members; }
    @JsonIgnore
    public List<MultipartFile> getHardshipCertificateFiles() { return hardshipCertificateFiles; }
    @JsonIgnore
    public void setHardshipCertificateFiles(List<MultipartFile> files) { this.hardshipCertificateFiles = files; }
    @JsonIgnore
    public List<MultipartFile> getMedicalBillsFiles() { return medicalBillsFiles; }
    @JsonIgnore
    public void setMedicalBillsFiles(List<MultipartFile> files) { this.medicalBillsFiles = files; }
    @JsonIgnore
    public List<MultipartFile> getDisabilityCertificateFiles() { return disabilityCertificateFiles; }
    @JsonIgnore
    public void setDisabilityCertificateFiles(List<MultipartFile> files) { this.disabilityCertificateFiles = files; }
    @JsonIgnore
    public List<MultipartFile> getOtherFiles() { return otherFiles; }
    @JsonIgnore
    public void setOtherFiles(List<MultipartFile> otherFiles) { this.otherFiles = otherFiles; }
    @JsonIgnore
    public List<Long> getKeptUploads() { return keptUploads; }
    @JsonIgnore
    public void setKeptUploads(List<Long> keptUploads) { this.keptUploads = keptUploads == null ? new ArrayList<>() : keptUploads; }
}
