"""What this process is running in, asked before starting more processes or leaving early.
Neither question imports multiprocessing or threading when the run never did (start-up time)."""
from __future__ import annotations

import sys


def in_worker() -> bool:
    """Already in a worker process (a batch run's, or the aligner's): no pool inside a pool."""
    mp = sys.modules.get("multiprocessing")
    return mp is not None and mp.parent_process() is not None


def single_threaded() -> bool:
    """No other thread runs. A Dask worker runs checks in threads, and forking a process with
    threads can copy a lock another thread holds; a process with threads must also not leave
    with os._exit before they end."""
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1
