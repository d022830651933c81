package org.infraadvisor.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import jakarta.inject.Singleton;
import org.infraadvisor.format.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Transport rules that Micronaut's HTTP/1.1 pipeline does not enforce by itself, added to every connection:
 * <ul>
 *   <li>the idle timeouts ({@code micronaut.server.idle-timeout}, {@code read-idle-timeout}) close connections that
 *   wait for nothing; while the service is working on an answer the connection is not idle, however long it takes
 *   (a rules reload runs every scenario);</li>
 *   <li>a request must arrive whole within {@code advisor.server.request-deadline} of its first byte: a client that
 *   trickles its headers or body (slowloris) keeps the read-idle timeout from firing, the deadline does not;</li>
 *   <li>a request with both {@code Content-Length} and {@code Transfer-Encoding} is read by its chunks and its
 *   connection is closed after the response, and nothing that followed on that connection is read (RFC 9112 §6.3:
 *   a proxy in front may have framed it differently, so whatever came next may be smuggled);</li>
 *   <li>a request whose {@code Transfer-Encoding} does not end in {@code chunked} gets 400 and the connection is closed
 *   (RFC 9112 §6.1: its length cannot be known);</li>
 *   <li>a request the decoder could not read — a request line or headers too long, a header that is not HTTP — gets
 *   414, 431 or 400 with a detail that says which part is wrong, and the connection is closed.</li>
 * </ul>
 */
@Singleton
class ConnectionGuards implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuards.class);
    static final String CODEC = "http-server-codec";

    private final NettyHttpServerConfiguration server;
    private final Duration deadline;

    ConnectionGuards(NettyHttpServerConfiguration server, @Value("${advisor.server.request-deadline:30s}") Duration deadline) {
        this.server = server;
        this.deadline = deadline;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel == null ? null : channel.pipeline();
            if (pipeline == null || pipeline.get(CODEC) == null) {
                return;
            }
            // the same codec Micronaut builds, with headers that remember a Content-Length the decoder dropped
            HttpDecoderConfig config = new HttpDecoderConfig()
                    .setMaxInitialLineLength(server.getMaxInitialLineLength())
                    .setMaxHeaderSize(server.getMaxHeaderSize())
                    .setMaxChunkSize(server.getMaxChunkSize())
                    .setValidateHeaders(server.isValidateHeaders())
                    .setInitialBufferSize(server.getInitialBufferSize())
                    .setHeadersFactory(FramingHeaders.FACTORY);
            pipeline.replace(CODEC, CODEC, new HttpServerCodec(config));
            Guard guard = new Guard(deadline, server.getMaxInitialLineLength(), server.getMaxHeaderSize());
            pipeline.addBefore(CODEC, "advisor-request-deadline", guard.firstByte);
            pipeline.addAfter(CODEC, "advisor-request-framing", guard);
        }
    }

    /** Request headers that notice when the decoder removes a {@code Content-Length} because {@code Transfer-Encoding} is there too. */
    static final class FramingHeaders extends DefaultHttpHeaders {
        static final HttpHeadersFactory FACTORY = new HttpHeadersFactory() {
            @Override
            public HttpHeaders newHeaders() {
                return new FramingHeaders();
            }

            @Override
            public HttpHeaders newEmptyHeaders() {
                return new FramingHeaders();
            }
        };

        private boolean contentLengthDropped;

        @Override
        public HttpHeaders remove(CharSequence name) {
            if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name) && contains(HttpHeaderNames.TRANSFER_ENCODING)
                    && contains(HttpHeaderNames.CONTENT_LENGTH)) {
                contentLengthDropped = true;
            }
            return super.remove(name);
        }
    }

    /** Sits after the codec: framing checks and the end of each request; its {@link #firstByte} sits before the codec. */
    private static final class Guard extends ChannelDuplexHandler {
        private final long deadlineMillis;
        private final int maxInitialLineLength;
        private final int maxHeaderSize;
        private boolean inRequest;
        private ScheduledFuture<?> timer;
        private boolean closeAfterResponse;
        private boolean ignoreTheRest;
        private int awaitingResponse;

        /** Starts the deadline when the first byte of a request arrives. */
        final ChannelInboundHandlerAdapter firstByte = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (!inRequest) {
                    inRequest = true;
                    timer = ctx.executor().schedule(() -> {
                        if (inRequest) {
                            LOG.debug("Closing a connection whose request did not arrive whole within {} ms", deadlineMillis);
                            ctx.channel().close();
                        }
                    }, deadlineMillis, TimeUnit.MILLISECONDS);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                stopTimer();
                ctx.fireChannelInactive();
            }
        };

        Guard(Duration deadline, int maxInitialLineLength, int maxHeaderSize) {
            this.deadlineMillis = deadline.toMillis();
            this.maxInitialLineLength = maxInitialLineLength;
            this.maxHeaderSize = maxHeaderSize;
        }

        private void stopTimer() {
            inRequest = false;
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (ignoreTheRest) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                ignoreTheRest = true;
                ReferenceCountUtil.release(msg);
                unreadable(ctx, request.decoderResult().cause());
                return;
            }
            if (msg instanceof HttpRequest request) {
                String encoding = request.headers().get(HttpHeaderNames.TRANSFER_ENCODING);
                if (encoding != null && !endsInChunked(encoding)) {
                    ignoreTheRest = true;
                    ReferenceCountUtil.release(msg);
                    refuse(ctx, HttpResponseStatus.BAD_REQUEST,
                            "the Transfer-Encoding '%s' is not supported: send the body with Content-Length or chunked"
                                    .formatted(encoding.length() > 40 ? encoding.substring(0, 40) + "…" : encoding));
                    return;
                }
                if (request.headers() instanceof FramingHeaders headers && headers.contentLengthDropped) {
                    closeAfterResponse = true;
                }
                awaitingResponse++;
            }
            if (msg instanceof LastHttpContent) {
                stopTimer();
                // nothing after a request framed two ways is read: it may be a request smuggled past a proxy
                ignoreTheRest = closeAfterResponse;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof HttpResponse interim && interim.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                ctx.write(msg, promise); // 100 Continue: the real response is still to come
                return;
            }
            if (closeAfterResponse && msg instanceof HttpResponse response) {
                HttpUtil.setKeepAlive(response, false);
            }
            if (msg instanceof LastHttpContent && awaitingResponse > 0) {
                awaitingResponse--;
            }
            if (closeAfterResponse && msg instanceof LastHttpContent) {
                ChannelPromise written = promise.unvoid();
                ctx.write(msg, written);
                written.addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.write(msg, promise);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent && awaitingResponse > 0) {
                return; // not idle: an answer is being worked on
            }
            ctx.fireUserEventTriggered(event);
        }

        private static boolean endsInChunked(String encoding) {
            String[] codings = encoding.split(",");
            return codings[codings.length - 1].trim().toLowerCase(Locale.ROOT).equals(HttpHeaderValues.CHUNKED.toString());
        }

        /** A request line or headers the decoder refused (Netty then reads nothing more of the connection). */
        private void unreadable(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongHttpLineException) {
                refuse(ctx, HttpResponseStatus.REQUEST_URI_TOO_LONG,
                        "the request line (method, address and version) is longer than %s bytes; shorten the address"
                                .formatted(Readable.number(maxInitialLineLength)));
            } else if (cause instanceof TooLongHttpHeaderException) {
                refuse(ctx, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        "the request headers are larger than %s bytes in all; send fewer or shorter headers"
                                .formatted(Readable.number(maxHeaderSize)));
            } else {
                String reason = cause == null || cause.getMessage() == null ? "" : ": " + printable(cause.getMessage());
                refuse(ctx, HttpResponseStatus.BAD_REQUEST, "the request line or headers are not valid HTTP/1.1" + reason);
            }
        }

        /** At most 200 characters, controls shown as '?': the decoder's message may quote what the client sent. */
        private static String printable(String message) {
            String shown = message.length() > 200 ? message.substring(0, 200) + "…" : message;
            return shown.replaceAll("\\p{Cntrl}", "?");
        }

        /** The status with a problem document, then the connection is closed. */
        private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String detail) {
            String json = "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                    .formatted(status.reasonPhrase(), status.code(), detail.replace("\\", "\\\\").replace("\"", "\\\""));
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, ProblemJsonBodyProvider.PROBLEM_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            stopTimer();
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
