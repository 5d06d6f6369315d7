"""Bundled data: the synthetic organisation Noordhaven and networkx's classic networks.

>>> from socialhrm import datasets
>>> nh = datasets.load("noordhaven")
>>> advice = nh.network("advice")          # a networkx DiGraph, people as node attributes

The Noordhaven tables are read through the kit's own readers (:mod:`socialhrm.data`), so
they have exactly the columns and types every other part of the kit expects.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from socialhrm.data import DataError
from socialhrm.i18n import _

__all__ = ["Dataset", "datasets_dir", "list", "load"]

#: Environment variable naming a folder that holds the dataset folders (overrides the search).
ENV_DIR = "SOCIALHRM_DATASETS"

_RELATIONS = ("advice", "trust", "ideas")

_CLASSICS: dict[str, tuple[Callable[[], nx.Graph], str]] = {
    "karate_club": (nx.karate_club_graph,
                    "Zachary's karate club (1977): 34 members, a club that split in two"),
    "florentine_families": (nx.florentine_families_graph,
                            "Padgett's Florentine families (15th century): marriage ties; "
                            "the Medici as brokers"),
    "davis_southern_women": (nx.davis_southern_women_graph,
                             "Davis et al. (1941): 18 women and the 14 social events they "
                             "attended (two-mode)"),
    "les_miserables": (nx.les_miserables_graph,
                       "Co-appearance of the 77 characters of Hugo's Les Miserables (Knuth)"),
}

_LOCAL: dict[str, str] = {
    "noordhaven": "Noordhaven: a synthetic Dutch organisation of ~300 people with 6 months "
                  "of email/chat/meetings, an ONA survey, platform adoption, exits, "
                  "referrals, expertise, HR cost assumptions and a readiness survey",
}


def _candidates() -> builtins.list[Path]:
    here = Path(__file__).resolve()
    out = []
    if os.environ.get(ENV_DIR):
        out.append(Path(os.environ[ENV_DIR]))
    from socialhrm.paths import course_root

    root = course_root()
    if root is not None:
        out.append(root / "datasets")  # a checkout (editable install): <repo>/datasets
    out.append(here.parent / "_datasets")  # a wheel that ships the data inside the package
    return out


def datasets_dir(create: bool = False) -> Path:
    """The folder that holds the bundled datasets (one sub-folder per dataset).

    Parameters
    ----------
    create
        Return the first candidate folder even if it does not exist yet (for writing).

    Returns
    -------
    pathlib.Path
        ``$SOCIALHRM_DATASETS`` if set, else the repository's ``datasets/`` next to ``src/``.

    Raises
    ------
    FileNotFoundError
        No candidate folder exists; the message lists every place searched.

    Examples
    --------
    >>> datasets_dir().name
    'datasets'
    """
    candidates = _candidates()
    for c in candidates:
        if (c / "noordhaven").is_dir():
            return c
    if create:
        return candidates[0]
    searched = "\n".join(f"  - {c}" for c in candidates)
    raise FileNotFoundError(_(
        "The bundled datasets were not found. Looked in:\n"
        "{searched}\n"
        "  What to do: run from a clone of the repository installed with `make install` "
        "(pip install -e .), regenerate the data with `python -m socialhrm.synth`, or set "
        "the environment variable {env} to the folder that contains noordhaven/."
    ).format(searched=searched, env=ENV_DIR)
    )


@dataclass
class Dataset:
    """A bundled dataset: its tables, or for the networkx classics a ready graph.

    Attributes
    ----------
    name, description
        What it is.
    people, interactions, nominations, events, referrals, expertise, costs
        The tables (``None`` when the dataset has no such table).
    readiness
        Readiness-survey answers, long (:func:`socialhrm.readiness.read_readiness`).
    contacts, alumni, applications
        Noordhaven's outside world (employees' external contacts, former employees,
        applications per channel; see the data card), for modules m07 and m08.
    graph
        For the networkx classics: the graph itself.
    path
        The folder the tables were read from (``None`` for the classics).
    """

    name: str
    description: str
    people: pd.DataFrame | None = None
    interactions: pd.DataFrame | None = None
    nominations: pd.DataFrame | None = None
    events: pd.DataFrame | None = None
    referrals: pd.DataFrame | None = None
    expertise: pd.DataFrame | None = None
    costs: pd.DataFrame | None = None
    readiness: pd.DataFrame | None = None
    contacts: pd.DataFrame | None = None  # outside contacts (socialhrm.synth.external)
    alumni: pd.DataFrame | None = None
    applications: pd.DataFrame | None = None
    graph: nx.Graph | None = None
    path: Path | None = None
    tables: builtins.list[str] = field(default_factory=builtins.list)

    def network(self, relation: str = "advice", **kwargs: Any) -> nx.Graph:
        """Build one of the dataset's networks with :func:`socialhrm.network.build_network`.

        Parameters
        ----------
        relation
            ``"advice"``, ``"trust"`` or ``"ideas"`` (the survey) or ``"interactions"`` (the
            message log). For a networkx classic it is ignored and a copy of the graph is
            returned.
        **kwargs
            Passed on to ``build_network`` (e.g. ``directed=False``, ``channel="chat"``,
            ``start="2025-03-01"``, ``min_weight=3``).

        Returns
        -------
        networkx.DiGraph or networkx.Graph
            People are nodes with their people-table columns as attributes.

        Examples
        --------
        >>> G = load("noordhaven").network("trust")
        >>> G.is_directed()
        True
        """
        if self.graph is not None:
            return self.graph.copy()
        from socialhrm.network import build_network

        if relation == "interactions":
            return build_network(self.interactions, self.people, **kwargs)
        if relation not in _RELATIONS:
            raise DataError(_("network({relation!r}): choose one of {choices}.").format(
                relation=relation, choices=", ".join(map(repr, (*_RELATIONS, "interactions")))))
        return build_network(self.nominations, self.people, relation=relation, **kwargs)

    def org_chart(self) -> nx.DiGraph:
        """The formal organisation (manager -> direct report), via ``socialhrm.network``.

        Returns
        -------
        networkx.DiGraph
            Every person a node with their attributes; edges manager -> report.

        Examples
        --------
        >>> chart = load("noordhaven").org_chart()
        >>> chart.number_of_nodes() == len(load("noordhaven").people)
        True
        """
        if self.people is None:
            raise DataError(_("{name} has no people table, so no org chart.").format(
                name=self.name))
        from socialhrm.network import org_chart

        return org_chart(self.people)


def list() -> pd.DataFrame:  # noqa: A001 - the contract's name
    """What :func:`load` can load, with a one-line description each.

    Returns
    -------
    pandas.DataFrame
        Columns ``name``, ``kind`` (``"organisation"`` or ``"classic network"``),
        ``description``.

    Examples
    --------
    >>> "karate_club" in list()["name"].tolist()
    True
    """
    rows = [(name, "organisation", desc) for name, desc in _LOCAL.items()]
    rows += [(name, "classic network", desc) for name, (_loader, desc) in _CLASSICS.items()]
    return pd.DataFrame(rows, columns=["name", "kind", "description"])


def _read_bool(series: pd.Series) -> pd.Series:
    return series.map({"True": True, "False": False}).astype("boolean")


def _load_noordhaven(folder: Path) -> Dataset:
    from socialhrm.data import read_events, read_interactions, read_nominations, read_people

    missing = [f for f in ("people", "interactions", "nominations", "events", "referrals",
                           "expertise", "costs") if not (folder / f"{f}.csv").exists()]
    if missing:
        raise FileNotFoundError(_(
            "noordhaven: {files} missing in {folder}.\n"
            "  What to do: regenerate the data with `python -m socialhrm.synth`."
        ).format(files=", ".join(m + ".csv" for m in missing), folder=folder))
    people = read_people(folder / "people.csv")
    interactions = read_interactions(folder / "interactions.csv", people=people)
    nominations = read_nominations(folder / "nominations.csv", people=people)
    events = read_events(folder / "events.csv", people=people)
    referrals = pd.read_csv(folder / "referrals.csv", dtype=str, keep_default_na=False,
                            na_values=[""])
    for col in ("referral_date", "hire_date"):
        referrals[col] = pd.to_datetime(referrals[col]).astype("datetime64[ns]")
    for col in ("hired", "still_employed_1y"):
        referrals[col] = _read_bool(referrals[col])
    for col in ("referrer", "candidate", "department", "person_id"):
        referrals[col] = referrals[col].astype("string")
    expertise = pd.read_csv(folder / "expertise.csv", dtype="string")
    costs = pd.read_csv(folder / "costs.csv", dtype={"category": "string", "item": "string",
                                                     "unit": "string", "source": "string"})
    readiness = None
    if (folder / "readiness.csv").exists():
        from socialhrm.readiness import read_readiness

        readiness = read_readiness(folder / "readiness.csv", people=people)
    data = Dataset(name="noordhaven", description=_LOCAL["noordhaven"], people=people,
                   interactions=interactions, nominations=nominations, events=events,
                   referrals=referrals, expertise=expertise, costs=costs, path=folder,
                   readiness=readiness,
                   tables=["people", "interactions", "nominations", "events", "referrals",
                           "expertise", "costs"] + (["readiness"] if readiness is not None
                                                    else []))
    _load_outside_world(data, folder)
    return data


def _load_outside_world(data: Dataset, folder: Path) -> None:
    """contacts, alumni and applications (m07/m08), when the files are there."""
    for name in ("contacts", "alumni", "applications"):
        if not (folder / f"{name}.csv").exists():
            continue
        table = pd.read_csv(folder / f"{name}.csv", dtype="string", keep_default_na=False,
                            na_values=[""])
        for col in ("left_date", "applied_date", "hire_date"):
            if col in table:
                table[col] = pd.to_datetime(table[col]).astype("datetime64[ns]")
        for col in ("hired", "still_employed_1y"):
            if col in table:
                table[col] = _read_bool(table[col])
        if "time_to_hire_days" in table:
            table["time_to_hire_days"] = pd.to_numeric(table["time_to_hire_days"]
                                                       ).astype("Int64")
        setattr(data, name, table)
        data.tables.append(name)


def load(name: str) -> Dataset:
    """Load a bundled dataset by name (see :func:`list`).

    Parameters
    ----------
    name
        ``"noordhaven"`` or one of networkx's classics (``"karate_club"``,
        ``"florentine_families"``, ``"davis_southern_women"``, ``"les_miserables"``).

    Returns
    -------
    Dataset
        Tables for Noordhaven; ``graph`` for a classic.

    Raises
    ------
    DataError
        Unknown name; the message lists the names available (a ``ValueError`` too).
    FileNotFoundError
        The data files are missing; the message says where it looked.

    Examples
    --------
    >>> nh = load("noordhaven")
    >>> sorted(nh.nominations["relation"].unique())
    ['advice', 'ideas', 'trust']
    >>> load("karate_club").graph.number_of_nodes()
    34
    """
    key = str(name).strip().lower().replace("-", "_").replace(" ", "_")
    if key in _CLASSICS:
        factory, desc = _CLASSICS[key]
        return Dataset(name=key, description=desc, graph=factory())
    if key in _LOCAL:
        return _load_noordhaven(datasets_dir() / key)
    known = ", ".join(repr(n) for n in (*_LOCAL, *_CLASSICS))
    raise DataError(_("There is no bundled dataset called {name!r}. Available: {known}.\n"
                      "  What to do: pick one of these names; socialhrm.datasets.list() "
                      "describes each.").format(name=name, known=known))
