#!/usr/bin/env bash
# Installs the ParrotScope Java kernel as the Jupyter kernelspec "java" (IJava's name and language, so
# notebooks written for IJava pick it up). Idempotent: rewrites kernel.json only when it changes.
# Target: /usr/local/share/jupyter/kernels/java as root, else ~/.local/share/jupyter/kernels/java;
# PARROTSCOPE_KERNELSPEC_DIR overrides it (the tests install into a temporary JUPYTER_PATH this way).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
say() { echo "[bootstrap] $*" >&2; }

if [ -n "${PARROTSCOPE_KERNELSPEC_DIR:-}" ]; then
  DIR="$PARROTSCOPE_KERNELSPEC_DIR"
elif [ "$(id -u)" = 0 ]; then
  DIR=/usr/local/share/jupyter/kernels/java
else
  DIR="${XDG_DATA_HOME:-$HOME/.local/share}/jupyter/kernels/java"
fi
for d in "$ROOT/environment/kernel/target/classes" "$ROOT/lib/target/classes" "$ROOT/lib/target/lib" "$ROOT/environment/kernel/target/lib"; do
  [ -d "$d" ] || { say "kernel: $d missing; build first (mvn install -DskipTests)"; exit 1; }
done
JAVA="$(readlink -f "$(command -v java)")"
# Classes folders first, so a rebuilt library is used without reinstalling; the kernel's own lib/ adds
# the basekernel and Maven resolver jars.
CP="$ROOT/environment/kernel/target/classes:$ROOT/lib/target/classes:$ROOT/lib/target/lib/*:$ROOT/environment/kernel/target/lib/*"
CORES="$(nproc)"

mkdir -p "$DIR"
TMP="$(mktemp "$DIR/.kernel.json.XXXXXX")"
trap 'rm -f "$TMP"' EXIT
/usr/bin/python3 - "$JAVA" "$CP" "$CORES" > "$TMP" <<'PY'
import json, os, sys
java, cp, cores = sys.argv[1:4]
# Tesseract's OpenMP oversubscribes beyond the core count; DJL must never reach a model hub.
env = {"OMP_THREAD_LIMIT": cores, "DJL_OFFLINE": "true"}
# A GPU machine (PARROTSCOPE_DEVICE=gpu at bootstrap, lib/README.md "GPU"): the notebooks get the same device,
# libtorch flavour and TF32 switch as environment/parrotscope; DJL_OFFLINE=false or PYTORCH_LIBRARY_PATH says
# where the CUDA libtorch comes from.
if os.environ.get("PARROTSCOPE_DEVICE", "").startswith("gpu"):
    env["PARROTSCOPE_DEVICE"] = os.environ["PARROTSCOPE_DEVICE"]
    env["PYTORCH_FLAVOR"] = os.environ.get("PYTORCH_FLAVOR", "cu128")
    env["TORCH_ALLOW_TF32_CUBLAS_OVERRIDE"] = os.environ.get("TORCH_ALLOW_TF32_CUBLAS_OVERRIDE", "1")
    env["DJL_OFFLINE"] = os.environ.get("DJL_OFFLINE", "true")
    if os.environ.get("PYTORCH_LIBRARY_PATH"):
        env["PYTORCH_LIBRARY_PATH"] = os.environ["PYTORCH_LIBRARY_PATH"]
print(json.dumps({
    "argv": [java, "-Djava.awt.headless=true", "-cp", cp,
             "org.parrotscope.kernel.ParrotKernel", "{connection_file}"],
    "display_name": "Java (ParrotScope)",
    "language": "java",
    "interrupt_mode": "message",
    "env": env,
    "metadata": {"parrotscope": True},
}, indent=2))
PY
if cmp -s "$TMP" "$DIR/kernel.json"; then
  exit 0
fi
mv "$TMP" "$DIR/kernel.json"
chmod 644 "$DIR/kernel.json"
say "kernelspec 'java' installed in $DIR"
