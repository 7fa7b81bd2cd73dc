"""Reading and extraction on Ray (`policykit ingest --engine ray`), for corpora that need more cores than
one machine has. Ray tasks read and extract the files; the results come back, in the order the files were
given, to the one process that writes the log, so the log is the same as the in-process path writes.
Needs the optional extra ``policykit[ray]``.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator


def ray_map(fn: Callable, items: Iterable, *, workers: int, address: str | None = None) -> Iterator:
    """``map(fn, items)`` over Ray tasks, in order, with at most ``4 × workers`` items in flight.

    Parameters
    ----------
    fn : a picklable function of one item (a module-level function or a ``functools.partial`` of one)
    items : iterable
    workers : int
        CPUs of the local Ray started when ``address`` is None (ignored on a cluster, which has its own).
    address : str, optional
        ``auto`` or ``host:port`` of a running Ray cluster; None starts a local Ray for this run.

    Examples
    --------
    >>> list(ray_map(abs, [-1, 2, -3], workers=1))  # doctest: +SKIP
    [1, 2, 3]
    """
    try:
        import ray
    except ImportError:
        raise RuntimeError("--engine ray needs Ray: pip install 'policykit[ray]'") from None
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, num_cpus=workers if address is None else None, include_dashboard=False,
                 log_to_driver=False)
    task = ray.remote(_call)
    try:
        in_flight: deque = deque()
        for item in items:  # bounded, so the bytes of a large corpus are never all in flight
            in_flight.append(task.remote(fn, item))
            if len(in_flight) >= 4 * workers:
                yield ray.get(in_flight.popleft())
        while in_flight:
            yield ray.get(in_flight.popleft())
    finally:
        if started:
            ray.shutdown()


def _call(fn: Callable, item):
    return fn(item)
