"""The sentences that explain links and clusters to officers (one place for the wording)."""

from __future__ import annotations

from collections.abc import Sequence

from servator.linking.plate_keys import Difference

MAX_NAMED_REFERENCES = 6


def place_name(place_id: str | None) -> str | None:
    from reading.places import place_by_id

    place = place_by_id(place_id) if place_id else None
    return place.name if place else None


def category_words(category: str) -> str:
    return category.replace("_", " ")


def days_apart(days: float) -> str:
    if days < 1:
        return "within a day of each other"
    whole = round(days)
    return f"{whole} day{'s' if whole != 1 else ''} apart"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def same_vehicle(mine: str | None, theirs: str | None, days: float) -> str:
    if mine == theirs or not theirs:
        return _sentence(f"same vehicle {mine} in both reports, {days_apart(days)}")
    return _sentence(f"same vehicle {mine} / {theirs} (O/0 and I/1 read alike), {days_apart(days)}")


def plate_words(display: str | None) -> str:
    """A registration as it is read aloud: a current UK plate with its space ("KX19 PLM")."""
    text = display or ""
    if len(text) == 7 and text[:2].isalpha() and text[2:4].isdigit() and text[4:].isalpha():
        return f"{text[:4]} {text[4:]}"
    return text


def near_vehicle(
    mine: str | None, theirs: str | None, difference: Difference, shared: str, days: float
) -> str:
    """ "Possibly the same vehicle: KX19 PIM and KX19 PLM differ in one character; both a silver Ford
    Focus, within a day of each other (I or L: easily misread)." """
    a, b = mine or "", theirs or ""
    i = difference.position
    if difference.swap:
        what = f"differ by two swapped characters ({a[i : i + 2]} / {b[i : i + 2]})"
        detail = ""
    else:
        what = "differ in one character"
        detail = f" ({a[i : i + 1]} or {b[i : i + 1]}{': easily misread' if difference.confusable else ''})"
    return _sentence(
        f"possibly the same vehicle: {plate_words(a)} and {plate_words(b)} {what}; "
        f"both a {shared}, {days_apart(days)}{detail}"
    )


def partial_vehicle(said: str, whole: str | None, agreeing: str, days: float) -> str:
    """ "Possibly the same vehicle: part of a plate, KX19 … as said, fits KX19 PLM; both a silver Ford,
    2 days apart." """
    return _sentence(
        f"possibly the same vehicle: part of a plate, {said} as said, fits {plate_words(whole)}; "
        f"{agreeing}, {days_apart(days)}"
    )


def same_place_id(place_id: str) -> str:
    return f"same place ({place_name(place_id) or place_id})"


def same_postcode(postcode: str) -> str:
    return f"same postcode {postcode}"


def places_close(place_a: str | None, place_b: str | None, metres: float) -> str:
    names = [name for name in (place_name(place_a), place_name(place_b)) if name]
    where = f" ({' / '.join(dict.fromkeys(names))})" if names else ""
    return f"places {round(metres)} m apart{where}"


def place_reason(how: str, category_a: str, category_b: str, days: float) -> str:
    if category_a == category_b:
        behaviour = f"the same behaviour ({category_words(category_a)})"
    else:
        behaviour = f"similar behaviour ({category_words(category_a)}, {category_words(category_b)})"
    return _sentence(f"{how} and {behaviour}, {days_apart(days)}")


def similar_descriptions(similarity: float, days: float, metres: float | None) -> str:
    where = f" and {metres / 1000:.1f} km apart" if metres is not None else " in the same postcode sector"
    return _sentence(f"similar descriptions (similarity {similarity:.2f}), {days_apart(days)}{where}")


def span(count: int, days: int, places: int) -> str:
    """ "3 reports in 5 days, 2 places" (days counted as calendar days, first and last included)."""
    place_text = f", {places} place{'s' if places != 1 else ''}" if places else ", place unknown"
    return f"{count} reports in {days} day{'s' if days != 1 else ''}{place_text}"


def reference_list(references: Sequence[str]) -> str:
    named = list(references[:MAX_NAMED_REFERENCES])
    extra = len(references) - len(named)
    return ", ".join(named) + (f" and {extra} more" if extra > 0 else "")


def cluster_reason(headline: str, references: Sequence[str], days: int, places: int, others: int) -> str:
    """ "same vehicle AB12CDE: SRV-…, SRV-… (3 reports in 5 days, 2 places)" [+ how many more are linked]."""
    text = f"{headline}: {reference_list(references)} ({span(len(references), days, places)})"
    if others:
        text += f"; {others} more report{'s' if others != 1 else ''} linked to them"
    return text


def alert_reason(kind: str, count: int, days: int, places: int) -> str:
    """The minimised reason officers' alerts carry: no registration, no description, no contact."""
    headline = {"vehicle": "same vehicle", "place": "same place", "description": "similar descriptions"}[kind]
    return f"{headline}: {span(count, days, places)}"
