package cn.fupin.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether a port is taken, checked before anything starts: a part that cannot bind its port fails late and
 * obscurely (Keycloak after a minute of start-up), a check up front fails at once and says which port.
 */
final class PortCheck {

    private PortCheck() {
    }

    /** Taken if something answers on it, or if it cannot be bound on all interfaces as the services do. */
    static boolean inUse(int port) {
        if (Readiness.listening("127.0.0.1", port)) {
            return true;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return false;
        }
        catch (IOException ex) {
            return true;
        }
    }
}
