package cn.hardshiprelief.enrollment.api;

import cn.hardshiprelief.enrollment.*;
import cn.hardshiprelief.audit.AccessLog;
import cn.hardshiprelief.audit.AccessLogEntry;
import cn.hardshiprelief.organization.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.task.TaskPage;
import org.springframework.data.domain.Slice;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

import java.util.List;
import java.util.UUID;

/**
 * Integration API. Authenticated with HTTP Basic on every call; the services check who may see and
 * decide what, exactly as for the pages.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "enrollment", description = "困难职工建档申请 Enrollment applications and review tasks")
@SecurityRequirement(name = "basicAuth")
public class EnrollmentApiController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = TaskPage.MAX_SIZE;

    private final EnrollmentService enrollment;
    private final ApplicationEditor editor;
    private final ApplicationQueries queries;
    private final ReviewService reviews;
    private final ApplicationFormValidator formValidator;
    private final AccessLog accessLog;

    public EnrollmentApiController(EnrollmentService enrollment, ApplicationEditor editor, ApplicationQueries queries,
                                   ReviewService reviews, ApplicationFormValidator formValidator, AccessLog accessLog) {
        this.enrollment = enrollment;
        this.editor = editor;
        this.queries = queries;
        this.reviews = reviews;
        this.formValidator = formValidator;
        this.accessLog = accessLog;
    }

    @Operation(summary = "Submit an application (or save it as a draft) as JSON, without uploads",
            description = "Send the same Idempotency-Key again and no second application is created (409 names the first).")
    @PostMapping(path = "/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ApplicationResponse> submitJson(Actor actor, @Valid @RequestBody ApplicationForm form,
                                                          BindingResult errors,
                                                          @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                          @RequestParam(defaultValue = "false") boolean draft)
            throws BindException {
        return create(actor, form, errors, key, draft);
    }

    @Operation(summary = "Submit an application with evidence uploads (multipart)",
            description = "Part 'application' is the JSON form; file parts hardshipCertificateFiles, medicalBillsFiles, "
                    + "disabilityCertificateFiles, otherFiles (PDF, JPEG or PNG, 10 MB each).")
    @PostMapping(path = "/applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ApplicationResponse> submitMultipart(Actor actor,
            @Valid @RequestPart("application") ApplicationForm form, BindingResult errors,
            @RequestPart(name = "hardshipCertificateFiles", required = false) List<MultipartFile> certificates,
            @RequestPart(name = "medicalBillsFiles", required = false) List<MultipartFile> medicalBills,
            @RequestPart(name = "disabilityCertificateFiles", required = false) List<MultipartFile> disability,
            @RequestPart(name = "otherFiles", required = false) List<MultipartFile> others,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestParam(defaultValue = "false") boolean draft) throws BindException {
        form.setHardshipCertificateFiles(certificates == null ? List.of() : certificates);
        form.setMedicalBillsFiles(medicalBills == null ? List.of() : medicalBills);
        form.setDisabilityCertificateFiles(disability == null ? List.of() : disability);
        form.setOtherFiles(others == null ? List.of() : others);
        return create(actor, form, errors, key, draft);
    }

    private ResponseEntity<ApplicationResponse> create(Actor actor, ApplicationForm form, BindingResult errors,
                                                       String key, boolean draft) throws BindException {
        form.setRequestToken(key == null || key.isBlank() ? UUID.randomUUID().toString() : key.strip());
        formValidator.validate(form, errors);
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        EnrollmentApplication saved = draft ? editor.save(actor, null, form) : enrollment.submit(actor, null, form);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(actor, saved.getId()));
    }

    @Operation(summary = "My applications: those I applied for or filed for someone, newest first, a page at a time",
            description = "page from 0, size 1–50 (more is cut to 50); a header Link with rel=\"next\" names the next "
                    + "page while there is one. A page or size that is not a number, or negative, is 400.")
    @GetMapping("/applications")
    public ResponseEntity<List<ApplicationResponse>> mine(Actor actor, @RequestParam(defaultValue = "0") int page,
                                                          @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        checkPage(page, size);
        Slice<EnrollmentApplication> found = queries.mine(actor, page, Math.min(size, MAX_PAGE_SIZE));
        return paged(found.map(a -> view(actor, a.getId())), "/api/applications");
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || size < 1) {
            throw new BusinessException("page.invalid");
        }
    }

    /** The page as the body, and where the next one is as a Link header (RFC 8288), as long as there is one. */
    private static <T> ResponseEntity<List<T>> paged(Slice<T> slice, String path) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (slice.hasNext()) {
            response.header(HttpHeaders.LINK, "<" + path + "?page=" + (slice.getNumber() + 1) + "&size="
                    + slice.getSize() + ">; rel=\"next\"");
        }
        return response.body(slice.getContent());
    }

    @Operation(summary = "One application with its members (identity numbers masked), evidence and decision history")
    @GetMapping("/applications/{id}")
    public ApplicationResponse application(Actor actor, @PathVariable Long id, HttpServletRequest request) {
        ApplicationResponse response = view(actor, id);
        accessLog.record(actor.username(), AccessLogEntry.Kind.APPLICATION, response.id(), response.applicationNumber(),
                request.getRemoteAddr());
        return response;
    }

    @Operation(summary = "My task list (待办): tasks assigned to me or offered to my groups, oldest first, a page at a time",
            description = "page from 0, size 1–50 (more is cut to 50); a header Link with rel=\"next\" names the next "
                    + "page while there is one. A page or size that is not a number, or negative, is 400.")
    @GetMapping("/tasks")
    public ResponseEntity<List<TaskResponse>> tasks(Actor actor, @RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        checkPage(page, size);
        Slice<TaskItem> found = reviews.inbox(actor, page, size);
        return paged(found.map(TaskResponse::of), "/api/tasks");
    }

    @Operation(summary = "Decide a review task: approve, reject or return (comment required to reject or return)")
    @PostMapping(path = "/tasks/{taskId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ApplicationResponse decide(Actor actor, @Parameter(description = "Camunda task id") @PathVariable String taskId,
                                      @RequestBody DecisionRequest request) {
        EnrollmentApplication application = reviews.decide(actor, taskId, request.decision(), request.comment());
        return view(actor, application.getId());
    }

    private ApplicationResponse view(Actor actor, Long id) {
        EnrollmentApplication application = queries.view(actor, id);
        return ApplicationResponse.of(application, queries.displayName(application.getApplicantUsername()));
    }
}
