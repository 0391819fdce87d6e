package dev.studyboard.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import reactor.netty.NettyPipeline;

/**
 * Problem details for the error answers that would leave the gateway with no body at all, most of them given below
 * Spring: Netty's HTTP decoder refuses a request line over 4KB (414), headers over 8KB (431) or a request it cannot
 * parse (400, e.g. a malformed Content-Length); Spring's adapter refuses a request target that is no URI (400);
 * Spring Security's firewall refuses a path with {@code ..}, {@code ;} or an encoded slash (400). A handler in each
 * connection's pipeline, just after Netty's HTTP codec, gives such an answer a problem body with its status and
 * title before it is encoded. An answer that has a body, or a type, is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class BareErrorProblems {

    @Bean
    NettyServerCustomizer bareErrorProblemBodies() {
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            var pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, "studyboard.problemBodies", new ProblemBodies());
            }
        });
    }

    /** One per connection: an answer's head and its (empty) end may be written separately. */
    static final class ProblemBodies extends ChannelOutboundHandlerAdapter {

        /** The body due at the end of an answer whose head went out already, described. */
        private byte[] due;

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof FullHttpResponse full
                    && isBare(full)
                    && full.content().readableBytes() == 0) {
                var body = problem(full.status());
                var withBody = full.replace(Unpooled.wrappedBuffer(body));
                full.release();
                describe(withBody, body.length);
                context.write(withBody, promise);
            } else if (message instanceof HttpResponse head
                    && !(message instanceof FullHttpResponse)
                    && isBare(head)
                    && HttpUtil.getContentLength(head, -1L) == 0) {
                due = problem(head.status());
                describe(head, due.length);
                context.write(head, promise);
            } else if (message instanceof LastHttpContent end
                    && due != null
                    && end.content().readableBytes() == 0) {
                var withBody = new DefaultLastHttpContent(Unpooled.wrappedBuffer(due));
                withBody.trailingHeaders().set(end.trailingHeaders());
                end.release();
                due = null;
                context.write(withBody, promise);
            } else {
                context.write(message, promise);
            }
        }

        /**
         * An error of no type. Whole, it has no body (an answer to HEAD says no length); as a head, it must say its
         * length is 0, or a body may follow.
         */
        private static boolean isBare(HttpResponse response) {
            return response.status().code() >= 400 && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
        }

        private static void describe(HttpResponse response, int length) {
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, length);
        }

        private static byte[] problem(HttpResponseStatus status) {
            return "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d}"
                    .formatted(status.reasonPhrase(), status.code())
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
