package cn.hardshiprelief.enrollment.api;

import cn.hardshiprelief.enrollment.ApplicationQueries;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.ReviewMoves;
import cn.hardshiprelief.organization.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Review operations beyond a decision; for now 回退 (send back to a step already passed). */
@RestController
@RequestMapping("/api")
@Tag(name = "enrollment", description = "困难职工建档申请 Enrollment applications and review tasks")
@SecurityRequirement(name = "basicAuth")
public class ReviewMovesApiController {

    private final ReviewMoves moves;
    private final ApplicationQueries queries;

    public ReviewMovesApiController(ReviewMoves moves, ApplicationQueries queries) {
        this.moves = moves;
        this.queries = queries;
    }

    @Operation(summary = "Send the application back to a review step it has already passed (回退), with a reason",
            description = "409 when the step was not passed or the task is no longer open; 400 without a reason; "
                    + "403 when the task is not the caller's to take.")
    @PostMapping(path = "/tasks/{taskId}/send-back", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ApplicationResponse sendBack(Actor actor, @Parameter(description = "Camunda task id") @PathVariable String taskId,
                                        @RequestBody SendBackRequest request) {
        EnrollmentApplication sent = moves.sendBack(actor, taskId, request.step(), request.reason());
        EnrollmentApplication application = queries.view(actor, sent.getId());
        return ApplicationResponse.of(application, queries.displayName(application.getApplicantUsername()));
    }
}
