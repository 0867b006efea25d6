"""Well-known London places for the report's location (canonical names; aliases are derived).

Embassy districts, government and royal sites, main stations and busy streets where Project
Servator deploys. Ambiguous one-word names ("Bank", "Victoria", "The Mall") are only listed
in an unambiguous form ("Bank Station", "Victoria Station").
"""

from __future__ import annotations

PLACES: tuple[str, ...] = (
    # Embassy districts and squares
    "Grosvenor Square",
    "Belgrave Square",
    "Kensington Palace Gardens",
    "Eaton Square",
    "Lowndes Square",
    "Cavendish Square",
    "Portland Place",
    "Chesham Place",
    "Queen's Gate",
    "Palace Green",
    "Holland Park",
    "Mayfair",
    "Belgravia",
    "Knightsbridge",
    "Nine Elms",
    "Park Lane",
    "Sloane Square",
    "Smith Square",
    # Government, Parliament and royal sites
    "Whitehall",
    "Westminster",
    "Parliament Square",
    "Houses of Parliament",
    "Palace of Westminster",
    "Downing Street",
    "Westminster Abbey",
    "Westminster Bridge",
    "Lambeth Bridge",
    "Millbank",
    "Big Ben",
    "Buckingham Palace",
    "Kensington Palace",
    "Horse Guards Parade",
    "St James's Palace",
    "Victoria Embankment",
    # Squares, streets and sights
    "Trafalgar Square",
    "Leicester Square",
    "Piccadilly Circus",
    "Oxford Circus",
    "Oxford Street",
    "Regent Street",
    "Bond Street",
    "Baker Street",
    "Covent Garden",
    "Marble Arch",
    "Hyde Park Corner",
    "Kensington High Street",
    "Exhibition Road",
    "South Kensington",
    "Notting Hill",
    "Victoria Street",
    "The Strand",
    "Tower Bridge",
    "London Bridge",
    "Tower of London",
    "London Eye",
    "South Bank",
    "Borough Market",
    "Canary Wharf",
    "St Paul's Cathedral",
    "Bishopsgate",
    "Wembley Stadium",
    # Parks
    "Hyde Park",
    "Green Park",
    "St James's Park",
    "Regent's Park",
    "Kensington Gardens",
    # Stations and airports
    "King's Cross",
    "St Pancras",
    "Victoria Station",
    "Waterloo Station",
    "Paddington Station",
    "Euston Station",
    "Liverpool Street Station",
    "London Bridge Station",
    "Charing Cross",
    "Embankment Station",
    "Bank Station",
    "Westminster Station",
    "Vauxhall",
    "Stratford",
    "Heathrow Airport",
    "Gatwick Airport",
    "City Airport",
)

_SUFFIXES = {
    "square": ["sq", "sq."],
    "street": ["st", "st."],
    "station": ["stn", "tube", "tube station"],
    "gardens": ["gdns"],
    "airport": [""],
}


def aliases(canonical: str) -> list[str]:
    """Lower-case ways people type a place: with/without apostrophes, "st"/"saint", "sq", "stn"…"""
    base = canonical.lower()
    forms = {base, base.replace("'", ""), base.replace("'s", "s")}
    if base.startswith("the "):
        forms.add(base[4:])
    for form in list(forms):
        if form.startswith("st "):
            forms |= {"saint " + form[3:], "st. " + form[3:]}
        forms.add(form.replace("st james's", "st james"))
        last = form.rsplit(" ", 1)[-1]
        for replacement in _SUFFIXES.get(last, []):
            forms.add((form.rsplit(" ", 1)[0] + " " + replacement).strip())
        if last == "station":
            forms.add(form.rsplit(" ", 1)[0] + " train station")
    return sorted(f for f in forms if f and f not in _TOO_AMBIGUOUS)


_TOO_AMBIGUOUS = {"bank", "victoria", "embankment", "westminster tube", "bank tube", "london"}


def canonical_names() -> dict[str, str]:
    """alias -> canonical name (for tests and tools)."""
    return {alias: name for name in PLACES for alias in aliases(name)}
