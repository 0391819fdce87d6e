package dev.studyboard.progress.replica.adapter.in.web;

import dev.studyboard.progress.replica.application.ReplicaRebuild;
import dev.studyboard.progress.replica.application.ReplicaRebuild.RebuildRunningException;
import dev.studyboard.progress.replica.application.RetainedEvents;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The operator's side of the replicas, on the management port (never through the gateway):
 *
 * <ul>
 *   <li>{@code GET /actuator/replicas}: whether a rebuild runs here, the last one, how many books and members the
 *       replicas hold;
 *   <li>{@code POST /actuator/replicas}: rebuilds them from the retained topics ({@link ReplicaRebuild}) and answers
 *       when done: 409 while one runs here, 503 if Kafka could not be read (the replicas stay as they were).
 * </ul>
 */
@Component
@WebEndpoint(id = "replicas")
public class ReplicasEndpoint {

    private final ReplicaRebuild rebuild;

    ReplicasEndpoint(ReplicaRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @ReadOperation
    public ReplicaRebuild.Status status() {
        return rebuild.status();
    }

    @WriteOperation
    public WebEndpointResponse<Object> rebuild() {
        try {
            return new WebEndpointResponse<>(rebuild.rebuild());
        } catch (RebuildRunningException e) {
            return problem(HttpStatus.CONFLICT, e.getMessage());
        } catch (RetainedEvents.UnavailableException e) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    private static WebEndpointResponse<Object> problem(HttpStatus status, String detail) {
        return new WebEndpointResponse<>(
                ProblemDetail.forStatusAndDetail(status, detail), status.value(), MediaType.APPLICATION_PROBLEM_JSON);
    }
}
