"""Attacks a running kernel with malformed messages on every channel and prints one JSON object: for
each case, what the kernel answered, the lines it wrote to stderr, and whether it still served a
heartbeat, a control request and an execute_request that reads a variable defined before the attacks.
Raw frames go through pyzmq; signatures are computed here with Python's hmac (the wire protocol's
HMAC-SHA256 over the four JSON frames), independently of the kernel's code.
usage: malformed_client.py KERNEL_NAME STDERR_FILE"""
import datetime
import hashlib
import hmac
import json
import os
import random
import socket
import sys
import time
import uuid

import zmq
from jupyter_client.manager import KernelManager

KERNEL, LOG = sys.argv[1], sys.argv[2]
MIB = 1 << 20
DELIM = b"<IDS|MSG>"
DROP = object()

km = KernelManager(kernel_name=KERNEL)
log = open(LOG, "wb")
km.start_kernel(stdout=log, stderr=log)
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=120)
info = km.get_connection_info()
key = info["key"] if isinstance(info["key"], bytes) else info["key"].encode()
ctx = zmq.Context()


def addr(port):
    return "%s://%s:%d" % (info["transport"], info["ip"], info[port])


def sign(parts):
    h = hmac.new(key, digestmod=hashlib.sha256)
    for p in parts:
        h.update(p)
    return h.hexdigest().encode()


def header(type_, **over):
    h = {"msg_id": uuid.uuid4().hex, "msg_type": type_, "username": "attacker",
         "session": uuid.uuid4().hex, "date": datetime.datetime.now(datetime.timezone.utc).isoformat(),
         "version": "5.3"}
    h.update(over)
    return {k: v for k, v in h.items() if v is not DROP}


def enc(x):
    return x if isinstance(x, bytes) else json.dumps(x).encode()


def message(hdr, content, parent=None, metadata=None, sig=None, buffers=()):
    parts = [enc(hdr), enc(parent or {}), enc(metadata or {}), enc(content)]
    return [DELIM, sign(parts) if sig is None else sig] + parts + list(buffers)


def dealer(port):
    s = ctx.socket(zmq.DEALER)
    s.setsockopt(zmq.LINGER, 1000)
    s.connect(addr(port))
    return s


def reply_on(s, timeout=3.0):
    """The content and msg_type of the first reply on a raw socket, or None."""
    if not s.poll(int(timeout * 1000)):
        return None
    frames = s.recv_multipart()
    i = frames.index(DELIM)
    return {"msg_type": json.loads(frames[i + 2])["msg_type"], "content": json.loads(frames[i + 5])}


def send_raw(port, frames, wait_reply=1.0):
    s = dealer(port)
    s.send_multipart(frames)
    r = reply_on(s, wait_reply)
    s.close()
    return r


def reply_to(msg_id, timeout=60):
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def execute(code, timeout=60, **kw):
    msg_id = kc.execute(code, **kw)
    results = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            results.append(msg["content"]["data"]["text/plain"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    return reply_to(msg_id)["content"]["status"], results


def heartbeat_ok():
    s = ctx.socket(zmq.REQ)
    s.setsockopt(zmq.LINGER, 0)
    s.connect(addr("hb_port"))
    s.send(b"ping")
    ok = bool(s.poll(5000)) and s.recv() == b"ping"
    s.close()
    return ok


def probe():
    control = send_raw("control_port", message(header("kernel_info_request"), {}), 10)
    status, results = execute("before + 1")
    return {"heartbeat": heartbeat_ok(), "control": bool(control) and control["msg_type"] == "kernel_info_reply",
            "execute": status, "value": results}


def tcp_bytes(port, data):
    s = socket.create_connection((info["ip"], info[port]), timeout=5)
    s.sendall(data)
    time.sleep(0.2)
    s.close()


def noise(n, seed):
    return random.Random(seed).randbytes(n)


def huge(n):
    return os.urandom(n)


CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


EXEC = {"code": "before = -1;", "silent": False, "store_history": True, "user_expressions": {},
        "allow_stdin": False, "stop_on_error": True}

# ---- shell: framing, signature, encoding, JSON, header ----
@case
def shell_bad_signature():
    return send_raw("shell_port", message(header("execute_request"), EXEC, sig=b"0" * 64))

@case
def shell_missing_signature():
    return send_raw("shell_port", message(header("execute_request"), EXEC, sig=b""))

@case
def shell_no_delimiter():
    return send_raw("shell_port", message(header("execute_request"), EXEC)[2:])

@case
def shell_too_few_frames():
    return send_raw("shell_port", message(header("execute_request"), EXEC)[:3])

@case
def shell_invalid_json_header():
    return send_raw("shell_port", message(b'{"msg_id": "x", "msg_type": ', EXEC))

@case
def shell_invalid_json_parent():
    return send_raw("shell_port", message(header("kernel_info_request"), {}, parent=b"{oops}"))

@case
def shell_invalid_json_metadata():
    return send_raw("shell_port", message(header("kernel_info_request"), {}, metadata=b"[1,"))

@case
def shell_invalid_json_content():
    return send_raw("shell_port", message(header("execute_request"), b'{"code": "1" "x"}'))

@case
def shell_invalid_utf8_header():
    return send_raw("shell_port", message(b'{"msg_id": "\xff\xfe", "msg_type": "kernel_info_request"}', {}))

@case
def shell_invalid_utf8_content():
    return send_raw("shell_port", message(header("execute_request"), b'{"code": "\xc3\x28"}'))

@case
def shell_header_not_object():
    return send_raw("shell_port", message(b'["kernel_info_request"]', {}))

@case
def shell_content_not_object():
    return send_raw("shell_port", message(header("execute_request"), b"[]"))

@case
def shell_missing_msg_type():
    return send_raw("shell_port", message(header("kernel_info_request", msg_type=DROP), {}))

@case
def shell_missing_msg_id():
    return send_raw("shell_port", message(header("kernel_info_request", msg_id=DROP), {}))

@case
def shell_msg_type_not_string():
    return send_raw("shell_port", message(header("kernel_info_request", msg_type=42), {}))

@case
def shell_only_msg_id_and_type():
    return send_raw("shell_port", message({"msg_id": uuid.uuid4().hex, "msg_type": "kernel_info_request"}, {}), 10)

@case
def shell_deeply_nested_json():
    return send_raw("shell_port", message(header("execute_request"), b"[" * 200000 + b"]" * 200000))

@case
def shell_unknown_msg_type():
    return send_raw("shell_port", message(header("frobnicate_request"), {"x": 1}))

@case
def shell_huge_garbage_frame():
    return send_raw("shell_port", [huge(16 * MIB)])

@case
def shell_huge_frame_bad_signature():
    return send_raw("shell_port", message(header("execute_request"), huge(16 * MIB), sig=b"f" * 64))

@case
def shell_signed_huge_buffer():
    return send_raw("shell_port", message(header("kernel_info_request"), {}, buffers=[huge(16 * MIB)]), 10)

@case
def shell_frame_over_size_limit():
    return send_raw("shell_port", [DELIM, huge(48 * MIB)])

# ---- shell: signed requests with content of the wrong shape ----
@case
def shell_execute_missing_code():
    return send_raw("shell_port", message(header("execute_request"), {"silent": False}), 10)

@case
def shell_execute_code_not_string():
    return send_raw("shell_port", message(header("execute_request"), {"code": {"a": 1}}), 10)

@case
def shell_complete_cursor_not_int():
    return send_raw("shell_port", message(header("complete_request"), {"code": "Ma", "cursor_pos": "end"}), 10)

@case
def shell_history_bad_access_type():
    return send_raw("shell_port", message(header("history_request"), {"hist_access_type": "bogus"}), 10)

@case
def shell_comm_info_target_not_string():
    return send_raw("shell_port", message(header("comm_info_request"), {"target_name": 5}), 10)

@case
def shell_comm_open_missing_target():
    return send_raw("shell_port", message(header("comm_open"), {"comm_id": "c0"}))

@case
def shell_comm_open_unknown_target():
    return send_raw("shell_port", message(header("comm_open"), {"comm_id": "c1", "target_name": "no.such", "data": {}}))

@case
def shell_comm_msg_unknown_comm():
    return send_raw("shell_port", message(header("comm_msg"), {"comm_id": "nope", "data": {"x": 1}}))

@case
def shell_comm_msg_data_not_object():
    return send_raw("shell_port", message(header("comm_msg"), {"comm_id": "nope", "data": [1, 2]}))

@case
def shell_comm_close_unknown_comm():
    return send_raw("shell_port", message(header("comm_close"), {"comm_id": "nope", "data": {}}))

# ---- control ----
@case
def control_shutdown_bad_signature():
    return send_raw("control_port", message(header("shutdown_request"), {"restart": False}, sig=b"0" * 64))

@case
def control_too_few_frames():
    return send_raw("control_port", message(header("shutdown_request"), {"restart": False})[:4])

@case
def control_no_delimiter():
    return send_raw("control_port", [b"shutdown_request", b"{}"])

@case
def control_invalid_json_content():
    return send_raw("control_port", message(header("interrupt_request"), b"{"))

@case
def control_shutdown_missing_msg_id():
    return send_raw("control_port", message(header("shutdown_request", msg_id=DROP), {"restart": False}))

@case
def control_shutdown_restart_not_boolean():
    return send_raw("control_port", message(header("shutdown_request"), {"restart": "yes"}), 10)

@case
def control_shutdown_content_not_object():
    return send_raw("control_port", message(header("shutdown_request"), b'"now"'))

@case
def control_interrupt_content_not_object():
    return send_raw("control_port", message(header("interrupt_request"), b"[]"))

@case
def control_interrupt_extra_fields():
    return send_raw("control_port", message(header("interrupt_request"), {"signal": "INT", "x": [1]}), 10)

@case
def control_unknown_msg_type():
    return send_raw("control_port", message(header("debug_request"), {"command": "attach"}))

@case
def control_huge_garbage_frame():
    return send_raw("control_port", [huge(16 * MIB)])

# ---- stdin ----
@case
def stdin_garbage_while_idle():
    return send_raw("stdin_port", [b"not", b"a", b"message"])

@case
def stdin_bad_signature_while_idle():
    return send_raw("stdin_port", message(header("input_reply"), {"value": "x"}, sig=b"1" * 64))

@case
def stdin_input_reply_nobody_asked_for():
    return send_raw("stdin_port", message(header("input_reply"), {"value": "x"}))

@case
def stdin_huge_garbage_frame():
    return send_raw("stdin_port", [huge(16 * MIB)])


def ask_input(attack):
    """Runs a cell that reads a line, attacks stdin while it waits, then answers; returns the cell's value."""
    # read(byte[]) takes the one reply as it is (a Scanner would wait for a line end, asking again)
    msg_id = kc.execute("byte[] buf = new byte[256];\nint n = System.in.read(buf);\nnew String(buf, 0, n)",
                        allow_stdin=True)
    req = kc.get_stdin_msg(timeout=60)
    attack(req)
    results = []
    while True:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            results.append(msg["content"]["data"]["text/plain"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    return {"request": req["msg_type"], "reply": reply_to(msg_id)["content"]["status"], "value": results}

@case
def stdin_garbage_while_waiting_for_input():
    def attack(req):
        send_raw("stdin_port", message(header("input_reply"), {"value": "evil"}, sig=b"0" * 64), 0.2)
        send_raw("stdin_port", [b"garbage"], 0.2)
        send_raw("stdin_port", message(header("input_reply"), b"{]"), 0.2)
        time.sleep(0.5)
        kc.input("good")
    return ask_input(attack)

@case
def stdin_input_reply_value_not_string():
    def attack(req):
        msg = kc.session.msg("input_reply", {"value": 5}, parent=req["parent_header"])
        kc.stdin_channel.send(msg)
        time.sleep(0.5)
        kc.input("good")
    return ask_input(attack)

# ---- heartbeat ----
@case
def heartbeat_multipart_ping():
    s = ctx.socket(zmq.REQ)
    s.setsockopt(zmq.LINGER, 0)
    s.connect(addr("hb_port"))
    s.send_multipart([b"a", b"b", b"c"])
    echo = s.recv_multipart() if s.poll(5000) else None
    s.close()
    return {"echo": [f.decode() for f in echo] if echo else None}

@case
def heartbeat_huge_ping():
    s = ctx.socket(zmq.REQ)
    s.setsockopt(zmq.LINGER, 0)
    s.connect(addr("hb_port"))
    ping = huge(16 * MIB)
    s.send(ping)
    echo = s.recv() if s.poll(10000) else None
    s.close()
    return {"echo_equal": echo == ping}

@case
def heartbeat_dealer_garbage():
    s = ctx.socket(zmq.DEALER)
    s.setsockopt(zmq.LINGER, 0)
    s.connect(addr("hb_port"))
    s.send_multipart([b"no empty delimiter", b"\xff" * 100])
    time.sleep(0.3)
    s.close()

# ---- iopub ----
@case
def iopub_wrong_socket_type():
    s = ctx.socket(zmq.DEALER)
    s.setsockopt(zmq.LINGER, 0)
    s.connect(addr("iopub_port"))
    s.send_multipart([b"\x01", b"junk"])
    time.sleep(0.3)
    s.close()

@case
def iopub_subscriber_sends_junk():
    s = ctx.socket(zmq.XSUB)
    s.setsockopt(zmq.LINGER, 0)
    s.connect(addr("iopub_port"))
    s.send(b"\x07" + os.urandom(1024))
    s.send(b"\x01")
    time.sleep(0.3)
    s.close()

# ---- raw TCP bytes that are not ZMTP at all, on every port: the handshake fails ----
for _port in ("shell_port", "control_port", "stdin_port", "hb_port", "iopub_port"):
    CASES["tcp_garbage_" + _port[:-5]] = (lambda p: lambda: tcp_bytes(
        p, b"GET / HTTP/1.1\r\nHost: kernel\r\n\r\n" + noise(4096, 14)))(_port)

# ---- ZMTP's greeting signature, then noise: ZeroMQ may cut it into any number of frames ----
for _port in ("shell_port", "control_port", "stdin_port"):
    CASES["tcp_zmtp_noise_" + _port[:-5]] = (lambda p: lambda: tcp_bytes(
        p, b"\xff" + bytes(8) + b"\x7f" + noise(8192, 14)))(_port)


res = {"cases": {}}
try:
    status, _ = execute("int before = 41;")
    res["setup"] = status
    res["before_attacks"] = probe()
    for name, fn in CASES.items():
        start = os.path.getsize(LOG)
        t0 = time.time()
        try:
            answer = fn()
            error = None
        except Exception as e:  # a case that breaks the client is a failure to report, not to hide
            answer, error = None, "%s: %s" % (type(e).__name__, e)
        time.sleep(0.3)
        try:
            after = probe()
        except Exception as e:
            after = {"error": "%s: %s" % (type(e).__name__, e)}
        with open(LOG, "rb") as f:
            f.seek(start)
            lines = f.read().decode("utf-8", "replace").splitlines()
        res["cases"][name] = {"answer": answer, "client_error": error, "probe": after, "log": lines,
                              "seconds": round(time.time() - t0, 2)}
        print(name, json.dumps(res["cases"][name])[:600], file=sys.stderr, flush=True)
        if "error" in after:
            break  # the kernel no longer answers: the rest would only time out
finally:
    kc.stop_channels()
    t0 = time.time()
    km.shutdown_kernel(now=False)
    res["shutdown_seconds"] = round(time.time() - t0, 2)  # jupyter_client kills after 5 s
    res["alive_after_shutdown"] = km.is_alive()
print("RESULT " + json.dumps(res))
