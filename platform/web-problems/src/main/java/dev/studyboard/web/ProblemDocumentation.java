package dev.studyboard.web;

import dev.studyboard.web.InvalidRequestProblems.InvalidField;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The problem answers of {@link InvalidRequestProblems} in a service's OpenAPI document (springdoc), the same
 * in every service: the {@code Problem} schema, and on each operation the problems it can answer, derived from
 * what its handler method takes so the document follows the code: 400 when it takes input, 404 when it names
 * a resource in its path, 412 when it accepts {@code If-Match}; and the 304 of a conditional read when it accepts
 * {@code If-None-Match}. A service declares one as a bean with only what is its own: what its resource is called,
 * what 404 means, and when it answers other problems (409, …).
 */
public final class ProblemDocumentation implements OpenApiCustomizer, OperationCustomizer {

    /** Name of the problem schema under {@code components.schemas}. */
    private static final String SCHEMA = "Problem";

    private final String resource;
    private InvalidField example = new InvalidField("title", "must not be blank");
    private String notFound;
    private final List<Answer> answers = new ArrayList<>();

    private record Answer(HttpStatus status, Predicate<HandlerMethod> when, String description) {}

    private ProblemDocumentation(String resource) {
        this.resource = resource;
        this.notFound = "No such " + resource;
    }

    /** For an API of versioned resources; {@code resource} names them in the descriptions: "book", "member". */
    public static ProblemDocumentation of(String resource) {
        return new ProblemDocumentation(resource);
    }

    /** The invalid field the schema shows as an example. */
    public ProblemDocumentation invalidFieldExample(String field, String reason) {
        this.example = new InvalidField(field, reason);
        return this;
    }

    /** What 404 means, if more than "No such <resource>". */
    public ProblemDocumentation notFound(String description) {
        this.notFound = description;
        return this;
    }

    /** Another problem the operations {@code when} selects can answer, e.g. 409 for a change. */
    public ProblemDocumentation answers(HttpStatus status, Predicate<HandlerMethod> when, String description) {
        answers.add(new Answer(status, when, description));
        return this;
    }

    /** Accepts {@code If-Match}, so it can answer 412. */
    public static boolean isConditional(HandlerMethod handler) {
        return takesHeader(handler, HttpHeaders.IF_MATCH);
    }

    /** Accepts {@code If-None-Match}, so it can answer 304. */
    public static boolean isConditionalRead(HandlerMethod handler) {
        return takesHeader(handler, HttpHeaders.IF_NONE_MATCH);
    }

    private static boolean takesHeader(HandlerMethod handler, String header) {
        return Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(RequestHeader.class)
                        && header.equals(
                                p.getParameterAnnotation(RequestHeader.class).name()));
    }

    /** Changes something: POST, PUT, PATCH or DELETE. */
    public static boolean isChange(HandlerMethod handler) {
        return handler.hasMethodAnnotation(PostMapping.class)
                || handler.hasMethodAnnotation(PutMapping.class)
                || handler.hasMethodAnnotation(PatchMapping.class)
                || handler.hasMethodAnnotation(DeleteMapping.class);
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.components(new Components());
        }
        openApi.getComponents().addSchemas(SCHEMA, problemSchema());
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        var responses = operation.getResponses();
        if (takesInput(handler)) {
            responses.addApiResponse("400", problem("Invalid input: `errors` names each field and the reason"));
        }
        if (namesResource(handler)) {
            responses.addApiResponse("404", problem(notFound));
        }
        answers.stream()
                .filter(answer -> answer.when().test(handler))
                .forEach(answer -> responses.addApiResponse(
                        String.valueOf(answer.status().value()), problem(answer.description())));
        if (isConditional(handler)) {
            responses.addApiResponse(
                    "412",
                    problem("If-Match is not the " + resource + "'s current version;"
                            + " `currentVersion` and the ETag header give it"));
        }
        if (isConditionalRead(handler)) {
            responses.addApiResponse("304", notModified());
            describeIfNoneMatch(operation);
        }
        return operation;
    }

    /** The answer to a conditional read whose copy is current: headers only. */
    private ApiResponse notModified() {
        return new ApiResponse()
                .description("Not Modified: If-None-Match names the " + resource + "'s current version, so the copy"
                        + " the client has is current; no body")
                .addHeaderObject(HttpHeaders.ETAG, header("The current version, as on a 200"))
                .addHeaderObject(
                        HttpHeaders.CACHE_CONTROL,
                        header("As on a 200: the copy may be kept, and is asked for again before each use"));
    }

    private void describeIfNoneMatch(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream()
                .filter(p -> "header".equals(p.getIn()) && HttpHeaders.IF_NONE_MATCH.equals(p.getName()))
                .forEach(p -> p.description("The ETag of the copy the client has, e.g. \"3\" (also W/\"3\", a list,"
                        + " or *): 304 without a body while it is the " + resource + "'s current version"));
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }

    /** Takes input that can be invalid: a body, query parameters or path variables. */
    private static boolean takesInput(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class)
                        || p.hasParameterAnnotation(RequestParam.class)
                        || p.hasParameterAnnotation(PathVariable.class));
    }

    /** Names a resource in its path, which may not exist. */
    private static boolean namesResource(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
    }

    /** RFC 9457 problem details, with this API's {@code errors} list and the {@code currentVersion} of a 412. */
    @SuppressWarnings("rawtypes")
    private Schema problemSchema() {
        var invalidField = new ObjectSchema()
                .addProperty("field", new StringSchema().example(example.field()))
                .addProperty("reason", new StringSchema().example(example.reason()));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(invalidField)
                                .description("invalid input: every invalid field and the reason"))
                .addProperty(
                        "currentVersion",
                        new IntegerSchema()
                                .format("int64")
                                .description("412 only: the current version, also in the ETag header"));
    }

    /** A response with a problem body. */
    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
    }
}
