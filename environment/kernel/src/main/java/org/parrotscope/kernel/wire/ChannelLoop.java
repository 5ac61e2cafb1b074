package org.parrotscope.kernel.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.zeromq.ZMQ;

/**
 * A thread that owns one socket: it waits for input, reads each ZeroMQ message whole (every frame, so
 * a message with too few frames can never swallow the next one, as basekernel's frame-by-frame
 * {@code readMessage} does) and hands it on. Whatever the handler throws is logged as one line and the
 * loop goes on: one message cannot end the channel.
 */
final class ChannelLoop extends Thread {
    private static final long POLL_MS = 100;

    private final String channel;
    private final ZMQ.Socket socket;
    private final ZMQ.Poller poller;
    private final Consumer<List<byte[]>> handler;
    private final Runnable idle;
    private volatile boolean running = true;

    /**
     * @param channel the channel's name, for the log
     * @param socket the socket this thread alone reads
     * @param poller a poller with only {@code socket} registered for input
     * @param handler called with the frames of each message
     * @param idle called before each wait, e.g. to send queued messages from this thread
     */
    ChannelLoop(String channel, ZMQ.Socket socket, ZMQ.Poller poller, Consumer<List<byte[]>> handler, Runnable idle) {
        super("ParrotScope-" + channel);
        setDaemon(true);
        this.channel = channel;
        this.socket = socket;
        this.poller = poller;
        this.handler = handler;
        this.idle = idle;
    }

    /** Asks the loop to stop after the message it is handling (it checks every {@value #POLL_MS} ms). */
    void shutdown() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            List<byte[]> frames;
            try {
                idle.run();
                if (poller.poll(POLL_MS) <= 0 || !running) {
                    continue;
                }
                frames = readWhole();
            } catch (RuntimeException e) {
                if (!running) {
                    break; // the socket was closed under us at shutdown
                }
                ProtocolLog.warn(channel, "socket error, going on: " + describe(e));
                continue;
            }
            if (frames.isEmpty()) {
                continue;
            }
            try {
                handler.accept(frames);
            } catch (RuntimeException | StackOverflowError e) {
                ProtocolLog.warn(channel, "message handling failed, going on: " + describe(e));
            }
        }
    }

    // basekernel's sendMessage holds the socket's monitor; so does reading, so the two never interleave.
    private List<byte[]> readWhole() {
        List<byte[]> frames = new ArrayList<>();
        synchronized (socket) {
            byte[] f = socket.recv(ZMQ.DONTWAIT);
            if (f == null) {
                return frames;
            }
            frames.add(f);
            // The frames of one ZeroMQ message arrive together, so these never wait.
            while (socket.hasReceiveMore()) {
                frames.add(socket.recv());
            }
        }
        return frames;
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
