/**
 * The kernel's ZeroMQ side, hardened against malformed input: every incoming message is read whole
 * (all frames), checked (framing, HMAC signature, UTF-8, JSON, header, content shape) before it
 * reaches jupyter-jvm-basekernel's handlers, and a message that fails is dropped with one log line
 * instead of ending the channel's thread. See {@link org.parrotscope.kernel.wire.GuardedConnection}.
 */
package org.parrotscope.kernel.wire;
