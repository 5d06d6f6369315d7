"""The business case for Social HRM: a scenario model with ranges instead of points.

An HR director who asks the board for a budget is asked two things: *what does it bring?* and
*when do we get it back?* This module answers both for a social-media and referral programme,
without pretending to know more than anyone does. Every input is an **assumption with a
range** (low, likely, high) and a source; :func:`business_case` draws every assumption from
its range many times (Monte Carlo, a triangular distribution per assumption) and returns the
distribution of the net return and of the payback time, with intervals. :func:`sensitivity`
shows which assumption moves the answer most (a tornado table), and every figure names the
assumption rows it was computed from (:meth:`BusinessCaseResult.trace`).

The returns follow Van Hooijdonk (*Zo zorg je dat de inzet van social media zijn vruchten
afwerpt voor HRM*): lower recruitment costs (more hires through employees' own networks),
retention (a leaver costs a replacement plus the output lost while the newcomer gets up to
speed; Boushey & Glynn, 2012), and lower absenteeism. The costs are those of facilitation:
tools, training time, the ambassadors' hours and someone who coordinates.

The model, per year ``y`` of ``years`` (``effect`` is ``year_one_effect`` in year 1, 1 after)::

    extra_referral_hires = hires_per_year * extra_referral_share
    recruitment_savings  = extra_referral_hires * (cost_per_hire_other - cost_per_hire_referral)
    cost_of_a_leaver     = average_salary * replacement_cost_share
                           + average_salary * (1 + on_costs) * ramp_up_months / 12
                             * ramp_up_output_loss
    referral_retention_savings = extra_referral_hires
                           * (first_year_retention_referral - first_year_retention_other)
                           * cost_of_a_leaver
    turnover_savings     = employees * turnover_reduction * cost_of_a_leaver
    absence_savings      = employees * working_days * absence_reduction * cost_per_sick_day
    benefits_y           = effect_y * (the four savings)
    programme_costs_y    = platform_cost_per_year + coordination_cost_per_year
                           + ambassadors * ambassador_hours_per_week * working_weeks * hourly_cost
                           (+ in year 1: setup_cost + employees * training_hours * hourly_cost)
    net_return           = sum of benefits_y - sum of programme_costs_y

The payback time is the month in which the cumulative net return reaches zero (one-off costs at
the start, the rest spread evenly over the months; interpolated within the month).

References
----------
Van Hooijdonk, R. *Zo zorg je dat de inzet van social media zijn vruchten afwerpt voor HRM.*
Boushey, H. & Glynn, S. J. (2012). There are significant business costs to replacing
employees. Center for American Progress.
Vose, D. (2008). *Risk Analysis: A Quantitative Guide* (3rd ed.). Wiley (ranges, triangular
distributions, tornado charts).

Examples
--------
>>> from socialhrm.business_case import business_case, noordhaven_assumptions
>>> case = business_case(noordhaven_assumptions(), runs=2000)
>>> case.summary.loc["net_return", ["low", "median", "high"]].is_monotonic_increasing
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from socialhrm.data import DataError
from socialhrm.i18n import N_, _

__all__ = [
    "ASSUMPTIONS",
    "FIGURES",
    "SCENARIOS",
    "BusinessCaseResult",
    "business_case",
    "draw_assumptions",
    "evaluate_case",
    "summarise",
    "summary_html",
    "hiring_channel_outcomes",
    "noordhaven_assumptions",
    "read_assumptions",
    "resolve_assumptions",
    "sensitivity",
]

#: Every assumption the model uses: name -> (label, unit, kind). ``kind`` is "share" (0-1),
#: "count" or "amount" (0 or more).
ASSUMPTIONS: dict[str, tuple[str, str, str]] = {
    "employees": (N_("employees (headcount)"), N_("people"), "count"),
    "hires_per_year": (N_("hires per year"), N_("hires"), "count"),
    "extra_referral_share": (N_("extra share of hires through referrals"), N_("share of hires"),
                             "share"),
    "cost_per_hire_referral": (N_("cost per referral hire"), N_("EUR per hire"), "amount"),
    "cost_per_hire_other": (N_("cost per hire, other channels"), N_("EUR per hire"), "amount"),
    "first_year_retention_referral": (N_("first-year retention of referral hires"),
                                      N_("share of hires"), "share"),
    "first_year_retention_other": (N_("first-year retention, other channels"),
                                   N_("share of hires"), "share"),
    "average_salary": (N_("average gross salary"), N_("EUR per year"), "amount"),
    "on_costs": (N_("employer on-costs"), N_("share on top of salary"), "share"),
    "replacement_cost_share": (N_("replacement cost of a leaver"), N_("share of annual salary"),
                               "share"),
    "ramp_up_months": (N_("months to full productivity"), N_("months"), "amount"),
    "ramp_up_output_loss": (N_("output lost during ramp-up"), N_("share of full output"),
                            "share"),
    "turnover_reduction": (N_("lower staff turnover"), N_("share of employees per year"),
                           "share"),
    "working_days": (N_("working days per year"), N_("days"), "amount"),
    "absence_reduction": (N_("lower sickness absence"), N_("share of working days"), "share"),
    "cost_per_sick_day": (N_("cost per sick day"), N_("EUR per day"), "amount"),
    "year_one_effect": (N_("effect reached in year 1"), N_("share of the full effect"), "share"),
    "platform_cost_per_year": (N_("platform and tools"), N_("EUR per year"), "amount"),
    "setup_cost": (N_("set-up (policy, launch, video)"), N_("EUR, once"), "amount"),
    "training_hours": (N_("training per employee"), N_("hours, once"), "amount"),
    "hourly_cost": (N_("cost of an hour of work"), N_("EUR per hour"), "amount"),
    "ambassadors": (N_("ambassadors"), N_("people"), "count"),
    "ambassador_hours_per_week": (N_("ambassador time"), N_("hours per week each"), "amount"),
    "working_weeks": (N_("working weeks per year"), N_("weeks"), "amount"),
    "coordination_cost_per_year": (N_("community coordination"), N_("EUR per year"), "amount"),
}

_COST_OF_LEAVER = ("average_salary", "replacement_cost_share", "on_costs", "ramp_up_months",
                   "ramp_up_output_loss")

#: The figures of a business case: name -> (label, unit, assumptions it is computed from).
FIGURES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "recruitment_savings": (N_("lower recruitment costs"), N_("EUR"),
                            ("hires_per_year", "extra_referral_share", "cost_per_hire_other",
                             "cost_per_hire_referral", "year_one_effect")),
    "referral_retention_savings": (N_("referral hires who stay"), N_("EUR"),
                                   ("hires_per_year", "extra_referral_share",
                                    "first_year_retention_referral",
                                    "first_year_retention_other", *_COST_OF_LEAVER,
                                    "year_one_effect")),
    "turnover_savings": (N_("lower staff turnover"), N_("EUR"),
                         ("employees", "turnover_reduction", *_COST_OF_LEAVER,
                          "year_one_effect")),
    "absence_savings": (N_("lower sickness absence"), N_("EUR"),
                        ("employees", "working_days", "absence_reduction", "cost_per_sick_day",
                         "year_one_effect")),
    "benefits": (N_("all returns"), N_("EUR"), ()),  # filled in below
    "one_off_costs": (N_("one-off costs"), N_("EUR"),
                      ("setup_cost", "employees", "training_hours", "hourly_cost")),
    "running_costs": (N_("running costs"), N_("EUR"),
                      ("platform_cost_per_year", "coordination_cost_per_year", "ambassadors",
                       "ambassador_hours_per_week", "working_weeks", "hourly_cost")),
    "programme_costs": (N_("programme costs"), N_("EUR"), ()),
    "net_return": (N_("net return"), N_("EUR"), ()),
    "roi": (N_("return on investment"), N_("net return per euro spent"), ()),
    "payback_months": (N_("payback time"), N_("months"), ()),
}


def _union(*names: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a for n in names for a in FIGURES[n][2]))


FIGURES["benefits"] = (*FIGURES["benefits"][:2],
                       _union("recruitment_savings", "referral_retention_savings",
                              "turnover_savings", "absence_savings"))
FIGURES["programme_costs"] = (*FIGURES["programme_costs"][:2],
                              _union("one_off_costs", "running_costs"))
for _fig in ("net_return", "roi", "payback_months"):
    FIGURES[_fig] = (*FIGURES[_fig][:2], _union("benefits", "programme_costs"))

#: Named scenarios: overrides of assumption ranges, name -> {assumption: (low, likely, high)}.
#: ``"referral_programme"`` (the default) changes nothing; ``"recruitment_only"`` counts only
#: what recruitment and retention of new hires bring; ``"no_culture_effect"`` leaves out the
#: softer effects on turnover and absence.
SCENARIOS: dict[str, dict[str, tuple[float, float, float]]] = {
    "referral_programme": {},
    "recruitment_only": {"turnover_reduction": (0.0, 0.0, 0.0),
                         "absence_reduction": (0.0, 0.0, 0.0)},
    "no_culture_effect": {"turnover_reduction": (0.0, 0.0, 0.0)},
}

_COLUMNS = ["assumption", "low", "likely", "high", "unit", "label", "source"]


# ---------------------------------------------------------------------------------------------
# Assumptions
# ---------------------------------------------------------------------------------------------
def hiring_channel_outcomes(people: pd.DataFrame, costs: pd.DataFrame,
                            referrals: pd.DataFrame | None = None, *,
                            start: str = "2021-01-01", end: str = "2025-01-01") -> pd.DataFrame:
    """Hires, cost per hire and first-year retention per hiring channel.

    The referral outcomes a business case needs, computed from the people table (hiring
    channel and date), the cost assumptions (``costs.csv``) and, when given, the referrals
    table (first-year retention measured on the referral hires themselves).

    Parameters
    ----------
    people
        The people table with ``hire_date`` and ``hire_channel``.
    costs
        The cost table (``category``, ``item``, ``value``): rows ``cost_per_hire``/<channel>,
        ``retention``/``first-year retention, <channel>`` and ``salary_band``/``medior``
        (an agency's fee is a share of a first-year salary).
    referrals
        Optional referrals table (``hired``, ``still_employed_1y``).
    start, end
        The hiring period counted (people hired on or after ``start`` and before ``end``).

    Returns
    -------
    pandas.DataFrame
        One row per channel (index ``channel``): ``hires`` (still employed, hired in the
        period), ``hires_per_year``, ``share_of_hires``, ``cost_per_hire`` (EUR),
        ``first_year_retention`` (from ``costs.csv``) and ``measured_retention`` (referrals
        only, from the referrals table; NaN otherwise).

    Examples
    --------
    >>> from socialhrm.datasets import load
    >>> nh = load("noordhaven")
    >>> out = hiring_channel_outcomes(nh.people, nh.costs, nh.referrals)
    >>> bool(out.loc["referral", "cost_per_hire"] < out.loc["job board", "cost_per_hire"])
    True
    """
    table = costs.set_index(["category", "item"])["value"]
    lo, hi = pd.Timestamp(start), pd.Timestamp(end)
    hired = pd.to_datetime(people["hire_date"])
    recent = people[(hired >= lo) & (hired < hi)]
    years = (hi - lo).days / 365.25
    counts = recent["hire_channel"].astype(str).value_counts()
    channels = [c for c in dict.fromkeys([*counts.index,
                                          *[i for cat, i in table.index
                                            if cat == "cost_per_hire"]])]
    salary = float(table.get(("salary_band", "medior"), np.nan))
    rows = []
    for c in channels:
        cost = float(table.get(("cost_per_hire", c), np.nan))
        if c == "agency" and cost < 1:
            cost *= salary  # an agency charges a share of the first-year salary
        rows.append({"channel": c, "hires": int(counts.get(c, 0)),
                     "cost_per_hire": cost,
                     "first_year_retention": float(table.get(
                         ("retention", f"first-year retention, {c}"), np.nan))})
    out = pd.DataFrame(rows).set_index("channel")
    out.insert(1, "hires_per_year", out["hires"] / years)
    total = out["hires"].sum()
    out.insert(2, "share_of_hires", out["hires"] / total if total else np.nan)
    out["measured_retention"] = np.nan
    if referrals is not None and "still_employed_1y" in referrals:
        known = referrals["still_employed_1y"].dropna()
        if len(known) and "referral" in out.index:
            out.loc["referral", "measured_retention"] = float(known.astype(bool).mean())
    return out


def _row(name: str, low: float, likely: float, high: float, source: str) -> dict[str, Any]:
    label, unit, _kind = ASSUMPTIONS[name]
    return {"assumption": name, "low": float(low), "likely": float(likely), "high": float(high),
            "unit": unit, "label": label, "source": source}


def noordhaven_assumptions(dataset: Any = None) -> pd.DataFrame:
    """Noordhaven's assumptions for its referral and social-platform programme, as ranges.

    Point figures come from the bundled tables (``costs.csv``, ``people.csv``,
    ``referrals.csv``, via :func:`hiring_channel_outcomes`); the ranges around them and the
    programme's own costs are teaching assumptions, named as such in ``source``.

    Parameters
    ----------
    dataset
        A loaded Noordhaven :class:`~socialhrm.datasets.Dataset` (default: load it).

    Returns
    -------
    pandas.DataFrame
        One row per assumption: ``assumption``, ``low``, ``likely``, ``high``, ``unit``,
        ``label``, ``source`` (the format :func:`read_assumptions` reads).

    Examples
    --------
    >>> a = noordhaven_assumptions()
    >>> bool((a["low"] <= a["likely"]).all() and (a["likely"] <= a["high"]).all())
    True
    """
    if dataset is None:
        from socialhrm.datasets import load

        dataset = load("noordhaven")
    people, costs = dataset.people, dataset.costs
    table = costs.set_index(["category", "item"])["value"]
    ch = hiring_channel_outcomes(people, costs, dataset.referrals)
    other = ch.drop(index="referral")
    w = other["hires"] / other["hires"].sum()
    cost_other = float((other["cost_per_hire"] * w).sum())
    ret_other = float((other["first_year_retention"] * w).sum())
    ret_ref = float(ch.loc["referral", "first_year_retention"])
    levels = people["level"].astype(str).value_counts()
    bands = {i: v for (cat, i), v in table.items() if cat == "salary_band"}
    salary = float(sum(bands.get(lv, np.nan) * n for lv, n in levels.items()) / levels.sum())
    on_costs = float(table[("employer_costs", "on-costs")])
    days = float(table[("working_time", "working days per year")])
    hourly = salary * (1 + on_costs) / (days * 8)
    exits = set(dataset.events.loc[dataset.events["event"] == "exit", "person_id"])
    employees = int((~people["person_id"].isin(exits)).sum())
    hires = float(ch["hires_per_year"].sum())
    src_costs = N_("costs.csv")
    rows = [
        _row("employees", employees, employees, employees,
             N_("people.csv: people employed at the end of the data")),
        _row("hires_per_year", hires, round(hires * 1.1), round(hires * 1.3),
             N_("people.csv: hires 2021-2024 still employed, per year (an undercount: leavers "
                "are missing, hence the range upwards)")),
        _row("extra_referral_share", 0.04, 0.10, 0.20,
             N_("assumption: the programme moves 4-20% of all hires to referrals")),
        _row("cost_per_hire_referral", table[("cost_per_hire", "referral")] * 0.8,
             table[("cost_per_hire", "referral")], table[("cost_per_hire", "referral")] * 1.3,
             src_costs),
        _row("cost_per_hire_other", 0.8 * cost_other, cost_other, 1.2 * cost_other,
             N_("costs.csv, weighted by the hiring channels in people.csv")),
        _row("first_year_retention_referral", ret_ref - 0.05, ret_ref, min(1.0, ret_ref + 0.03),
             N_("costs.csv (retention): Noordhaven's hires 2021-2024")),
        _row("first_year_retention_other", ret_other - 0.03, ret_other, ret_other + 0.03,
             N_("costs.csv (retention), weighted by the hiring channels in people.csv")),
        _row("average_salary", 0.95 * salary, salary, 1.05 * salary,
             N_("costs.csv salary bands, weighted by the levels in people.csv")),
        _row("on_costs", on_costs, on_costs, on_costs, src_costs),
        _row("replacement_cost_share", 0.15, table[("turnover", "replacement cost")], 0.30,
             src_costs),
        _row("ramp_up_months", 3, table[("turnover", "months to full productivity")], 9,
             src_costs),
        _row("ramp_up_output_loss", 0.35, 0.5, 0.65,
             N_("assumption: a newcomer delivers about half of full output while learning")),
        _row("turnover_reduction", 0.0, 0.005, 0.015,
             N_("assumption: satisfied, connected employees leave a little less often")),
        _row("working_days", days, days, days, src_costs),
        _row("absence_reduction", 0.0, 0.001, 0.003,
             N_("assumption: sickness absence 0-0.3 percentage points lower")),
        _row("cost_per_sick_day", 0.8 * table[("absenteeism", "cost per sick day")],
             table[("absenteeism", "cost per sick day")],
             1.2 * table[("absenteeism", "cost per sick day")], src_costs),
        _row("year_one_effect", 0.25, 0.5, 0.75,
             N_("assumption: the effects build up during the first year")),
        _row("platform_cost_per_year", 8000, 12000, 20000,
             N_("assumption: licences for an internal social platform, about EUR 3 per "
                "employee per month")),
        _row("setup_cost", 5000, 10000, 20000,
             N_("assumption: policy, launch and an explainer video")),
        _row("training_hours", 1, 2, 4, N_("assumption: one short workshop per employee")),
        _row("hourly_cost", 0.9 * hourly, hourly, 1.1 * hourly,
             N_("average salary with on-costs / (working days x 8 hours)")),
        _row("ambassadors", 8, 12, 16, N_("assumption: one or two per department")),
        _row("ambassador_hours_per_week", 0.5, 1, 2, N_("assumption")),
        _row("working_weeks", 46, 46, 46, N_("assumption: 52 weeks minus holidays")),
        _row("coordination_cost_per_year", 10000, 15000, 25000,
             N_("assumption: about 0.2 FTE of a community manager")),
    ]
    return pd.DataFrame(rows, columns=_COLUMNS)


def read_assumptions(source: Any, columns: Mapping[str, str] | None = None, *,
                     complete: bool = True) -> pd.DataFrame:
    """Read and validate an assumptions table (your own figures for the business case).

    The table has one row per assumption, named as in :data:`ASSUMPTIONS`, with its range.
    Start from ``noordhaven_assumptions().to_csv("my_assumptions.csv", index=False)`` and
    change the figures. Goes through the data gate: a problem raises
    :class:`~socialhrm.data.DataError` naming the file, the line and the column.

    Parameters
    ----------
    source
        A path (CSV, Excel, Parquet) or a DataFrame.
    columns
        Optional mapping from your column names to ours.
    complete
        Require every assumption of the model (default). With ``False`` a partial table is
        accepted (for overrides).

    Returns
    -------
    pandas.DataFrame
        ``assumption``, ``low``, ``likely``, ``high`` (floats; ``likely`` defaults to the
        middle of the range), ``unit``, ``label``, ``source``; your table is not changed.

    Raises
    ------
    DataError
        Missing columns or assumptions, unknown or repeated assumptions, values that are not
        numbers, ``low > likely > high``, shares outside 0-1, negative amounts.

    Examples
    --------
    >>> t = read_assumptions(pd.DataFrame({"assumption": ["hires_per_year"], "low": [40],
    ...                                    "high": [50]}), complete=False)
    >>> float(t.loc[0, "likely"])
    45.0
    """
    from socialhrm.data import canonical_columns, read_source

    frame, origin = read_source(source, "assumptions", encoding=None, sheet=None,
                                 max_bytes=None)
    frame = canonical_columns(frame, origin, columns, _COLUMNS, ["assumption", "low", "high"])

    def fail(problem: str, advice: str) -> DataError:
        return DataError(_("{where}: {problem}\n  What to do: {advice}").format(
            where=_("assumptions table ({label})").format(label=origin.label),
            problem=problem, advice=advice))

    def line(i: Any) -> str:
        return origin.rows([i])

    names = frame["assumption"].astype("string").str.strip()
    for i, n in names.items():
        if pd.isna(n) or n == "":
            raise fail(_("column 'assumption' is empty on {rows}.").format(rows=line(i)),
                       _("name the assumption in every row."))
        if n not in ASSUMPTIONS:
            raise fail(_("{rows}: {name!r} is not an assumption of the model.").format(
                rows=line(i), name=str(n)),
                _("use one of: {names}.").format(names=", ".join(ASSUMPTIONS)))
    dupes = names[names.duplicated()]
    if len(dupes):
        raise fail(_("the assumption {name!r} appears more than once ({rows}).").format(
            name=str(dupes.iloc[0]), rows=origin.rows(names.index[names == dupes.iloc[0]])),
            _("keep one row per assumption."))
    if complete:
        missing = [a for a in ASSUMPTIONS if a not in set(names)]
        if missing:
            raise fail(_("missing assumptions: {names}.").format(names=", ".join(missing)),
                       _("add a row for each (start from noordhaven_assumptions())."))
    out = pd.DataFrame({"assumption": names.astype(str)})
    for col in ("low", "likely", "high"):
        if col not in frame.columns:
            out[col] = np.nan
            continue
        raw = frame[col]
        text = raw.astype("string").str.strip().str.replace(",", ".", regex=False) \
            if not pd.api.types.is_numeric_dtype(raw) else raw
        vals = pd.to_numeric(text, errors="coerce")
        bad = vals.isna() & raw.notna() & (raw.astype("string").str.strip() != "")
        if col != "likely":
            bad |= vals.isna()
        if bad.any():
            i = bad[bad].index[0]
            raise fail(_("column '{col}' is not a number on {rows} ({value!r}).").format(
                col=col, rows=line(i), value=str(raw.loc[i])),
                _("write a plain number such as 0.05 or 3500 (no EUR sign, no %)."))
        out[col] = vals.astype(float).to_numpy()
    out["likely"] = out["likely"].fillna((out["low"] + out["high"]) / 2)
    lo_a, mid_a, hi_a = (out[c].to_numpy(dtype=float) for c in ("low", "likely", "high"))
    kinds = np.array([ASSUMPTIONS[a][2] for a in out["assumption"]])
    bad_order = ~((lo_a <= mid_a) & (mid_a <= hi_a))
    bad_sign = lo_a < 0
    bad_share = (kinds == "share") & (hi_a > 1)
    for k, i in enumerate(out.index):
        if not (bad_order[k] or bad_sign[k] or bad_share[k]):
            continue
        lo, mid, hi, name = lo_a[k], mid_a[k], hi_a[k], out["assumption"].iat[k]
        if bad_order[k]:
            raise fail(_("{rows} ({name}): the range is not low <= likely <= high ({lo:g}, "
                         "{mid:g}, {hi:g}).").format(rows=line(i), name=name,
                                                     lo=lo, mid=mid, hi=hi),
                       _("put the lowest plausible value in 'low' and the highest in 'high'."))
        if bad_sign[k]:
            raise fail(_("{rows} ({name}): the value cannot be below 0.").format(
                rows=line(i), name=name), _("check the sign."))
        raise fail(_("{rows} ({name}) is a share between 0 and 1, but 'high' is {hi:g}."
                     ).format(rows=line(i), name=name, hi=hi),
                   _("write 5% as 0.05."))
    for col in ("unit", "label", "source"):
        given = frame[col].astype("string").to_numpy() if col in frame.columns else None
        default = [ASSUMPTIONS[a][1 if col == "unit" else 0] if col != "source" else ""
                   for a in out["assumption"]]
        out[col] = [str(g) if given is not None and not pd.isna(g) else d
                    for g, d in zip(given if given is not None else default, default,
                                    strict=True)]
    return out[_COLUMNS].reset_index(drop=True)


def resolve_assumptions(assumptions: Any,
                        scenario: str | Mapping[str, Any] | None) -> pd.DataFrame:
    """The assumptions table to use: Noordhaven's or the user's, with a scenario applied."""
    if assumptions is None or (isinstance(assumptions, str) and assumptions == "noordhaven"):
        table = noordhaven_assumptions()
    else:
        table = read_assumptions(assumptions)
    if scenario is None:
        scenario = "referral_programme"
    if isinstance(scenario, str):
        if scenario not in SCENARIOS:
            raise ValueError(_("There is no scenario {name!r}. Choose one of {names}, or pass "
                               "a mapping of assumption overrides.").format(
                                   name=scenario, names=", ".join(map(repr, SCENARIOS))))
        overrides: Mapping[str, Any] = SCENARIOS[scenario]
    else:
        overrides = scenario
    table = table.copy()
    for name, value in overrides.items():
        if name not in ASSUMPTIONS:
            raise ValueError(_("The scenario changes {name!r}, which is not an assumption of "
                               "the model. Use one of: {names}.").format(
                                   name=name, names=", ".join(ASSUMPTIONS)))
        lo, mid, hi = (value, value, value) if np.isscalar(value) else (
            (value[0], (value[0] + value[1]) / 2, value[1]) if len(value) == 2 else value)
        check = read_assumptions(pd.DataFrame({"assumption": [name], "low": [lo],
                                               "likely": [mid], "high": [hi]}),
                                 complete=False)
        mask = table["assumption"] == name
        table.loc[mask, ["low", "likely", "high"]] = check.loc[0, ["low", "likely", "high"]
                                                               ].to_numpy(dtype=float)
        table.loc[mask, "source"] = table.loc[mask, "source"].astype(str) + _(" (scenario)")
    return table


# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------
def evaluate_case(values: Mapping[str, Any], years: int = 3) -> dict[str, np.ndarray]:
    """The model itself, for given assumption values (numbers or arrays of runs).

    Parameters
    ----------
    values
        Assumption name -> value (a number, or one value per run).
    years
        The horizon in years.

    Returns
    -------
    dict of str to numpy.ndarray
        Every figure of :data:`FIGURES` (totals over the horizon; ``payback_months`` is NaN
        when the programme does not pay back within the horizon), plus
        ``net_return_year_<y>`` and ``cost_of_a_leaver``.

    Examples
    --------
    >>> v = noordhaven_assumptions().set_index("assumption")["likely"].to_dict()
    >>> out = evaluate_case(v, years=3)
    >>> bool(out["net_return"][0] == out["benefits"][0] - out["programme_costs"][0])
    True
    """
    if int(years) < 1:
        raise ValueError(_("years must be 1 or more, not {years}.").format(years=years))
    years = int(years)
    missing = [a for a in ASSUMPTIONS if a not in values]
    if missing:
        raise ValueError(_("Values missing for: {names}.").format(names=", ".join(missing)))
    v = {k: np.atleast_1d(np.asarray(values[k], dtype=float)) for k in ASSUMPTIONS}
    extra_hires = v["hires_per_year"] * v["extra_referral_share"]
    leaver = (v["average_salary"] * v["replacement_cost_share"]
              + v["average_salary"] * (1 + v["on_costs"]) * v["ramp_up_months"] / 12
              * v["ramp_up_output_loss"])
    yearly = {
        "recruitment_savings": extra_hires * (v["cost_per_hire_other"]
                                              - v["cost_per_hire_referral"]),
        "referral_retention_savings": extra_hires * (v["first_year_retention_referral"]
                                                     - v["first_year_retention_other"]) * leaver,
        "turnover_savings": v["employees"] * v["turnover_reduction"] * leaver,
        "absence_savings": v["employees"] * v["working_days"] * v["absence_reduction"]
        * v["cost_per_sick_day"],
    }
    full_benefit = sum(yearly.values())
    effect = [v["year_one_effect"]] + [np.ones_like(v["year_one_effect"])] * (years - 1)
    factor = sum(effect)
    out: dict[str, np.ndarray] = {k: x * factor for k, x in yearly.items()}
    out["benefits"] = full_benefit * factor
    one_off = v["setup_cost"] + v["employees"] * v["training_hours"] * v["hourly_cost"]
    running = (v["platform_cost_per_year"] + v["coordination_cost_per_year"]
               + v["ambassadors"] * v["ambassador_hours_per_week"] * v["working_weeks"]
               * v["hourly_cost"])
    out["one_off_costs"] = one_off
    out["running_costs"] = running * years
    out["programme_costs"] = one_off + running * years
    out["net_return"] = out["benefits"] - out["programme_costs"]
    with np.errstate(divide="ignore", invalid="ignore"):
        out["roi"] = np.where(out["programme_costs"] > 0,
                              out["net_return"] / out["programme_costs"], np.nan)
    # payback: one-off costs at the start, each year's flow spread evenly over its months
    cum = -one_off
    payback = np.full_like(cum, np.nan)
    for y in range(years):
        monthly = (full_benefit * effect[y] - running) / 12
        out[f"net_return_year_{y + 1}"] = full_benefit * effect[y] - running - (
            one_off if y == 0 else 0)
        end = cum + 12 * monthly
        hit = np.isnan(payback) & (end >= 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            within = np.where(cum >= 0, 0.0, -cum / monthly)
        payback = np.where(hit, 12 * y + within, payback)
        cum = end
    out["payback_months"] = payback
    out["cost_of_a_leaver"] = leaver
    return out


def draw_assumptions(table: pd.DataFrame, runs: int = 10000, seed: int = 0, *,
                     uniforms: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Draw every assumption from its triangular distribution (low, likely, high).

    The draws are the inverse of the triangular distribution function applied to uniform
    random numbers, one row of them per assumption in alphabetical order. Passing the same
    ``uniforms`` again with changed ranges moves every run smoothly (common random numbers),
    which is what a dashboard's sliders need.

    Parameters
    ----------
    table
        An assumptions table (see :func:`read_assumptions`).
    runs, seed
        How many draws, from which seed (ignored when ``uniforms`` is given).
    uniforms
        Optional array of shape (number of assumptions, runs) with values in [0, 1).

    Returns
    -------
    dict of str to numpy.ndarray
        Assumption name -> its drawn values; an assumption without a range is constant.

    Examples
    --------
    >>> t = pd.DataFrame({"assumption": ["a"], "low": [1.0], "likely": [2.0], "high": [4.0]})
    >>> x = draw_assumptions(t, runs=1000)["a"]
    >>> bool(x.min() >= 1 and x.max() <= 4)
    True
    """
    ordered = table.sort_values("assumption")
    if uniforms is None:
        uniforms = np.random.default_rng(seed).random((len(ordered), int(runs)))
    values: dict[str, np.ndarray] = {}
    for u, row in zip(uniforms, ordered.itertuples(), strict=True):
        a, c, b = float(row.low), float(row.likely), float(row.high)
        if b <= a:
            values[row.assumption] = np.full(u.shape, a)
            continue
        cut = (c - a) / (b - a)
        left = a + np.sqrt(u * (b - a) * (c - a))
        right = b - np.sqrt((1 - u) * (b - a) * (b - c))
        values[row.assumption] = np.where(u < cut, left, right)
    return values


def _draw(table: pd.DataFrame, runs: int, seed: int) -> dict[str, np.ndarray]:
    return draw_assumptions(table, runs, seed)


@dataclass
class BusinessCaseResult:
    """The outcome of :func:`business_case`.

    Attributes
    ----------
    summary
        One row per figure (index ``figure``): ``label``, ``unit``, ``mean``, ``low``,
        ``median``, ``high`` (``low``/``high`` bound the central ``interval``, e.g. 90%),
        ``assumptions`` (the assumption rows it was computed from, comma-separated).
    runs
        One row per run: the drawn value of every assumption and every figure.
    assumptions
        The assumption table used (with the scenario applied).
    chance_positive
        The share of runs with a positive net return.
    chance_payback
        The share of runs that pay back within the horizon.
    years, interval, seed, scenario
        How it was computed.
    """

    summary: pd.DataFrame
    runs: pd.DataFrame
    assumptions: pd.DataFrame
    chance_positive: float
    chance_payback: float
    years: int
    interval: float
    seed: int
    scenario: str
    meta: dict[str, Any] = field(default_factory=dict)

    def trace(self, figure: str) -> pd.DataFrame:
        """The assumption rows a figure was computed from.

        Examples
        --------
        >>> case = business_case(None, runs=200)
        >>> sorted(case.trace("absence_savings")["assumption"])[:2]
        ['absence_reduction', 'cost_per_sick_day']
        """
        if figure not in FIGURES:
            raise KeyError(_("There is no figure {name!r}; figures: {names}.").format(
                name=figure, names=", ".join(FIGURES)))
        used = FIGURES[figure][2]
        return self.assumptions[self.assumptions["assumption"].isin(used)].reset_index(
            drop=True)

    def _repr_html_(self) -> str:
        return self.summary.drop(columns="assumptions").to_html(float_format="{:,.0f}".format)


def business_case(assumptions: Any = None, scenario: str | Mapping[str, Any] | None = None,
                  years: int = 3, runs: int = 10000, seed: int = 0, *,
                  interval: float = 0.9) -> BusinessCaseResult:
    """The distribution of the net return and payback time of a Social HRM programme.

    Parameters
    ----------
    assumptions
        An assumptions table (a path or DataFrame, see :func:`read_assumptions`), or ``None``
        / ``"noordhaven"`` for :func:`noordhaven_assumptions`.
    scenario
        ``None`` (Noordhaven's referral-programme scenario), a name from :data:`SCENARIOS`,
        or a mapping ``{assumption: value | (low, high) | (low, likely, high)}`` overriding
        ranges.
    years
        The horizon (default 3 years).
    runs
        How many times every assumption is drawn from its range (triangular distribution).
    seed
        The random seed; the same seed gives the same result.
    interval
        The central interval reported as ``low``-``high`` (0.9: the 5th to 95th percentile).

    Returns
    -------
    BusinessCaseResult
        ``summary`` (one row per figure, with intervals and the assumptions used), ``runs``,
        ``assumptions``, ``chance_positive``, ``chance_payback``.

    Examples
    --------
    >>> case = business_case(runs=1000, seed=1)
    >>> 0 <= case.chance_positive <= 1
    True
    >>> list(case.summary.columns)
    ['label', 'unit', 'mean', 'low', 'median', 'high', 'assumptions']
    """
    if not 0 < interval < 1:
        raise ValueError(_("interval must be between 0 and 1, e.g. 0.9."))
    if int(runs) < 1:
        raise ValueError(_("runs must be 1 or more."))
    table = resolve_assumptions(assumptions, scenario)
    draws = _draw(table, int(runs), int(seed))
    name = scenario if isinstance(scenario, str) else (
        "referral_programme" if scenario is None else "custom")
    return summarise(table, draws, years=years, interval=interval, seed=seed, scenario=name)


def summarise(table: pd.DataFrame, draws: Mapping[str, np.ndarray], *, years: int = 3,
              interval: float = 0.9, seed: int = 0,
              scenario: str = "custom") -> BusinessCaseResult:
    """Run the model on drawn assumption values and summarise every figure.

    What :func:`business_case` does after drawing; a dashboard that keeps its own draws (see
    :func:`draw_assumptions`) calls it directly.

    Parameters
    ----------
    table
        The assumptions table the draws came from.
    draws
        Assumption name -> one value per run.
    years, interval, seed, scenario
        As in :func:`business_case` (``seed`` and ``scenario`` are only recorded).

    Returns
    -------
    BusinessCaseResult

    Examples
    --------
    >>> t = noordhaven_assumptions()
    >>> r = summarise(t, draw_assumptions(t, runs=500))
    >>> bool(r.summary.loc["net_return", "low"] <= r.summary.loc["net_return", "high"])
    True
    """
    figures = evaluate_case(draws, years)
    runs_df = pd.DataFrame({**{f"assumption:{k}": np.asarray(draws[k]) for k in ASSUMPTIONS},
                            **{k: v for k, v in figures.items()}})
    q_lo, q_hi = (1 - interval) / 2, 1 - (1 - interval) / 2
    rows = []
    for name, (label, unit, used) in FIGURES.items():
        x = figures[name]
        finite = x[~np.isnan(x)]
        if len(finite):
            mean, lo, med, hi = (float(finite.mean()), *np.quantile(finite, [q_lo, 0.5, q_hi]))
        else:
            mean = lo = med = hi = np.nan
        if name == "payback_months" and np.isnan(x).any():
            # runs that never pay back count as "later than the horizon"
            filled = np.where(np.isnan(x), np.inf, x)
            lo, med, hi = np.quantile(filled, [q_lo, 0.5, q_hi], method="inverted_cdf")
            mean = float(finite.mean()) if len(finite) else np.nan
        rows.append({"figure": name, "label": _(label), "unit": _(unit), "mean": mean,
                     "low": float(lo), "median": float(med), "high": float(hi),
                     "assumptions": ", ".join(used)})
    summary = pd.DataFrame(rows).set_index("figure")
    return BusinessCaseResult(
        summary=summary, runs=runs_df, assumptions=table,
        chance_positive=float((figures["net_return"] > 0).mean()),
        chance_payback=float((~np.isnan(figures["payback_months"])).mean()),
        years=int(years), interval=float(interval), seed=int(seed), scenario=scenario)


def sensitivity(assumptions: Any = None, scenario: str | Mapping[str, Any] | None = None,
                years: int = 3, figure: str = "net_return") -> pd.DataFrame:
    """Which assumption moves the answer most: a tornado table.

    Every assumption at its likely value, then one at a time swung to its low and its high
    end (one-at-a-time sensitivity); the assumptions are sorted by how far the figure moves.

    Parameters
    ----------
    assumptions, scenario, years
        As in :func:`business_case`.
    figure
        The figure to study (default ``"net_return"``; see :data:`FIGURES`).

    Returns
    -------
    pandas.DataFrame
        One row per assumption with a range (index ``assumption``): ``label``, ``unit``,
        ``low``, ``high`` (the assumption's range), ``at_low``, ``at_high`` (the figure with
        the assumption at its low / high end), ``base`` (everything at its likely value) and
        ``swing`` (``|at_high - at_low|``), largest swing first. Only the assumptions the
        figure is computed from are listed; those without a range are left out
        (``attrs["fixed"]`` lists them).

    Examples
    --------
    >>> t = sensitivity()
    >>> bool(t["swing"].is_monotonic_decreasing)
    True
    """
    if figure not in FIGURES:
        raise ValueError(_("There is no figure {name!r}; figures: {names}.").format(
            name=figure, names=", ".join(FIGURES)))
    table = resolve_assumptions(assumptions, scenario)
    base_values = table.set_index("assumption")["likely"].to_dict()
    base = float(evaluate_case(base_values, years)[figure][0])
    rows, fixed = [], []
    used = set(FIGURES[figure][2])
    for r in table.itertuples():
        if r.assumption not in used:
            continue
        if r.high <= r.low:
            fixed.append(r.assumption)
            continue
        at = []
        for end in (r.low, r.high):
            vals = dict(base_values, **{r.assumption: end})
            at.append(float(evaluate_case(vals, years)[figure][0]))
        rows.append({"assumption": r.assumption, "label": _(r.label), "unit": _(r.unit),
                     "low": r.low, "high": r.high, "at_low": at[0], "at_high": at[1],
                     "base": base, "swing": abs(at[1] - at[0])})
    out = pd.DataFrame(rows).sort_values("swing", ascending=False, kind="stable")
    out = out.set_index("assumption")
    out.attrs["fixed"] = fixed
    out.attrs["figure"] = figure
    return out


from socialhrm.business_summary import summary_html  # noqa: E402 - the summary of a result
