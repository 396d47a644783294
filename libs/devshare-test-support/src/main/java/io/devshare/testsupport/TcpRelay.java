package io.devshare.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * A TCP relay on 127.0.0.1 in front of a real server, for outage tests: it relays bytes both ways, and can
 * <ul>
 *   <li>refuse new connections while {@code accepting} says no (closed at once, or with a TCP reset);
 *   <li>{@link #resetAll()}: close every open connection with a TCP reset, as a server that is gone would;
 *   <li>{@link #stall()}: stop relaying in both directions without closing anything, as a hung network path
 *       would; what was sent meanwhile arrives after {@link #resume()}.
 * </ul>
 */
public final class TcpRelay implements AutoCloseable {

    private final ServerSocket server;
    private final String host;
    private final int port;
    private final BooleanSupplier accepting;
    private final boolean resetRefused;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stalled;

    /** Relays every connection to {@code host:port}. */
    public TcpRelay(String host, int port) {
        this(host, port, () -> true, false);
    }

    /**
     * Relays to {@code host:port} the connections that arrive while {@code accepting} answers true (asked once per
     * connection); the others are closed at once, with a TCP reset when {@code resetRefused}.
     */
    public TcpRelay(String host, int port, BooleanSupplier accepting, boolean resetRefused) {
        this.host = host;
        this.port = port;
        this.accepting = accepting;
        this.resetRefused = resetRefused;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "tcp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Until {@link #close()}. */
    public boolean isOpen() {
        return !server.isClosed();
    }

    public void stall() {
        stalled = true;
    }

    public void resume() {
        stalled = false;
    }

    /** Closes every open connection with a TCP reset. */
    public void resetAll() {
        open.forEach(TcpRelay::reset);
        open.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (!accepting.getAsBoolean()) {
                if (resetRefused) {
                    reset(client);
                } else {
                    close(client);
                }
                continue;
            }
            try {
                Socket upstream = new Socket(host, port);
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                close(client);
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[8192];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            while (stalled && !server.isClosed()) {
                                Thread.sleep(10); // hold what arrived; relay it once resumed
                            }
                            out.write(buffer, 0, n);
                        }
                    } catch (IOException e) {
                        // one side closed
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        close(from);
                        close(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "tcp-relay-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException e) {
            // closing anyway
        }
        close(s);
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        stalled = false;
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        open.forEach(TcpRelay::close);
        open.clear();
    }
}
