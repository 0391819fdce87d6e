package dev.studyboard.gateway;

import java.util.LinkedHashMap;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request body limit at the edge ({@code studyboard.web.max-request-body}, the same as each service's): a
 * larger body is answered 413 problem details and never routed. A body that declares its length
 * ({@code Content-Length}) is refused at once, unread; one sent without it ({@code Transfer-Encoding: chunked}) is
 * read here first, up to the limit, and passed on with its length, so no service is sent more than the limit either.
 *
 * <p>A web filter, not a route filter: a route with a Retry filter has its whole body read into memory (to send it
 * again) before any route filter runs, and that must not be a body of any size. After Spring Security (-100), so a
 * request refused for its token is refused without reading its body. Spring Cloud Gateway's {@code RequestSize}
 * filter is a route filter, checks only a declared length and answers with no body.
 */
@Component
class RequestBodyLimit implements WebFilter, Ordered {

    private final long limit;
    private final JsonMapper json;

    RequestBodyLimit(@Value("${studyboard.web.max-request-body}") DataSize limit, JsonMapper json) {
        this.limit = limit.toBytes();
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        if (declared > limit) {
            return tooLarge(exchange);
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return readUpToLimit(exchange.getRequest())
                .flatMap(body -> body.isPresent()
                        ? chain.filter(exchange.mutate()
                                .request(withBody(exchange.getRequest(), body.get()))
                                .build())
                        : tooLarge(exchange));
    }

    @Override
    public int getOrder() {
        return -50;
    }

    /** The whole body, or none if it is longer than the limit. */
    private Mono<Optional<byte[]>> readUpToLimit(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), (int) Math.min(limit, Integer.MAX_VALUE))
                .map(joined -> {
                    var bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    return Optional.of(bytes);
                })
                .defaultIfEmpty(Optional.of(new byte[0]))
                .onErrorResume(DataBufferLimitException.class, tooLong -> Mono.just(Optional.empty()));
    }

    /** The request with the body read here, now of a known length. */
    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
        var withLength = request.mutate()
                .headers(headers -> {
                    headers.remove(HttpHeaders.TRANSFER_ENCODING);
                    headers.setContentLength(body.length);
                })
                .build();
        return new ServerHttpRequestDecorator(withLength) {
            @Override
            public Flux<DataBuffer> getBody() {
                // a new buffer for each subscriber: a retried request sends the body again
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        var status = HttpStatus.CONTENT_TOO_LARGE;
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", "The request body is larger than this API accepts: at most " + limit + " bytes");
        problem.put("instance", exchange.getRequest().getPath().value());
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
    }
}
