package cn.fupin.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of one server, hurting the link on demand: {@link #freeze()} holds every byte in both directions
 * with the connections left open (a partition a peer cannot see), {@link #drop()} cuts every open connection,
 * {@link #slow(Duration)} delays each chunk. Written here because neither of the libraries for this can be had on this
 * machine: NetCrusher is not served by the Maven mirror, toxiproxy needs its own server (ADR 0017).
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile boolean frozen;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean closed;

    /** A proxy on a port of its own choosing. */
    TcpProxy(int upstreamPort) {
        this(0, upstreamPort);
    }

    /** A proxy on the given port (one a server sends its clients back to, as Kafka's advertised listener). */
    TcpProxy(int port, int upstreamPort) {
        this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
        try {
            this.listener = new ServerSocket();
            this.listener.setReuseAddress(true);
            this.listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Thread.ofVirtual().name("proxy-accept").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Holds every byte, both ways, on open connections and on new ones, until {@link #heal()}. */
    void freeze() {
        frozen = true;
    }

    /** Cuts every open connection (the peers see a reset or an end of stream); new ones are let through. */
    void drop() {
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** Delays every chunk, both ways, by {@code delay}. */
    void slow(Duration delay) {
        this.delay = delay;
    }

    /** Passes bytes as they come again. */
    void heal() {
        delay = Duration.ZERO;
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    @Override
    public void close() {
        closed = true;
        heal();
        closeQuietly(listener);
        drop();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                try {
                    server.connect(upstream, 5_000);
                }
                catch (IOException ex) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            }
            catch (IOException ex) {
                if (!closed) {
                    sleep(Duration.ofMillis(50));
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                awaitPassage();
                out.write(buffer, 0, read);
                out.flush();
            }
        }
        catch (IOException ex) {
            // the connection was cut, by a peer or by drop()
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void awaitPassage() {
        synchronized (gate) {
            while (frozen && !closed) {
                try {
                    gate.wait();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        Duration wait = delay;
        if (!wait.isZero()) {
            sleep(wait);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        }
        catch (Exception ex) {
            // already closed
        }
    }
}
