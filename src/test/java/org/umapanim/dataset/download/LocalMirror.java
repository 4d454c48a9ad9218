package org.umapanim.dataset.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server on 127.0.0.1 (ephemeral port) that serves files the test makes, misbehaving on
 * request. Public so that end-to-end tests elsewhere can stand in for a mirror with it.
 */
public final class LocalMirror implements AutoCloseable {
    /** What the server does with one request for one file; {@code n} counts that file's requests from 1. */
    public interface Behaviour {
        void answer(HttpExchange exchange, int n) throws IOException;
    }

    /** A request as the server saw it. */
    public record Request(String file, String range) {}

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Behaviour> files = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public LocalMirror() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // one thread per request, so that a stalling answer does not hold up the retry
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL to give the downloader ({@code --mirror}). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/data";
    }

    public LocalMirror on(String file, Behaviour behaviour) {
        files.put(file, behaviour);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String file = path.startsWith("/data/") ? path.substring("/data/".length()) : "?" + path;
            requests.add(new Request(file, exchange.getRequestHeaders().getFirst("Range")));
            Behaviour behaviour = files.get(file);
            if (behaviour == null) {
                status(404).answer(exchange, 0);
                return;
            }
            behaviour.answer(exchange, counts.computeIfAbsent(file, f -> new AtomicInteger()).incrementAndGet());
        } catch (IOException e) {
            // deliberate early closes end up here; the client is what is being tested
        }
    }

    /** Like a real static file server: honours "Range: bytes=N-". */
    public static Behaviour serve(byte[] content) {
        return (exchange, n) -> send(exchange, content, content.length);
    }

    /** Answers every request with {@code code} and a short body. */
    static Behaviour status(int code) {
        return (exchange, n) -> {
            byte[] body = ("status " + code).getBytes();
            exchange.sendResponseHeaders(code, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    /** The first request's answer promises the whole file but the connection closes after {@code cut} bytes. */
    static Behaviour truncatedOnce(byte[] content, int cut) {
        return (exchange, n) -> send(exchange, content, n == 1 ? cut : content.length);
    }

    /** Every answer is the whole file with status 200, whatever range was asked for. */
    static Behaviour ignoringRange(byte[] content, int cutFirst) {
        return (exchange, n) -> {
            exchange.sendResponseHeaders(200, content.length);
            OutputStream out = exchange.getResponseBody();
            out.write(content, 0, n == 1 ? cutFirst : content.length);
            out.flush();
            if (n == 1) {
                throw new IOException("closing early on purpose");
            }
        };
    }

    /** Sends {@code content} (or the asked-for tail of it), but only up to byte {@code upTo}, then closes. */
    private static void send(HttpExchange exchange, byte[] content, int upTo) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        int from = 0;
        if (range != null) {
            Matcher m = RANGE.matcher(range);
            if (m.matches()) {
                from = Integer.parseInt(m.group(1));
            }
        }
        if (from >= content.length && range != null) {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
            exchange.sendResponseHeaders(416, -1);
            return;
        }
        if (from > 0) {
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
            exchange.sendResponseHeaders(206, content.length - from);
        } else {
            exchange.sendResponseHeaders(200, content.length);
        }
        OutputStream out = exchange.getResponseBody();
        out.write(content, from, Math.max(0, upTo - from));
        out.flush();
        if (upTo < content.length) {
            throw new IOException("closing early on purpose");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
