package org.parrotscope.kernel.wire;

import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.channels.StdinChannel;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;

/**
 * basekernel's reply environment, except that input is read through {@link GuardedConnection} (which
 * survives bad stdin messages) and that it records whether a reply went out, so a request whose
 * handler failed can still be answered.
 */
final class GuardedReplyEnvironment extends ShellReplyEnvironment {
    /** Reads one line of input for a request. */
    @FunctionalInterface
    interface Input {
        String read(MessageContext context, String prompt, boolean password);
    }

    private final MessageContext context;
    private final Input input;
    private volatile boolean replied;

    GuardedReplyEnvironment(
            ShellChannel shell, StdinChannel stdin, JupyterSocket iopub, MessageContext context, Input input) {
        super(shell, stdin, iopub, context);
        this.context = context;
        this.input = input;
    }

    @Override
    public void reply(Message<?> message) {
        replied = true;
        super.reply(message);
    }

    /** @return whether a reply was sent or deferred */
    boolean replied() {
        return replied;
    }

    @Override
    public String readFromStdIn(String prompt, boolean isPassword) {
        return input.read(context, prompt, isPassword);
    }
}
