package dev.studyboard.web;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The problem answers of {@link InvalidRequestProblems} in a service's OpenAPI document (springdoc): the schema
 * of a problem, a response that uses it, and what a handler method takes, from which a service's
 * {@code OperationCustomizer} derives the problems each operation can answer, so the document follows the code.
 */
public final class ProblemDocumentation {

    /** Name of the problem schema under {@code components.schemas}. */
    public static final String SCHEMA = "Problem";

    private ProblemDocumentation() {
    }

    /** RFC 9457 problem details, with this API's {@code errors} list and the {@code currentVersion} of a 412. */
    @SuppressWarnings("rawtypes")
    public static Schema problemSchema(String fieldExample, String reasonExample) {
        var invalidField = new ObjectSchema()
                .addProperty("field", new StringSchema().example(fieldExample))
                .addProperty("reason", new StringSchema().example(reasonExample));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(invalidField)
                        .description("invalid input: every invalid field and the reason"))
                .addProperty("currentVersion", new IntegerSchema().format("int64")
                        .description("412 only: the current version, also in the ETag header"));
    }

    /** A response with a problem body. */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
    }

    /** Takes input that can be invalid: a body, query parameters or path variables. */
    public static boolean takesInput(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class)
                || p.hasParameterAnnotation(RequestParam.class) || p.hasParameterAnnotation(PathVariable.class));
    }

    /** Names a resource in its path, which may not exist. */
    public static boolean namesResource(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
    }

    /** Accepts {@code If-Match}, so it can answer 412. */
    public static boolean isConditional(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestHeader.class)
                && HttpHeaders.IF_MATCH.equals(p.getParameterAnnotation(RequestHeader.class).name()));
    }
}
