# Environment shared by environment/run, environment/test and environment/parrotscope (sourced).
# Tesseract's OpenMP oversubscribes unless capped at the core count (lib/docs/STACK.md, Tesseract); DJL must never
# reach a model hub (no internet beyond package registries).
export OMP_THREAD_LIMIT="${OMP_THREAD_LIMIT:-$(nproc)}"
export DJL_OFFLINE="${DJL_OFFLINE:-true}"
export PYDEVD_DISABLE_FILE_VALIDATION=1
