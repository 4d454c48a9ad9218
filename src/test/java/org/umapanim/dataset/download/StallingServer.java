package org.umapanim.dataset.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server whose first answer (to {@code stallAfter} bytes of the file: -1 for before any
 * answer at all) stalls for good: it sends nothing more and waits until the client hangs up, so
 * only a client's read timeout can end that request. Later connections are served (ranges
 * honoured). It counts the connections and whether the client was the one to hang up.
 */
final class StallingServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("(?im)^Range: *bytes=(\\d+)-");

    private final ServerSocket socket;
    private final byte[] content;
    private final int stallAfter;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.CountDownLatch clientHungUp = new java.util.concurrent.CountDownLatch(1);
    private final Thread acceptor;

    StallingServer(byte[] content, int stallAfter) throws IOException {
        this.content = content;
        this.stallAfter = stallAfter;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "stalling server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The base URL (any file name under it is the content). */
    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/data/";
    }

    int connections() {
        return connections.get();
    }

    /** The Range header of each request in order ("" for none). */
    List<String> ranges() {
        return List.copyOf(ranges);
    }

    /**
     * Whether the stalled request ended because the client closed its connection (waiting for the
     * server's side to see it; the server itself never ends it).
     */
    boolean clientHungUp() throws InterruptedException {
        return clientHungUp.await(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                int n = connections.incrementAndGet();
                Thread serve = new Thread(() -> serve(client, n), "stalling server " + n);
                serve.setDaemon(true);
                serve.start();
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    private void serve(Socket client, int n) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            String request = readHead(in);
            Matcher range = RANGE.matcher(request);
            int from = range.find() ? Integer.parseInt(range.group(1)) : 0;
            ranges.add(from > 0 ? "bytes=" + from + "-" : "");
            if (n == 1) {
                if (stallAfter >= 0) {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + content.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(content, 0, stallAfter);
                    out.flush();
                }
                // nothing more, ever: the request ends when the client hangs up
                while (in.read() >= 0) {
                    // a client sends nothing more on this connection
                }
                clientHungUp.countDown();
                return;
            }
            String head = from > 0
                    ? "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + from + "-" + (content.length - 1) + "/"
                    + content.length + "\r\n"
                    : "HTTP/1.1 200 OK\r\n";
            out.write((head + "Content-Length: " + (content.length - from) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(content, from, content.length - from);
            out.flush();
        } catch (IOException e) {
            if (n == 1) {
                clientHungUp.countDown();   // a reset: the client closed its end
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) >= 0; ) {
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
