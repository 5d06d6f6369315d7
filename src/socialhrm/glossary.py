"""The course's glossary of network-analysis terms, English and Dutch side by side.

One table, shown in three places: the glossary notebook (``notebooks/glossary.ipynb``), the
README's glossary section and :func:`glossary` in code. The Dutch terms are the ones Dutch HR
professionals and Dutch network researchers use; where Dutch usually keeps the English word
(``broker``, ``betweenness``) the glossary says so.

Examples
--------
>>> table = glossary()
>>> table.loc[table["en"] == "advice network", "nl"].item()
'adviesnetwerk'
"""

from __future__ import annotations

import pandas as pd

__all__ = ["TERMS", "glossary", "markdown_table"]

#: (English term, Dutch term, explanation in English, explanation in Dutch)
TERMS: list[tuple[str, str, str, str]] = [
    ("network", "netwerk",
     "people (nodes) and the ties between them",
     "mensen (knopen) en de relaties tussen hen"),
    ("node", "knoop",
     "one person (or team) in a network",
     "één persoon (of team) in een netwerk"),
    ("tie, edge", "relatie, verbinding",
     "a connection between two people, e.g. 'asks for advice'",
     "een verbinding tussen twee mensen, bijvoorbeeld 'vraagt om advies'"),
    ("directed tie", "gerichte relatie",
     "a tie with a direction: A asks B, not necessarily B asks A",
     "een relatie met een richting: A vraagt B, niet per se B vraagt A"),
    ("weight, tie strength", "gewicht, sterkte van de relatie",
     "how strong a tie is, e.g. the number of messages",
     "hoe sterk een relatie is, bijvoorbeeld het aantal berichten"),
    ("advice network", "adviesnetwerk",
     "who goes to whom for advice on their work",
     "wie bij wie aanklopt voor advies over het werk"),
    ("trust network", "vertrouwensnetwerk",
     "whom people trust with a sensitive matter",
     "wie men in vertrouwen neemt over een gevoelige kwestie"),
    ("ONA (organisational network analysis)", "ONA (organisatienetwerkanalyse)",
     "mapping how work really flows through an organisation",
     "in kaart brengen hoe het werk werkelijk door een organisatie stroomt"),
    ("formal organisation, org chart", "formele organisatie, organogram",
     "who reports to whom on paper",
     "wie op papier aan wie rapporteert"),
    ("informal organisation", "informele organisatie",
     "the network of who actually works, talks and learns with whom",
     "het netwerk van wie werkelijk met wie werkt, praat en leert"),
    ("degree", "graad",
     "the number of ties a person has (in-degree: ties received; out-degree: ties sent)",
     "het aantal relaties van een persoon (ingraad: ontvangen; uitgraad: verstuurd)"),
    ("density", "dichtheid",
     "the share of all possible ties that exist",
     "het aandeel van alle mogelijke relaties dat echt bestaat"),
    ("reciprocity", "wederkerigheid",
     "the share of ties that are returned",
     "het aandeel van de relaties dat beantwoord wordt"),
    ("path, distance", "pad, afstand",
     "a chain of ties from one person to another; its length in steps",
     "een keten van relaties van de ene persoon naar de andere; de lengte in stappen"),
    ("component", "component",
     "a part of the network in which everyone can reach everyone",
     "een deel van het netwerk waarin iedereen iedereen kan bereiken"),
    ("centrality", "centraliteit",
     "how central a person's position is (several measures)",
     "hoe centraal de positie van een persoon is (verschillende maten)"),
    ("betweenness", "tussenliggendheid (betweenness)",
     "how often a person lies on the shortest paths between others",
     "hoe vaak iemand op de kortste paden tussen anderen ligt"),
    ("closeness", "nabijheid (closeness)",
     "how few steps a person needs to reach everyone",
     "hoe weinig stappen iemand nodig heeft om iedereen te bereiken"),
    ("central connector", "centrale verbinder",
     "someone many people turn to (Cross & Parker)",
     "iemand bij wie veel mensen aankloppen (Cross & Parker)"),
    ("broker", "makelaar (broker)",
     "someone who links people or groups that are not linked otherwise",
     "iemand die mensen of groepen verbindt die anders niet verbonden zijn"),
    ("boundary spanner", "grensoverschrijder (boundary spanner)",
     "someone with many ties to other departments",
     "iemand met veel relaties met andere afdelingen"),
    ("peripheral person", "perifere medewerker",
     "someone at the edge of the network, with few ties",
     "iemand aan de rand van het netwerk, met weinig relaties"),
    ("structural hole", "structureel gat",
     "a gap between groups that a broker can bridge (Burt)",
     "een kloof tussen groepen die een makelaar kan overbruggen (Burt)"),
    ("constraint", "beperking (constraint)",
     "how much a person's contacts are tied to each other (Burt)",
     "hoe sterk de contacten van iemand onderling verbonden zijn (Burt)"),
    ("weak tie", "zwakke relatie",
     "an acquaintance rather than a close colleague; often brings new information "
     "(Granovetter)",
     "een kennis in plaats van een naaste collega; brengt vaak nieuwe informatie (Granovetter)"),
    ("ego network", "egonetwerk",
     "one person, their contacts and the ties among those contacts",
     "één persoon, diens contacten en de relaties tussen die contacten"),
    ("community", "gemeenschap, cluster",
     "a group with many ties inside and few outside",
     "een groep met veel relaties binnen en weinig daarbuiten"),
    ("silo", "silo, eilandje",
     "a group that keeps its ties and information to itself",
     "een groep die haar relaties en informatie voor zichzelf houdt"),
    ("E-I index", "E-I-index",
     "external minus internal ties over all ties of a group (Krackhardt & Stern)",
     "externe min interne relaties gedeeld door alle relaties van een groep (Krackhardt & Stern)"),
    ("modularity", "modulariteit",
     "how strongly a network splits into groups",
     "hoe sterk een netwerk in groepen uiteenvalt"),
    ("key player", "sleutelspeler",
     "someone whose departure would cut the network apart (Borgatti)",
     "iemand wiens vertrek het netwerk uiteen zou doen vallen (Borgatti)"),
    ("adoption, diffusion", "adoptie, verspreiding",
     "how a new way of working spreads from person to person",
     "hoe een nieuwe manier van werken zich van persoon tot persoon verspreidt"),
    ("complex contagion", "complexe besmetting",
     "adopting only after several contacts have (Centola & Macy)",
     "pas overstappen als meerdere contacten dat al deden (Centola & Macy)"),
    ("ambassador", "ambassadeur",
     "an employee who carries the employer brand in their own network",
     "een medewerker die het werkgeversmerk in het eigen netwerk uitdraagt"),
    ("reach", "bereik",
     "how many people someone reaches in one or two steps",
     "hoeveel mensen iemand in één of twee stappen bereikt"),
    ("referral", "referral, voordracht door een medewerker",
     "a candidate put forward by an employee",
     "een kandidaat die door een medewerker wordt aangedragen"),
    ("pseudonymisation", "pseudonimisering",
     "replacing names and ids by codes, as the AVG (GDPR) asks",
     "namen en nummers vervangen door codes, zoals de AVG vraagt"),
    ("minimum group size", "minimale groepsgrootte",
     "groups smaller than this are merged so nobody can be singled out",
     "kleinere groepen worden samengevoegd zodat niemand herkenbaar is"),
]


def glossary(lang: str | None = None) -> pd.DataFrame:
    """The glossary as a table: ``en``, ``nl`` and the explanation (in ``lang`` or both).

    Parameters
    ----------
    lang
        ``"en"`` or ``"nl"`` gives one ``explanation`` column in that language; ``None``
        gives both (``explanation_en``, ``explanation_nl``).

    Returns
    -------
    pandas.DataFrame
        One row per term, in the order a learner meets them in the course.

    Examples
    --------
    >>> glossary("nl").columns.tolist()
    ['en', 'nl', 'explanation']
    """
    table = pd.DataFrame(TERMS, columns=["en", "nl", "explanation_en", "explanation_nl"])
    if lang in {"en", "nl"}:
        table = table[["en", "nl", f"explanation_{lang}"]].rename(
            columns={f"explanation_{lang}": "explanation"})
    return table


def markdown_table() -> str:
    """The glossary as the Markdown table the README shows (English, Dutch, explanation).

    Examples
    --------
    >>> markdown_table().splitlines()[0]
    '| English | Nederlands | what it means |'
    """
    rows = ["| English | Nederlands | what it means |", "|---|---|---|"]
    rows += [f"| {en} | {nl} | {expl} |" for en, nl, expl, _ in TERMS]
    return "\n".join(rows)
