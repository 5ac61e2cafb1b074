# Environment shared by environment/run, environment/test and environment/parrotscope (sourced).
# Tesseract's OpenMP oversubscribes unless capped at the core count (lib/docs/STACK.md, Tesseract); DJL must never
# reach a model hub (no internet beyond package registries).
export OMP_THREAD_LIMIT="${OMP_THREAD_LIMIT:-$(nproc)}"
export DJL_OFFLINE="${DJL_OFFLINE:-true}"
export PYDEVD_DISABLE_FILE_VALIDATION=1
# `--device gpu` among the arguments (environment/parrotscope passes its own) asks for the GPU build and its
# environment as PARROTSCOPE_DEVICE=gpu does; the option itself still decides the device.
prev=""
for a in "$@"; do
  case "$prev|$a" in
    "--device|gpu"* | *"|--device=gpu"*) export PARROTSCOPE_DEVICE="${PARROTSCOPE_DEVICE:-gpu}" ;;
  esac
  prev="$a"
done
unset prev a
# A GPU run (PARROTSCOPE_DEVICE=gpu or gpu:N; lib/README.md "GPU"): DJL 0.36 loads the CUDA libtorch 2.7.1 only
# for exactly this flavour, and PyTorch uses TF32 matmuls, as OpenCLIP trains, only with this override set
# before libtorch loads. Values already set win.
case "${PARROTSCOPE_DEVICE:-}" in
  gpu*)
    export PYTORCH_FLAVOR="${PYTORCH_FLAVOR:-cu128}"
    export TORCH_ALLOW_TF32_CUBLAS_OVERRIDE="${TORCH_ALLOW_TF32_CUBLAS_OVERRIDE:-1}"
    ;;
esac
