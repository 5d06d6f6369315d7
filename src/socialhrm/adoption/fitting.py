"""Which model and parameters reproduce an observed adoption curve best."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from socialhrm.adoption.observed import adoption_curve, first_adopters
from socialhrm.adoption.simulation import MODELS, simulate_adoption
from socialhrm.data import DataError
from socialhrm.i18n import _

DEFAULT_GRID: dict[str, list[dict[str, Any]]] = {
    "cascade": [{"p": p} for p in (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5)],
    "complex": [{"k": k, "q": q} for k in (1, 2, 3) for q in (0.05, 0.1, 0.2, 0.4, 0.7, 1.0)],
    "broadcast": [{"p": p, "q": q} for p in (0.0, 0.002, 0.005, 0.01, 0.02)
                  for q in (0.01, 0.02, 0.05, 0.1, 0.2)],
}


def fit_adoption(
    G: nx.Graph,
    events: pd.DataFrame,
    models: Iterable[str] = ("cascade", "complex", "broadcast"),
    *,
    grid: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    runs: int = 200,
    seed: int | None = 0,
    event: str = "platform_first_post",
    start: str | pd.Timestamp | None = None,
    weeks: int | None = None,
    weight: str | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """Find the model and parameters that reproduce the observed adoption curve best.

    The people who adopted in week 0 are the pioneers; every model on the grid is simulated
    from them (``runs`` runs, one step per week) and compared with the observed share of
    adopters per week by the root-mean-square difference between the observed curve and the
    mean simulated curve (a least-squares grid search). The best fit has the lowest ``rmse``.

    Parameters
    ----------
    G
        The network the change spread through.
    events
        The observed events (see :func:`adoption_curve`).
    models
        Which models to try.
    grid
        Per model a list of parameter settings (default :data:`DEFAULT_GRID`).
    runs, seed, weight
        As in :func:`simulate_adoption`.
    event, start, weeks
        As in :func:`adoption_curve`.
    progress
        Show a progress bar (tqdm) over the settings.

    Returns
    -------
    pandas.DataFrame
        One row per model and setting, best first: ``model``, ``label``, ``params`` (a dict),
        the parameters as columns (``p``, ``q``, ``k``), ``rmse``, ``final_share`` (mean
        simulated) and ``observed_final_share``.

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c", "d"])
    >>> ev = pd.DataFrame({"person_id": ["a", "b", "c"], "event": "post",
    ...                    "timestamp": pd.to_datetime(["2025-02-03", "2025-02-10",
    ...                                                 "2025-02-17"])})
    >>> fit = fit_adoption(G, ev, ["complex"], grid={"complex": [{"k": 1, "q": 1.0},
    ...                    {"k": 2, "q": 1.0}]}, runs=1, event="post", weeks=3)
    >>> fit.iloc[0]["params"]
    {'k': 1, 'q': 1.0}
    """
    label = {str(v): v for v in G.nodes}
    people = pd.DataFrame({"person_id": list(label)})
    observed = adoption_curve(events, people, event=event, start=start, weeks=weeks)
    share = observed["share"].to_numpy(float)
    pioneers = [label[p] for p in first_adopters(events, 1, event=event, start=start)
                if p in label]
    if not pioneers:
        raise DataError(_("fit_adoption: nobody adopted in week 0, so there are no pioneers "
                          "to start from.\n  What to do: set start= to the launch date."))
    grid = dict(DEFAULT_GRID if grid is None else grid)
    steps = len(share) - 1
    models = list(models)
    for model in models:
        if model not in grid:
            raise DataError(_("fit_adoption: no parameter grid for the model {model!r}.")
                            .format(model=model))
    todo = [(model, setting) for model in models for setting in grid[model]]
    if progress:
        from tqdm.auto import tqdm

        todo = tqdm(todo, desc=_("fitting"), leave=False)
    rows = []
    for model, setting in todo:
        res = simulate_adoption(G, pioneers, model, runs=runs, steps=steps, seed=seed,
                                weight=weight, **setting)
        sim = res.band["mean"].to_numpy()
        sim = np.concatenate([sim, np.repeat(sim[-1:], max(0, len(share) - len(sim)))])
        sim = sim[:len(share)]
        rmse = float(np.sqrt(np.mean((sim - share) ** 2)))
        row = {"model": model, "label": _(MODELS[model]), "params": dict(setting)}
        row.update(setting)
        row.update(rmse=rmse, final_share=float(sim[-1]),
                   observed_final_share=float(share[-1]))
        rows.append(row)
    out = pd.DataFrame(rows).sort_values("rmse", kind="stable").reset_index(drop=True)
    return out
