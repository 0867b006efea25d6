"""The patterns that find place words in an account (reading.account.places reads them as one place).

Named places the gazetteer does not know: streets ("Upper Grosvenor Street", "grosvenor cres"),
stations, buses and trains. Place nouns said without a name ("the embassy", "our post room", "the
bus stop", "the car park"), each with at most one word before it ("staff entrance", "Saudi embassy").
"""

from __future__ import annotations

from pathlib import Path

import yaml

from reading import regex

STREET_NAMES = (
    r"Street|St|Road|Rd|Lane|Avenue|Ave|Square|Sq|Place|Gardens|Gdns|Terrace|Crescent|Cres|Mews|Row|Way|Hill|"
    r"Gate|Walk|Close|Court|Yard|Parade|Embankment|Circus|Grove|Bridge|Green|Market|Wharf|Park|Mall|"
    r"House|Barracks|Arms|Tower|Hall|Mansions|Buildings|Centre|Abbey|Cathedral|Theatre|Pier|Palace|Arcade|"
    r"Broadway|Museum|Gallery|Memorial|Monument|Column|Arch|Statue"
)
STREET = regex.compile(
    rf"\b((?:[A-Z][a-z'’]+ |St\.? |[A-Z]'?[A-Z]?[a-z'’]+ ){{1,3}}(?:{STREET_NAMES})\b\.?)"
    r"|\b([a-z]{3,}(?: [a-z]{3,})? (?:street|st|road|rd|lane|avenue|square|sq|gardens|terrace|crescent|cres|"
    r"mews|market|wharf|bridge|common|hill|grove|gdns|pier|arcade|broadway|sqaure|sqare|squre|steet|stret|sreet|raod))\b"
)
STATION = regex.compile(
    r"(?i)\b((?:[a-z']{3,} ){1,2}(?:coach |tube |train |underground |overground |rail |bus )?(?:station|statoin|staion|sation|stn)|(?:[a-z']{3,} ){1,2}tube)\b"
)
# On a bus or train: "the 38 bus", "the number 73 bus", "the Central line train", "the jubilee line".
_ROUTE_STOP = r"[a-z&'’]+(?: [a-z&'’]+)?"
# On a bus or train: "the 38 bus", "the number 73 bus", "the Central line train", "the jubilee line",
# with the way it was going ("the northern line between camden and euston", "the train from victoria
# to brighton coach 6", "the 17:42 Victoria to Brighton, carriage 4").
TRANSPORT = regex.compile(
    r"(?i)\b((?:(?:the|a) (?:number )?(?:\d{1,3} |n\d{1,3} |night )?(?:[a-z]+ line |[a-z]+ )?"
    r"(?:bus|train|tube|carriage)"
    r"|(?:the )?(?:bakerloo|central|circle|district|jubilee|metropolitan|northern|piccadilly|victoria|elizabeth|"
    r"hammersmith and city|waterloo and city|overground|dlr) line(?: train)?"
    r"|the \d{1,2}[:.]\d{2}(?: from)? [a-z]+ to [a-z]+"
    r"|(?:the )?(?:top|upper|lower|bottom) deck of (?:the|a) (?:number )?n?\d{1,3}"
    rf"|the (?:number )?n?\d{{1,3}} (?:from {_ROUTE_STOP} to {_ROUTE_STOP}|between {_ROUTE_STOP} and {_ROUTE_STOP}))"
    rf"(?: (?:from {_ROUTE_STOP} to {_ROUTE_STOP}|between {_ROUTE_STOP} and {_ROUTE_STOP}"
    rf"|(?:just )?(?:after|past|before|approaching) {_ROUTE_STOP}"
    rf"|(?:going|heading|coming) (?:down|up|along|over|through|thru|past|across|round|via) {_ROUTE_STOP}))?"
    r"(?:,? (?:coach|carriage) \d{1,2})?)\b"
)
# A bus by its number alone: "on the 159", "got off the N29" (not "on the 3 of May", "the 5 minute walk").
BUS_NUMBER = regex.compile(r"(?i)\b(?:on|off|onto|aboard) (the (?:number )?n?\d{1,3})\b([:.]\d)?( [a-z]+)?")
NOT_A_BUS_AFTER = frozenset(
    "of min mins minute minutes hour hours day days degrees percent am pm th st nd rd january february march "
    "april may june july august september october november december".split()
)
# What people call the places they saw something at, without a name (vocabulary.yml's `places`).
_PLACE_NOUNS = "|".join(
    regex.escape(str(noun))
    for noun in yaml.safe_load(Path(__file__).with_name("vocabulary.yml").read_text(encoding="utf-8"))[
        "places"
    ]["nouns"]
)
# A street said as someone's own, without its name: "on my street", "the end of our road".
OWN_STREET = regex.compile(r"(?i)\b((?:my|our|their) (?:street|road|close|avenue|estate|block))\b")
# A numbered part of a site: "platform 4", "gate 3", "room 304".
_NUMBERED = r"(?:platform|platfrom|gate|terminal|exit|door|room|stand|bay|level|floor) \d{1,3}[a-z]?"
BUILDING = regex.compile(
    rf"(?i)\b((?:the |our |an |a |their |this |that |my |your )?(?-i:(?:[A-Z][a-z'’]+ |& ){{0,3}})"
    rf"(?:[a-z'’-]{{3,}} )?(?:{_NUMBERED}|{_PLACE_NOUNS})"
    r"(?: of (?-i:[A-Z][a-z]+(?: [A-Z][a-z]+)?))?)\b"
)
# A name said right after a word that places it ("outside Harrods", "at East Croydon", "at Fortnum &
# Mason", "outside the Dorchester"): a place the gazetteer does not know, unless it is a time (TIME_NAMES).
NAME_AFTER = regex.compile(
    r"\b(?:outside|opposite|near|at|inside|in front of|across from|next to) "
    r"((?:the )?[A-Z][a-z'’]+(?: (?:&|and) [A-Z][a-z'’]+| [A-Z][a-z'’]+){0,2})\b"
)
# The name of where a place without one is: "a costume hire shop in Camden", "the residence in St John's Wood".
NAME_IN = regex.compile(r"^,? in ([A-Z][a-z'’]+(?: [A-Z][a-z'’]+){0,2})\b")
# Words that describe a place said before its noun, after "the", "our"…: "our visa waiting room",
# "a costume hire shop", "the 3rd floor corridor".
DESCRIBED_BEFORE = regex.compile(
    r"(?i)\b(?:the|our|an|a|their|this|that|my|your) ((?:[a-z0-9'’-]{2,} ){1,2})$"
)

# Named without a place word: an address ("1 Poultry", "30 St Mary Axe") or "<Name> of <Name>" ("the
# Bank of England", "the Museum of London").
ADDRESS = regex.compile(
    r"\b(\d{1,3}[a-z]? (?:St\.? |[A-Z][a-z'’]+ ){0,2}[A-Z][a-z'’]+|[A-Z][a-z]+ of (?:the )?[A-Z][a-z]+)\b"
)
TIME_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december christmas easter halloween ramadan eid diwali new midnight "
    "noon lunchtime i i'm police".split()
)
# A part of a vehicle, not a place ("smashing car windows").
VEHICLE_PART = regex.compile(r"(?i)\b(?:car|van|bus|lorry|taxi|cab)s? (?:windows?|doors?|seats?|roof)$")
# Ordinary words before a street or place noun: not part of its name ("down the mount street").
NOT_A_NAME = frozenset(
    "the a an this that same main back side next other their his her our my your down up on in at "
    "near along off busy quiet little big long front right wrong safe nice good same whole into onto "
    "from past round around towards toward through across over under about which what every any "
    "outside inside behind opposite beside by to of was were is are has had have and but then".split()
)
# Kept before a place noun although they are ordinary words: "the side door", "the back entrance".
PLACE_MODIFIERS = frozenset("back side front main staff rear".split())
# A place noun that names a site officers can find, not a part of one ("the bollards", "the side gate").
SITE = regex.compile(
    r"(?i)\b(?:embass(?:y|ies)|embasy|consulate|high comm?iss?ion|mission|chancery|residence|ministry|offices?|building|"
    r"hotel|shop|pub|caf[eé]|pharmacy|chemist|market|station|school|church|mosque|synagogue|temple|hospital|"
    r"museum|gallery|library|stadium|arena|supermarket|restaurant|bar|nightclub|shopping centre|park|square|"
    r"bridge|flat|apartment|block of flats|visa (?:centre|center|office|section)|university|college|airport|"
    r"supplier|merchants?|dry cleaners?|newsagents?|bakery|barbers?|salon|centre|center|uni|food hall|"
    r"box office|ticket office)\b"
)


def bus_numbers(text: str) -> list[tuple[int, int]]:
    """Where a bus is said by its number alone ("on the 24"), not as a time ("the 08:15"), a date,
    a count, or a bus or train the transport words read whole ("the 73 between Angel and Euston")."""
    whole = [range(m.start(1), m.end(1)) for m in TRANSPORT.finditer(text)]
    return [
        (m.start(1), m.end(1))
        for m in BUS_NUMBER.finditer(text)
        if not m.group(2)
        and (m.group(3) or "").strip().lower() not in NOT_A_BUS_AFTER
        and not any(m.end(1) - 1 in span for span in whole)
    ]
