"""What this process is running in, asked before starting more processes or leaving early.
Neither question imports multiprocessing or threading when the run never did (start-up time)."""
from __future__ import annotations

import os
import sys

# A document with this many paragraphs (both sides) splits work that shares nothing between two
# processes (the number readings of the two languages; the term rules and the others): each half
# takes seconds there, and a fork costs milliseconds.
PARALLEL_PARAGRAPHS = 3000


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


def may_fork(paragraphs: int) -> bool:
    """Is a document of this many paragraphs worth a second process, and may this one fork?"""
    return paragraphs >= PARALLEL_PARAGRAPHS and (os.cpu_count() or 1) > 1 and not in_worker() \
        and single_threaded()


def fork_call(work):
    """Run ``work`` in a forked child; (pid, the read end of the pipe its pickled result comes on)."""
    import pickle

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        os.close(read)
        status = 1
        try:
            data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as fh:
                fh.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    return pid, read


def collect(child):
    """The child's result, or None when it failed (killed, out of memory): the caller then does
    the work itself, so the output never depends on which process did it."""
    import pickle

    pid, read = child
    with os.fdopen(read, "rb") as fh:
        data = fh.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not data:
        return None
    return pickle.loads(data)
