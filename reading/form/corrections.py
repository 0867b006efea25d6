"""Changing an answer: which field a phrase names, change requests and corrections with their value.

"change the place" -> report_location; "actually the time was 4pm" -> (report_when, "4pm").
Part of the report form's grammars (reading/form/grammar.py is the public face).
"""

from __future__ import annotations

from reading import regex
from reading.form.text import FILLERS, command_core, core, is_payload, normalise, whole

_CHANGE_VERBS = r"change|edit|fix|correct|amend|update|redo|modify|alter"
_CHANGE = regex.compile(
    rf"^(?:go back and )?(?:{_CHANGE_VERBS})(?: (?:the|my|that|an|a|one|some|what i said about|the bit about))?"
    r"(?: (?P<rest>.+))?$"
)
# "change of clothes", "correct time was 3pm": a preposition first or a number is not a field's name.
_NOT_A_FIELD_PHRASE = regex.compile(r"^(?:of|in|to|at|from|into|with|by|for|on|and)\b|\d")
_CHANGE_ANY = whole(
    r"something|answers?|an answer|my answers?|an answer i gave|something i said|it|that|the report|a detail|details?|"
    r"one of (?:the|my) answers|one thing|what i said|some details"
)
_WRONG_FIELD = regex.compile(
    r"^(?:the |my |that |your )?(?P<field>[a-z ]{2,30}?) (?:is|was|are|were) (?:wrong|incorrect|not right)$"
    r"|^wrong (?P<field2>[a-z ]{2,30})$|^i (?:got|put|gave|typed|entered|said) the wrong (?P<field3>[a-z ]{2,30})$"
)
# "actually the place was chesham place", "sorry, the time should be 2pm": a correction of an
# answer, named by what the form calls it (not "the man was…", which describes).
_CORRECTION = regex.compile(
    r"^(?:actually|sorry|oops|wait|no|correction|i meant|i mean)\b(?: \w+){0,2}? (?:the |my )?"
    r"(?P<field>place|location|address|postcode|street|time|date|day|reg|registration|number plate|plate|"
    r"direction|category|description|contact details|phone number|number|email)"
    r" (?:was|is|should be|should have been|were|wasnt|isnt)\b"
)
# A correction that gives the new value: "change the time to about 4pm", "hang on the reg might have
# been LV19 OKB". The "<field> was <value>" form needs a lead-in ("actually", "hang on") except at the
# summary, where naming an answer already means changing it; "the car was parked outside" is a description.
_VALUE_FIELDS = (
    r"place|location|address|postcode|post code|street|time|date|day|reg|registration|number plate|plate|"
    r"reg number|registration number|direction|category|type|description|contact details|contact number|"
    r"phone number|email|e mail|email address|vehicle|car|van"
)
_SET_TO = regex.compile(
    rf"^(?:{_CHANGE_VERBS}|make|set|put|switch) (?:the |my )?(?P<field>{_VALUE_FIELDS})"
    r" (?:to|as|into|so it says|so that it says) (?P<value>.+)$"
)
_LEAD_INS = (
    r"actually|sorry|oops|wait|no|correction|i meant|i mean|hang on|hold on|oh|on second thoughts|"
    r"come to think of it|thinking about it|my mistake|my bad"
)
# A run of lead-ins and fillers at the start ("oh wait, sorry, actually ..."), stripped in one pass.
_LEAD = regex.compile(rf"^(?:(?:{_LEAD_INS}|{FILLERS})\b\s*)+")
_HAS_LEAD_IN = regex.compile(rf"\b(?:{_LEAD_INS})\b")
_FIELD_WAS = regex.compile(
    rf"^(?:i think )?(?:the |my |that )?(?P<field>{_VALUE_FIELDS})"
    r" (?:was|is|should be|should have been|should say|might have been|may have been|could have been|"
    r"must have been|might be|may be|was actually|is actually|was really|was probably|were) (?P<value>.+)$"
)
_REPLACED = regex.compile(r" (?:not|rather than|instead of|and not) .+$")
_NOT_A_VALUE = whole(r"(?:wrong|incorrect|not right|a mistake|off|different|missing|blank|empty)(?: \w+)?")
_CHANGE_PLAIN = whole(
    r"go back|i made a mistake|ive made a mistake|i got something wrong|thats (?:wrong|not right)|"
    r"that is (?:wrong|not right)|not quite|can i correct something"
)
_FIELD_WORDS = (
    (
        "report_people",
        r"\b(?:people|person|persons|man|woman|men|women|suspects?|clothing|clothes|who (?:it|they) (?:was|were)|"
        r"description of (?:the )?(?:person|people|man|woman|suspect))\b",
    ),
    (
        "report_vehicle",
        r"\b(?:vehicle|car|van|reg|registration|number ?plate|plate|bike|motorbike|lorry|truck)\b",
    ),
    ("report_direction", r"\b(?:direction|which way|where (?:they|he|she) went|where they headed)\b"),
    ("report_when", r"\b(?:time|when|date|day|hour)\b"),
    ("report_location", r"\b(?:location|place|where|address|postcode|post code|street|spot)\b"),
    ("report_ongoing", r"\b(?:still happening|danger|ongoing)\b"),
    ("report_category", r"\b(?:type|category|kind)\b"),
    ("report_contact_consent", r"\b(?:contact|phone|email|e mail|number|anonymous|my details)\b"),
    (
        "report_description",
        r"\b(?:description|what happened|what i saw|happened|story|account|what i said)\b",
    ),
)
_FIELDS = tuple((slot, regex.compile(words)) for slot, words in _FIELD_WORDS)


def field_named(text: str | None) -> str | None:
    """The report slot a short phrase names ("the place" -> report_location), if any."""
    words = normalise(text)
    for slot, pattern in _FIELDS:
        if pattern.search(words):
            return slot
    return None


def change_request(text: str | None) -> str | None:
    """'' for "I want to change something", the slot for "change the place"; None when not a change."""
    command = command_core(text)
    if not command:
        return None
    if _CHANGE_PLAIN.match(command):
        return ""
    correction = _CORRECTION.match(normalise(text))
    if correction:
        return field_named(correction.group("field"))
    wrong = _WRONG_FIELD.match(command)
    if wrong:
        named = wrong.group("field") or wrong.group("field2") or wrong.group("field3")
        slot = field_named(named) if len(named.split()) <= 4 else None
        return slot
    change = _CHANGE.match(command)
    if not change:
        return None
    rest = core(change.group("rest") or "")
    if not rest or _CHANGE_ANY.match(rest):
        return ""
    if len(rest.split()) <= 4 and not _NOT_A_FIELD_PHRASE.search(rest):
        return field_named(rest)
    return None


def _original_span(value: str, text: str) -> str:
    """`value` (normalised words) as the person typed it, from its first word to its last."""
    words = ["['’]?".join(regex.escape(char) for char in word) for word in value.split()]
    found = regex.compile(r"[^a-z0-9@+]+".join(words), ignore_case=True).search(text) if words else None
    return found.group(0) if found else value


# Something to add at the summary: "wait, before I send, can I add that he had a backpack?".
_ADDITION = regex.compile(
    r"^(?:(?:wait|oh|oops|sorry|actually|also|and|ok|okay|hang on|hold on|just|before i send(?: it)?|"
    r"before you send(?: it)?)\s+)*"
    r"(?:(?:can|could|may) i (?:just |also )?add|i (?:also |just )?(?:want|need|meant|forgot) to (?:add|say|mention)|"
    r"(?:i )?forgot to (?:say|mention|add)|one more thing|please add|(?:also )?add)"
    r"(?: (?:that|this|to (?:the|my) (?:description|report)))?\s+(?P<text>\S.*)$"
)


def addition(text: str | None) -> str | None:
    """What the person wants added to the description ("can I add that he had a backpack?" ->
    "he had a backpack"), as typed; None when the message adds nothing."""
    raw = (text or "").strip()
    if not raw or is_payload(raw):
        return None
    found = _ADDITION.match(normalise(raw))
    if not found or len(found.group("text").split()) < 2:
        return None
    return _original_span(found.group("text"), raw)


def correction(text: str | None, at_summary: bool = False) -> tuple[str, str] | None:
    """(slot, new value) for a change that gives its value ("change the time to about 4pm"), else None."""
    raw = (text or "").strip()
    if not raw or is_payload(raw):
        return None
    found = _SET_TO.match(command_core(raw))
    if not found:
        words = normalise(raw)
        lead = _LEAD.match(words)
        lead_in = bool(lead and _HAS_LEAD_IN.search(lead.group(0)))
        if lead:
            words = words[lead.end() :].strip()
        if lead_in or at_summary:
            found = _FIELD_WAS.match(core(words))
    if not found or _NOT_A_VALUE.match(found.group("value")):
        return None
    slot = field_named(found.group("field"))
    if slot is None:
        return None
    if slot == "report_contact_consent":
        slot = "report_contact"
    value = found.group("value")
    if slot != "report_description":  # "chesham place not lowndes square": the old value goes
        value = _REPLACED.sub("", value) or value
    return slot, _original_span(value, raw)
