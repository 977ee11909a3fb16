package org.newsroom.localstack;

/** A port a part needs is already taken by another process. */
public class PortInUseException extends LocalStackException {

    private final int port;
    private final Part part;

    public PortInUseException(int port, Part part, String portName) {
        super("Port " + port + " (" + part.id() + " " + portName + ") is already in use by another process. "
                + "Stop it (is Newsroom already running? try ./newsroom status) or choose another port.");
        this.port = port;
        this.part = part;
    }

    public int port() {
        return port;
    }

    public Part part() {
        return part;
    }
}
