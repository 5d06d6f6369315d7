"""HR cost assumptions for the Noordhaven business case.

Each row names where its figure comes from. Figures marked *assumption* are round numbers
chosen for teaching; they are of the order of magnitude of the named public source, but a
real business case must replace them with the organisation's own figures.
"""

from __future__ import annotations

import pandas as pd

#: (category, item, value, unit, source)
COST_ROWS: tuple[tuple[str, str, float, str, str], ...] = (
    ("cost_per_hire", "referral", 1500.0, "EUR per hire",
     "assumption: Noordhaven referral bonus of EUR 1,000 paid after probation plus EUR 500 "
     "of recruiter time (fictional policy)"),
    ("cost_per_hire", "job board", 3500.0, "EUR per hire",
     "assumption; order of magnitude of the average cost per hire in SHRM's Talent "
     "Acquisition Benchmarking Report (2022), about USD 4,700"),
    ("cost_per_hire", "social media", 2500.0, "EUR per hire",
     "assumption: paid campaigns and recruiter time on LinkedIn and similar platforms"),
    ("cost_per_hire", "agency", 0.20, "share of first-year gross salary",
     "assumption; agencies usually charge a percentage of the first-year salary"),
    ("cost_per_hire", "campus", 2500.0, "EUR per hire",
     "assumption: fairs, internships and recruiter time"),
    ("salary_band", "junior", 38000.0, "EUR gross per year (full-time)",
     "assumption; check against CBS StatLine wage statistics or the applicable CAO"),
    ("salary_band", "medior", 49000.0, "EUR gross per year (full-time)",
     "assumption; check against CBS StatLine wage statistics or the applicable CAO"),
    ("salary_band", "senior", 62000.0, "EUR gross per year (full-time)",
     "assumption; check against CBS StatLine wage statistics or the applicable CAO"),
    ("salary_band", "manager", 74000.0, "EUR gross per year (full-time)",
     "assumption; check against CBS StatLine wage statistics or the applicable CAO"),
    ("salary_band", "director", 105000.0, "EUR gross per year (full-time)",
     "assumption"),
    ("salary_band", "executive", 150000.0, "EUR gross per year (full-time)", "assumption"),
    ("employer_costs", "on-costs", 0.30, "share on top of gross salary",
     "assumption: employer social-security premiums and pension contributions"),
    ("absenteeism", "sickness absence rate", 0.05, "share of working days",
     "order of magnitude of Dutch sickness absence reported by CBS (Statistics "
     "Netherlands), about 5% in 2022-2023"),
    ("absenteeism", "cost per sick day", 300.0, "EUR per day",
     "assumption: daily salary with on-costs plus some replacement and lost output"),
    ("turnover", "replacement cost", 0.21, "share of annual salary",
     "Boushey & Glynn (2012), 'There are significant business costs to replacing "
     "employees', Center for American Progress: typical cost about a fifth of salary"),
    ("turnover", "months to full productivity", 6.0, "months",
     "assumption; during ramp-up a new hire delivers on average half of full output"),
    ("working_time", "working days per year", 220.0, "days (full-time)",
     "assumption: 261 weekdays minus holidays and public holidays"),
)


def cost_table() -> pd.DataFrame:
    """The fixed cost assumptions as a table.

    Returns
    -------
    pandas.DataFrame
        Columns ``category``, ``item``, ``value``, ``unit``, ``source``.

    Examples
    --------
    >>> cost_table().query("item == 'referral'")["value"].item()
    1500.0
    """
    return pd.DataFrame(list(COST_ROWS), columns=["category", "item", "value", "unit", "source"])
