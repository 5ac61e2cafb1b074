"""Drives the 'java' kernel over the Jupyter protocol (jupyter_client, Debian's python3) and prints
one JSON object: start time, the interrupt of a running cell, is_complete, complete and inspect."""
import json
import time
from jupyter_client.manager import KernelManager


def reply_to(kc, msg_id, timeout=120):
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]


def iopub_until_idle(kc, msg_id, seen, timeout=120):
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        seen.append({"type": msg["msg_type"], "content": msg["content"]})
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return seen


res = {}
t0 = time.time()
km = KernelManager(kernel_name="java")
km.start_kernel()
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=120)
res["startup_seconds"] = round(time.time() - t0, 2)
try:
    res["language"] = reply_to(kc, kc.kernel_info())["language_info"]["name"]

    msg_id = kc.execute('int before = 7;\nSystem.out.println("started");\nThread.sleep(600_000);\n"not reached"')
    seen = []
    while True:  # the stream arrives while the cell is still running
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        seen.append({"type": msg["msg_type"], "content": msg["content"]})
        if msg["msg_type"] == "stream" and "started" in msg["content"]["text"]:
            break
    t1 = time.time()
    km.interrupt_kernel()
    reply = reply_to(kc, msg_id)
    res["interrupt_seconds"] = round(time.time() - t1, 2)
    res["interrupted_reply"] = {k: reply.get(k) for k in ("status", "ename", "evalue")}
    iopub_until_idle(kc, msg_id, seen)
    res["interrupted_outputs"] = [s for s in seen if s["type"] in ("stream", "error", "execute_result")]

    msg_id = kc.execute("before * 6")
    out = iopub_until_idle(kc, msg_id, [])
    reply_to(kc, msg_id)
    res["after_interrupt"] = [o["content"]["data"]["text/plain"] for o in out if o["type"] == "execute_result"]

    res["is_complete_open"] = reply_to(kc, kc.is_complete("void f() {"))["status"]
    res["is_complete_done"] = reply_to(kc, kc.is_complete("int x = 1;"))["status"]
    code = 'String w = "abc"; w.subs'
    c = reply_to(kc, kc.complete(code, len(code)))
    res["complete"] = {"matches": c["matches"], "start": c["cursor_start"], "end": c["cursor_end"]}
    i = reply_to(kc, kc.inspect("Math.floorMod(7, 3)", 7))
    res["inspect"] = {"found": i["found"], "text": i.get("data", {}).get("text/plain", "")}
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
print("RESULT " + json.dumps(res))
