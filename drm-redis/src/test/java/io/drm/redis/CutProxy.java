package io.drm.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A TCP relay to the test Redis that can be cut: afterwards Redis is unreachable through it. */
final class CutProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private boolean cut;

    CutProxy() throws IOException {
        server = new ServerSocket(0);
        Thread accept = new Thread(this::accept, "cut-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (true) {
            try {
                Socket in = server.accept();
                if (!keep(in)) {
                    return;
                }
                Socket out = new Socket(TestRedis.HOST, TestRedis.PORT);
                if (!keep(out)) {
                    return;
                }
                pipe(in, out);
                pipe(out, in);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Tracks a socket, or closes it when the proxy was cut meanwhile. */
    private synchronized boolean keep(Socket s) throws IOException {
        if (cut) {
            s.close();
            for (Socket other : sockets) {
                other.close();
            }
            return false;
        }
        sockets.add(s);
        return true;
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream i = from.getInputStream(); OutputStream o = to.getOutputStream()) {
                i.transferTo(o);
            } catch (IOException ignored) {
                // cut
            }
        }, "cut-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    /** Closes the listener and every relayed connection. */
    synchronized void cut() throws IOException {
        cut = true;
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
