"""Name parts for the synthetic people of Noordhaven.

Common given names and family names in the Netherlands (including names of Dutch people
with Turkish, Moroccan, Surinamese, Indonesian and other roots), combined at random.
Nobody in the bundled organisation is a real person.
"""

from __future__ import annotations

import numpy as np

FIRST_NAMES: tuple[str, ...] = (
    "Anna", "Sanne", "Lotte", "Femke", "Eva", "Lisa", "Fleur", "Iris", "Noor", "Julia",
    "Marieke", "Anouk", "Esther", "Ingrid", "Petra", "Monique", "Sandra", "Wendy", "Karin",
    "Linda", "Marloes", "Renske", "Hanneke", "Mirjam", "Tessa", "Roos", "Sophie", "Nina",
    "Fatima", "Samira", "Yasmina", "Elif", "Zeynep", "Priya", "Chantal", "Dewi", "Sita",
    "Joyce", "Ilse", "Wietske", "Geertje", "Baukje", "Jolanda", "Annemiek", "Maud",
    "Jan", "Pieter", "Kees", "Henk", "Gerrit", "Bram", "Daan", "Sem", "Lucas", "Thijs",
    "Ruben", "Jeroen", "Martijn", "Bas", "Sander", "Niels", "Wouter", "Joost", "Erik",
    "Maarten", "Arjen", "Jelle", "Sjoerd", "Wiebe", "Hidde", "Tjeerd", "Stefan", "Rik",
    "Mohamed", "Youssef", "Mehmet", "Emre", "Kevin", "Rajesh", "Dennis", "Remco", "Frank",
    "Hans", "Marco", "Vincent", "Tim", "Koen", "Lars", "Mark", "Willem", "Freek",
)

FAMILY_NAMES: tuple[str, ...] = (
    "de Vries", "Jansen", "de Jong", "van Dijk", "Bakker", "Visser", "Smit", "Meijer",
    "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen",
    "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
    "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Berg", "van der Heijden",
    "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas",
    "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Postma",
    "Kuipers", "Veenstra", "Kramer", "Wijnberg", "Bosma", "Zijlstra", "Hofstra", "Wiersma",
    "Boersma", "Terpstra", "Haaksma", "Nijboer", "Oosterhuis", "Schaap", "Kloosterman",
    "Yilmaz", "Kaya", "El Amrani", "Bouzid", "Ramdin", "Sewnarain", "Tjon", "Kartosen",
    "Pattinama", "Nguyen", "Wong", "Kowalski", "Novak", "Haddou", "Öztürk", "Lammers",
    "Bulthuis", "Tuinstra", "van Wijk", "Groen", "Heeringa", "Stellingwerf",
)


def unique_names(n: int, rng: np.random.Generator) -> list[str]:
    """Draw ``n`` distinct full names ("given family") at random.

    Parameters
    ----------
    n
        How many names.
    rng
        The seeded random generator to draw from.

    Returns
    -------
    list of str
        ``n`` different names, in drawing order.

    Examples
    --------
    >>> import numpy as np
    >>> len(set(unique_names(5, np.random.default_rng(1))))
    5
    """
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        name = (f"{FIRST_NAMES[int(rng.integers(len(FIRST_NAMES)))]} "
                f"{FAMILY_NAMES[int(rng.integers(len(FAMILY_NAMES)))]}")
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out
