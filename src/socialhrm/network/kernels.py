"""Compiled kernels for the fast engine: the heavy measures straight from edge arrays.

The measures of :func:`~socialhrm.network.centrality_table` and the figures of
:func:`~socialhrm.network.describe`, computed on compressed sparse rows (CSR) of the
aggregated ties, so that a report of 100,000 people needs neither a networkx nor an igraph
graph:

- shortest paths from given source people (betweenness after Brandes 2001, and the
  distance sums behind closeness), compiled with numba and split over threads;
- triangles and Burt's constraint per person on the simple undirected view (numba);
- PageRank by power iteration and the leading eigenvector (scipy), components (scipy).

Why not a library call: igraph computes the same path measures, but measured at 100,000
people and 1.6 million ties it takes 60-80 ms per source where this kernel takes about 30 ms
(it keeps the shortest-path successors it finds on the way out, so the way back does not
re-read every tie); networkit and rustworkx cannot take the caller's sources, and the kit
keeps networkx's own sample so that a learner can check a value against networkx.

References
----------
Brandes, U. (2001). A faster algorithm for betweenness centrality. *Journal of Mathematical
Sociology*, 25(2), 163-177.
Burt, R. S. (1992). *Structural Holes*. Harvard University Press.
"""

from __future__ import annotations

import functools
import math
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

_COMPILE_LOCK = threading.Lock()


def _jit(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Compile ``fn`` with numba on its first call (``import socialhrm`` stays quick).

    ``nogil`` lets threads run it side by side; ``cache`` keeps the machine code on disk.
    """
    compiled: list[Any] = []

    @functools.wraps(fn)
    def call(*args: Any) -> Any:
        if not compiled:
            with _COMPILE_LOCK:
                if not compiled:
                    from numba import njit

                    try:
                        compiled.append(njit(nogil=True, cache=True)(fn))
                    except RuntimeError:  # nowhere writable to cache (a read-only sandbox)
                        compiled.append(njit(nogil=True)(fn))
        return compiled[0](*args)

    return call


@dataclass
class CSR:
    """Out-neighbours of every vertex: ``indices[indptr[v]:indptr[v + 1]]`` (no duplicates)."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray

    @property
    def n(self) -> int:
        """Number of vertices."""
        return len(self.indptr) - 1

    def degree(self) -> np.ndarray:
        """Out-degree of every vertex (for a symmetric CSR: the degree)."""
        return np.diff(self.indptr)


def csr(n: int, src: np.ndarray, dst: np.ndarray, weights: np.ndarray | None = None) -> CSR:
    """Compressed rows of the ties ``src[i] -> dst[i]`` (vertex numbers below ``n``).

    Repeated pairs are kept as given: pass aggregated (unique) ties.

    Examples
    --------
    >>> g = csr(3, np.array([0, 0, 2]), np.array([1, 2, 1]))
    >>> g.indptr.tolist(), g.indices.tolist()
    ([0, 2, 2, 3], [1, 2, 1])
    """
    src = np.asarray(src, dtype=np.int64)
    dst = np.asarray(dst, dtype=np.int64)
    w = np.ones(len(src)) if weights is None else np.asarray(weights, dtype=float)
    order = np.argsort(src, kind="stable")
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])
    return CSR(indptr, dst[order].astype(np.int32), w[order])


def simple_undirected(n: int, src: np.ndarray, dst: np.ndarray, weights: np.ndarray | None,
                      directed: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The simple undirected view: one edge per pair, weights of both directions summed.

    Self-loops are dropped and repeated pairs summed. Returns ``(lo, hi, weight)`` with
    ``lo < hi``; ``directed`` is kept for the callers' symmetry.

    Examples
    --------
    >>> lo, hi, w = simple_undirected(3, np.array([0, 1, 2]), np.array([1, 0, 2]),
    ...                               np.array([1.0, 2.0, 5.0]), True)
    >>> lo.tolist(), hi.tolist(), w.tolist()
    ([0], [1], [3.0])
    """
    src = np.asarray(src, dtype=np.int64)
    dst = np.asarray(dst, dtype=np.int64)
    w = np.ones(len(src)) if weights is None else np.asarray(weights, dtype=float)
    keep = src != dst
    lo = np.minimum(src[keep], dst[keep])
    hi = np.maximum(src[keep], dst[keep])
    w = w[keep]
    key = lo * n + hi  # repeated pairs (both directions, or a multigraph's edges) summed
    uniq, inverse = np.unique(key, return_inverse=True)
    return uniq // n, uniq % n, np.bincount(inverse, weights=w, minlength=len(uniq))


def symmetric_csr(n: int, lo: np.ndarray, hi: np.ndarray, w: np.ndarray) -> CSR:
    """Both directions of every undirected edge, as compressed rows."""
    return csr(n, np.concatenate([lo, hi]), np.concatenate([hi, lo]), np.concatenate([w, w]))


# --------------------------------------------------------------------------------------
# Shortest paths from sources: betweenness (Brandes) and closeness sums
# --------------------------------------------------------------------------------------
@_jit
def _paths_kernel(indptr, indices, sources, n):  # pragma: no cover - compiled
    bc = np.zeros(n)
    reach = np.zeros(n)
    total = np.zeros(n)
    dist = np.full(n, -1, dtype=np.int32)
    sigma = np.zeros(n)  # shortest paths from the source (a float: counts can be huge)
    ratio = np.zeros(n)  # (1 + dependency) / sigma, once a vertex is done
    order = np.empty(n, dtype=np.int32)  # breadth-first order
    start = np.empty(n + 1, dtype=np.int64)  # where each vertex's successors begin in dag
    dag = np.empty(len(indices), dtype=np.int32)  # successors on shortest paths
    for s in sources:
        dist[s] = 0
        sigma[s] = 1.0
        order[0] = s
        head = 0
        tail = 1
        m = 0
        while head < tail:  # breadth first, counting paths and noting the successors
            v = order[head]
            start[head] = m
            head += 1
            dv = dist[v] + 1
            sv = sigma[v]
            for p in range(indptr[v], indptr[v + 1]):
                x = indices[p]
                dx = dist[x]
                if dx < 0:
                    dist[x] = dv
                    order[tail] = x
                    tail += 1
                    sigma[x] = sv
                    dag[m] = x
                    m += 1
                elif dx == dv:
                    sigma[x] += sv
                    dag[m] = x
                    m += 1
        start[tail] = m
        for i in range(tail - 1, -1, -1):  # dependencies, farthest first (Brandes)
            v = order[i]
            acc = 0.0
            for j in range(start[i], start[i + 1]):
                acc += ratio[dag[j]]
            sv = sigma[v]
            dep = acc * sv
            ratio[v] = (1.0 + dep) / sv
            if v != s:
                bc[v] += dep
                reach[v] += 1.0
                total[v] += dist[v]
        for i in range(tail):
            v = order[i]
            dist[v] = -1
            sigma[v] = 0.0
            ratio[v] = 0.0
    return bc, reach, total


def threads(workers: int | None = None) -> int:
    """Threads to use: ``workers`` if given, else the cores this process may run on."""
    if workers:
        return max(1, int(workers))
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def paths_from(g: CSR, sources: np.ndarray, workers: int | None = None
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shortest-path sums out of ``sources``, over ordered pairs, split over threads.

    Returns ``(dependency, reach, total)`` per vertex: the summed pair dependencies of
    Brandes' algorithm (betweenness before scaling; a source is not counted for itself),
    how many sources reach the vertex, and the summed distances from them.

    Examples
    --------
    >>> g = csr(3, np.array([0, 1]), np.array([1, 2]))      # 0 -> 1 -> 2
    >>> dep, reach, total = paths_from(g, np.array([0, 1, 2]))
    >>> dep.tolist(), reach.tolist(), total.tolist()
    ([0.0, 1.0, 0.0], [0.0, 1.0, 2.0], [0.0, 1.0, 3.0])
    """
    sources = np.asarray(sources, dtype=np.int64)
    n = g.n
    if len(sources) == 0:
        return np.zeros(n), np.zeros(n), np.zeros(n)
    parts = min(threads(workers), len(sources))
    chunks = [sources[i::parts] for i in range(parts)]
    if parts == 1:
        return _paths_kernel(g.indptr, g.indices, sources, n)
    with ThreadPoolExecutor(parts) as pool:  # the kernel releases the GIL
        results = list(pool.map(lambda c: _paths_kernel(g.indptr, g.indices, c, n), chunks))
    return tuple(np.sum([r[i] for r in results], axis=0) for i in range(3))


# --------------------------------------------------------------------------------------
# Triangles and Burt's constraint on the simple undirected view
# --------------------------------------------------------------------------------------
@_jit
def _local_kernel(indptr, indices, lo, hi):  # pragma: no cover - compiled
    n = len(indptr) - 1
    mark = np.full(n, -1, dtype=np.int64)
    tri = np.zeros(hi - lo)
    cons = np.full(hi - lo, np.nan)
    for i in range(lo, hi):
        di = indptr[i + 1] - indptr[i]
        if di == 0:
            continue
        for p in range(indptr[i], indptr[i + 1]):
            mark[indices[p]] = i
        t = 0
        c = 0.0
        for p in range(indptr[i], indptr[i + 1]):
            j = indices[p]
            s = 0.0
            for q in range(indptr[j], indptr[j + 1]):
                x = indices[q]
                if mark[x] == i:  # x is a contact of both i and j
                    t += 1
                    s += 1.0 / (indptr[x + 1] - indptr[x])
            c += ((1.0 + s) / di) ** 2
        tri[i - lo] = t / 2
        cons[i - lo] = c
    return tri, cons


def local_structure(g: CSR, workers: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Triangles and Burt's constraint of every vertex of a simple undirected graph.

    ``g`` holds both directions of every edge and no self-loops. Constraint is unweighted
    (as :func:`networkx.constraint` on the unweighted view) and NaN for an isolated person.

    Examples
    --------
    >>> lo, hi = np.array([0, 0, 1]), np.array([1, 2, 2])           # a triangle
    >>> tri, cons = local_structure(symmetric_csr(3, lo, hi, np.ones(3)))
    >>> tri.tolist(), cons.round(4).tolist()
    ([1.0, 1.0, 1.0], [1.125, 1.125, 1.125])
    """
    n = g.n
    parts = max(1, min(threads(workers), n // 1000 or 1))
    if parts == 1:
        return _local_kernel(g.indptr, g.indices, 0, n)
    # balance the work (sum of the contacts' degrees) rather than the number of people
    deg = g.degree().astype(float)
    work = np.cumsum(np.bincount(np.repeat(np.arange(n), g.degree()), weights=deg[g.indices],
                                 minlength=n))
    cuts = [0, *np.searchsorted(work, work[-1] * np.arange(1, parts) / parts).tolist(), n]
    bounds = [(cuts[i], cuts[i + 1]) for i in range(parts)]
    with ThreadPoolExecutor(parts) as pool:
        results = list(pool.map(lambda b: _local_kernel(g.indptr, g.indices, *b), bounds))
    return (np.concatenate([r[0] for r in results]), np.concatenate([r[1] for r in results]))


# --------------------------------------------------------------------------------------
# Spectral measures and components (scipy)
# --------------------------------------------------------------------------------------
def pagerank(n: int, src: np.ndarray, dst: np.ndarray, weights: np.ndarray, directed: bool,
             damping: float = 0.85, tol: float = 1e-12, max_iter: int = 1000) -> np.ndarray:
    """PageRank with networkx's conventions, by power iteration on a sparse matrix.

    Dangling people spread their score evenly; an undirected tie counts both ways, a
    self-loop once. Stops when the summed change is below ``n * tol``.

    Examples
    --------
    >>> pr = pagerank(3, np.array([0, 1]), np.array([1, 2]), np.ones(2), True)
    >>> pr.round(4).tolist()
    [0.1844, 0.3412, 0.4744]
    """
    import scipy.sparse as sp

    src = np.asarray(src, dtype=np.int64)
    dst = np.asarray(dst, dtype=np.int64)
    w = np.asarray(weights, dtype=float)
    if not directed:
        loop = src == dst
        src, dst = np.concatenate([src, dst[~loop]]), np.concatenate([dst, src[~loop]])
        w = np.concatenate([w, w[~loop]])
    if n == 0:
        return np.zeros(0)
    out = np.bincount(src, weights=w, minlength=n)
    scale = np.divide(1.0, out, out=np.zeros(n), where=out != 0)
    M = sp.csr_array((w * scale[src], (dst, src)), shape=(n, n))  # column-stochastic, as M.T
    dangling = out == 0
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = damping * (M @ last + last[dangling].sum() / n) + (1 - damping) / n
        if np.abs(x - last).sum() < n * tol:
            break
    return x / x.sum()


def components(n: int, src: np.ndarray, dst: np.ndarray, connection: str = "weak"
               ) -> np.ndarray:
    """Component label of every vertex (``"weak"`` or ``"strong"``), via scipy."""
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components

    A = sp.csr_array((np.ones(len(src)), (src, dst)), shape=(n, n))
    return connected_components(A, directed=True, connection=connection)[1]


def eigenvector(n: int, lo: np.ndarray, hi: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Eigenvector centrality on the largest component of a simple undirected graph.

    Unit length, as :func:`networkx.eigenvector_centrality_numpy`; NaN outside the largest
    component (and everywhere when it has fewer than two people).

    Examples
    --------
    >>> vec = eigenvector(3, np.array([0, 1]), np.array([1, 2]), np.ones(2))   # a path
    >>> vec.round(4).tolist()
    [0.5, 0.7071, 0.5]
    """
    import scipy.sparse as sp
    from scipy.sparse.linalg import eigsh

    out = np.full(n, math.nan)
    if n == 0 or len(lo) == 0:
        return out
    label = components(n, lo, hi)
    sizes = np.bincount(label)
    big = int(np.argmax(sizes))
    if sizes[big] < 2:
        return out
    members = np.flatnonzero(label == big)
    if len(members) == 2:
        out[members] = 1 / math.sqrt(2)
        return out
    pos = np.full(n, -1, dtype=np.int64)
    pos[members] = np.arange(len(members))
    inside = pos[lo] >= 0
    a, b, ww = pos[lo[inside]], pos[hi[inside]], w[inside]
    A = sp.csr_array((np.concatenate([ww, ww]), (np.concatenate([a, b]),
                                                  np.concatenate([b, a]))),
                     shape=(len(members), len(members)))
    v0 = np.ones(len(members))
    _vals, vecs = eigsh(A, k=1, which="LA", v0=v0, tol=1e-12, maxiter=100 * len(members))
    vec = np.abs(vecs[:, 0])
    out[members] = vec / np.linalg.norm(vec)
    return out


def warm_up() -> float:
    """Compile the kernels now (or load them from numba's cache); returns the seconds taken.

    The first use of a kernel in a fresh installation compiles it (a few seconds, once: the
    machine code is cached on disk). Call this before timing, or when a dashboard starts.

    Examples
    --------
    >>> warm_up() >= 0
    True
    """
    import time

    t0 = time.perf_counter()
    lo, hi, w = np.array([0, 0, 1]), np.array([1, 2, 2]), np.ones(3)
    g = symmetric_csr(3, lo, hi, w)
    paths_from(g, np.arange(3), workers=2)
    local_structure(g)
    pagerank(3, lo, hi, w, True)
    eigenvector(3, lo, hi, w)
    components(3, lo, hi, "strong")
    return time.perf_counter() - t0
