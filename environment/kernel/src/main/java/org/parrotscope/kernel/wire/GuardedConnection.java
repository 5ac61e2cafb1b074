package org.parrotscope.kernel.wire;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.request.InputRequest;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.zeromq.ZMQ;

/**
 * basekernel's {@link JupyterConnection} with its own socket loops: a malformed message on any channel
 * (bad or missing signature, wrong frame count, invalid UTF-8 or JSON, missing header fields, content of
 * the wrong shape) is dropped with one line on stderr and the kernel keeps serving. basekernel's loops
 * let the {@code SecurityException} of a bad signature end the shell thread, and read frame by frame, so
 * a short message swallowed the next one.
 *
 * <p>Policy, following ipykernel where it is defined: a message that is not a well-formed signed Jupyter
 * message gets no answer (nothing can be trusted to address one); a signed message of an unknown type
 * gets busy/idle status and no reply, as ipykernel does; a signed request whose content has the wrong
 * shape, or whose handler fails, gets an error reply of its reply type so the client is not left waiting
 * (ipykernel logs a traceback and sends none). Heartbeat echoes every frame of a ping. ZeroMQ itself
 * disconnects a peer that sends a frame over {@link #maxMessageBytes}, so a huge frame cannot exhaust
 * the heap.
 */
public final class GuardedConnection extends JupyterConnection {
    /** Environment variable: the largest frame accepted, in MiB (default a quarter of the maximum heap). */
    public static final String MAX_MESSAGE_ENV = "PARROTSCOPE_KERNEL_MAX_MESSAGE_MB";

    private final KernelConnectionProperties props;
    private final HMACGenerator hmac;
    private final long maxMessageBytes;
    private final ZMQ.Context pollers = ZMQ.context(1);
    private final ConcurrentLinkedQueue<Message<?>> stdinOutbox = new ConcurrentLinkedQueue<>();
    private final AtomicReference<CompletableFuture<String>> pendingInput = new AtomicReference<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    private List<ChannelLoop> loops = List.of();

    /**
     * @param props the connection file's contents
     * @param maxMessageBytes the largest frame ZeroMQ accepts; a peer sending more is disconnected
     * @throws NoSuchAlgorithmException when the signature scheme is unknown
     * @throws InvalidKeyException when the key is unusable
     */
    public GuardedConnection(KernelConnectionProperties props, long maxMessageBytes)
            throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
        }
        this.props = props;
        this.hmac = props.createHMACGenerator();
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * @param env the kernel's environment
     * @return {@value #MAX_MESSAGE_ENV} in bytes, or a quarter of the maximum heap
     * @throws IllegalArgumentException when the variable is not a positive whole number
     */
    public static long maxMessageBytes(Map<String, String> env) {
        String v = env.get(MAX_MESSAGE_ENV);
        if (v == null || v.isBlank()) {
            return Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4);
        }
        try {
            long mb = Long.parseLong(v.trim());
            if (mb > 0) {
                return mb << 20;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(MAX_MESSAGE_ENV + " must be a positive number of MiB, not '" + v + "'");
    }

    @Override
    public synchronized void connect() {
        if (!loops.isEmpty()) {
            return;
        }
        for (ZMQ.Socket s : List.<ZMQ.Socket>of(heartbeat, shell, control, stdin, iopub)) {
            s.setMaxMsgSize(maxMessageBytes);
        }
        iopub.bind(props);
        heartbeat.bind(address(props.getHbPort()));
        shell.bind(address(props.getShellPort()));
        control.bind(address(props.getControlPort()));
        stdin.bind(address(props.getStdinPort()));
        loops = List.of(
                loop("heartbeat", heartbeat, this::echo, () -> {}),
                loop("shell", shell, f -> dispatch("shell", shell, f), () -> {}),
                loop("control", control, f -> dispatch("control", control, f), () -> {}),
                loop("stdin", stdin, this::onStdin, this::flushStdin));
        loops.forEach(Thread::start);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    private String address(int port) {
        return props.getTransport() + "://" + props.getIp() + ":" + port;
    }

    private ChannelLoop loop(
            String name, ZMQ.Socket s, java.util.function.Consumer<List<byte[]>> handler, Runnable idle) {
        ZMQ.Poller poller = pollers.poller(1);
        poller.register(s, ZMQ.Poller.POLLIN);
        return new ChannelLoop(name, s, poller, handler, idle);
    }

    // A heartbeat is echoed whole, every frame, as ipykernel's zmq device does.
    private void echo(List<byte[]> frames) {
        synchronized (heartbeat) {
            for (int i = 0; i < frames.size() - 1; i++) {
                heartbeat.sendMore(frames.get(i));
            }
            heartbeat.send(frames.get(frames.size() - 1));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(String channel, ShellChannel socket, List<byte[]> frames) {
        WireMessage wire;
        Message<Object> envelope;
        try {
            wire = WireMessage.decode(frames, hmac);
            envelope = MessageCodec.envelope(wire);
        } catch (MalformedMessageException e) {
            ProtocolLog.warn(channel, "dropped a message: " + e.getMessage() + " (" + frames.size() + " frames)");
            return;
        }
        String name = wire.msgType();
        MessageType<?> type = MessageType.getType(name);
        ShellHandler handler = type == MessageType.UNKNOWN ? null : getHandler(type);
        GuardedReplyEnvironment env = (GuardedReplyEnvironment) prepareReplyEnv(socket, envelope);
        if (handler == null || !ContentSchema.known(name)) {
            env.setStatusBusy();
            ProtocolLog.warn(channel, "ignored a message of unknown type '" + name + "' (msg_id " + wire.msgId() + ")");
            env.setStatusIdle();
            return;
        }
        Message<Object> message;
        try {
            Optional<String> problem = ContentSchema.problem(name, wire.content());
            if (problem.isPresent()) {
                throw new MalformedMessageException(problem.get());
            }
            message = MessageCodec.decode(wire, type);
        } catch (MalformedMessageException e) {
            env.setStatusBusy();
            refuse(channel, env, name, e.getMessage());
            env.setStatusIdle();
            return;
        }
        try {
            handler.handle(env, message);
        } catch (Exception | StackOverflowError e) {
            if (!env.replied()) {
                refuse(channel, env, name, "handler failed: " + ChannelLoop.describe(e));
            } else {
                ProtocolLog.warn(channel, name + " handler failed after replying: " + ChannelLoop.describe(e));
            }
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            close();
        }
    }

    // Answers a request that cannot be served with an error of its reply type; other messages (comm_*)
    // have no reply in the protocol and are only logged.
    private static void refuse(String channel, GuardedReplyEnvironment env, String name, String problem) {
        MessageType<?> reply = name.endsWith("_request")
                ? MessageType.getType(name.substring(0, name.length() - "_request".length()) + "_reply")
                : MessageType.UNKNOWN;
        if (reply == MessageType.UNKNOWN) {
            ProtocolLog.warn(channel, "dropped a " + name + ": " + problem);
            return;
        }
        ProtocolLog.warn(channel, "refused a " + name + " with an error reply: " + problem);
        env.replyError(reply.error(), new ErrorReply("InvalidMessage", problem, List.of()));
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel socket, MessageContext context) {
        return new GuardedReplyEnvironment(socket, stdin, iopub, context, this::readInput);
    }

    // Runs on the thread of the code asking for input; the stdin loop alone touches the socket.
    private String readInput(MessageContext context, String prompt, boolean password) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        pendingInput.set(answer);
        stdinOutbox.add(new Message<>(context, InputRequest.MESSAGE_TYPE, new InputRequest(prompt, password)));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for input", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("No input: " + e.getCause().getMessage(), e);
        } finally {
            pendingInput.compareAndSet(answer, null);
        }
    }

    private void flushStdin() {
        Message<?> m;
        while ((m = stdinOutbox.poll()) != null) {
            stdin.sendMessage(m);
        }
    }

    // As ipykernel, a malformed message on stdin is logged and the kernel keeps waiting for input. An
    // input_reply without a string value is dropped too (ipykernel takes it as empty input, which
    // basekernel's JupyterInputStream would answer with a second input_request), so the client can still
    // answer, or the user interrupt.
    private void onStdin(List<byte[]> frames) {
        WireMessage wire;
        try {
            wire = WireMessage.decode(frames, hmac);
        } catch (MalformedMessageException e) {
            ProtocolLog.warn("stdin", "dropped a message: " + e.getMessage() + " (" + frames.size() + " frames)");
            return;
        }
        if (!wire.msgType().equals("input_reply")) {
            ProtocolLog.warn("stdin", "ignored a '" + wire.msgType() + "' message: only input_reply belongs here");
            return;
        }
        CompletableFuture<String> answer = pendingInput.get();
        if (answer == null) {
            ProtocolLog.warn("stdin", "ignored an input_reply: no input was requested");
            return;
        }
        Optional<String> problem = ContentSchema.problem("input_reply", wire.content());
        if (problem.isPresent()) {
            ProtocolLog.warn("stdin", "dropped an input_reply, still waiting for input: " + problem.get());
            return;
        }
        pendingInput.compareAndSet(answer, null);
        answer.complete(wire.content().get("value").getAsString());
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        loops.forEach(ChannelLoop::shutdown);
        for (ChannelLoop l : loops) {
            if (l != Thread.currentThread()) {
                try {
                    l.join(2000); // a loop busy in a long cell is left behind; its socket closes anyway
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        CompletableFuture<String> answer = pendingInput.getAndSet(null);
        if (answer != null) {
            answer.completeExceptionally(new IllegalStateException("the kernel is shutting down"));
        }
        super.close();
        pollers.close();
        closed.countDown();
    }

    @Override
    public void waitUntilClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
