"""Whole-message grammars for the report form's answers: commands, skips, yes/no, categories, fields.

One place decides what a message means while the report form waits for an answer: the NLU
component `FormAnswerGate` (nlu/components.py) picks the intent with `form_intent`, and the
form's validation (actions/report_validation.py) reads the values with the same functions.

Every grammar matches the WHOLE message, once fillers ("sorry", "please", "ok", "actually")
are set aside: "stop the report" is a command, "a man stopped, took photos of the gate" is a
description; "no idea" is a skip, "no idea who he was, he was recording the guards" is an answer.
Deterministic, no I/O: unit-tested in tests/unit/nlu/test_form_grammar.py.
"""

from __future__ import annotations

import re
from re import Pattern

from nlu.contact_details import find_contact
from nlu.intents import STATUS_INTENT

FREE_TEXT_SLOTS = (
    "report_description",
    "report_location",
    "report_when",
    "report_people",
    "report_vehicle",
    "report_direction",
)
YES_NO_SLOTS = ("report_ongoing", "report_contact_consent")
FORM_SLOTS = FREE_TEXT_SLOTS + YES_NO_SLOTS + ("report_category", "report_contact", "report_confirm")
# Classified as one of these with at least this confidence, a message in question form is a
# question to the assistant, answered before the form asks again.
QUESTION_INTENTS = frozenset({"faq", "contact", "help", "bot_challenge"})
QUESTION_CONFIDENCE = 0.7
# Right after a 999 answer, a message the classifier reads as news of the person's safety with at
# least this confidence is not an answer either (the grammar below reads the plain cases; a wrong
# call costs only the question asked again).
STATUS_CONFIDENCE = 0.6

CATEGORIES = (
    "surveillance",
    "eliciting_information",
    "testing_security",
    "unattended_item",
    "acquiring_materials",
    "expressed_threat",
    "other",
)

_FILLERS = (
    r"ok|okay|oh|um+|erm+|er|uh+|hmm+|well|so|sorry|please|pls|plz|thanks|thank you|thx|ta|mate|actually|"
    r"just|tbh|honestly|hi|hey|alright|then|lol|really|i guess|i suppose|to be honest"
)
_LEADING_FILLER = re.compile(rf"^(?:{_FILLERS})\b\s*")
_TRAILING_FILLER = re.compile(rf"\s*\b(?:{_FILLERS})$")
# Only before a command: "no, cancel it", "wait, change the time", "can you stop".
_COMMAND_PREFIX = re.compile(
    r"^(?:no|wait|hang on|hold on|can you|can we|could you|could we|can i|could i|i want to|i wanna|"
    r"i need to|id like to|i would like to|let me|lets|i think i want to|i think ill|ill|we need to)\b\s*"
)


def _whole(pattern: str) -> Pattern[str]:
    return re.compile(rf"^(?:{pattern})$")


_CANCEL = _whole(
    r"cancel(?: (?:it|this|that|the report|my report|this report|the whole thing|the whole report|everything|"
    r"all of it|the lot|now|reporting))*"
    r"|stop(?: (?:it|this|that|now|here|the report|this report|my report|reporting|asking me questions|"
    r"asking questions|asking|the questions|all this))*"
    r"|quit(?: (?:it|this|the report|now))?|exit|abort|halt|terminate|end (?:it|this|the report|this report)"
    r"|forget (?:it|this|that|the report|about it|the whole thing|the whole report|everything)"
    r"|never ?mind|nvm|scrap (?:it|that|this|the report|the whole thing|everything)|bin it|drop it"
    r"|delete (?:it|this|the report|my report|this report)|discard (?:it|this|the report|this report)"
    r"|(?:i |ive |i have )?changed my mind.*"
    r"|(?:i )?(?:dont|do not|no longer) want to (?:report|continue|carry on|do this|go on|send|finish)"
    r"(?: (?:it|this|the report|anymore|any more|now|with it|with this|with the report))*"
    r"|(?:im|i am) done|dont (?:send|submit) (?:it|anything|the report)|(?:i )?give up|get me out of (?:this|here)"
)
# An explicit report-cancelling opening, whatever follows ("cancel, i made a mistake").
_CANCEL_OPENING = re.compile(
    r"^(?:cancel|abort)\b|^(?:stop|cancel|end|scrap|delete) (?:the|this|my) report\b"
)
# An unmistakable cancel as the first clause, whatever follows ("scrap the whole thing, the police
# are here"); not bare "stop" or "forget it", which a description may quote.
_CANCEL_CLAUSE = _whole(
    r"(?:cancel|scrap|forget|delete|discard|bin|drop) (?:it all|the whole thing|the whole report|the report|"
    r"this report|my report|everything)|cancel (?:it|this)|never ?mind|(?:i |ive |i have )?changed my mind|"
    r"(?:i )?(?:dont|do not|no longer) want to (?:report|continue|send)(?: (?:it|this|anymore|any more))*"
)
_CLAUSE_END = re.compile(r"[,;.!?:]|\s[-–—]\s")
_HELP = _whole(
    r"help(?: me| please)?|i need help|what can you do|how does this work|what do i do now|what do you mean|"
    r"what should i say|what do you need|i dont understand|"
    # Asking to report while already reporting: the form explains itself and asks again.
    r"(?:(?:i|we) (?:want|wanna|would like|need|d like)|id like|can i|could i|let me|i have|ive got)"
    r"(?: to)? (?:report|make a report|log|flag|tell you about|pass on)(?: (?:it|this|that|something|"
    r"something suspicious|something i saw|a concern|an incident|what i saw))?(?: (?:properly|officially|now|here|"
    r"to you|with you|please))*|report(?: it| this| something)?|"
    r"(?:i|we) (?:have|ve got|got|have got) something (?:to report|to tell you)"
)
_CHANGE_VERBS = r"change|edit|fix|correct|amend|update|redo|modify|alter"
_CHANGE = re.compile(
    rf"^(?:go back and )?(?:{_CHANGE_VERBS})(?: (?:the|my|that|an|a|one|some|what i said about|the bit about))?"
    r"(?: (?P<rest>.+))?$"
)
# "change of clothes", "correct time was 3pm": a preposition first or a number is not a field's name.
_NOT_A_FIELD_PHRASE = re.compile(r"^(?:of|in|to|at|from|into|with|by|for|on|and)\b|\d")
_CHANGE_ANY = _whole(
    r"something|answers?|an answer|my answers?|an answer i gave|something i said|it|that|the report|a detail|details?|"
    r"one of (?:the|my) answers|one thing|what i said|some details"
)
_WRONG_FIELD = re.compile(
    r"^(?:the |my |that |your )?(?P<field>[a-z ]{2,30}?) (?:is|was|are|were) (?:wrong|incorrect|not right)$"
    r"|^wrong (?P<field2>[a-z ]{2,30})$|^i (?:got|put|gave|typed|entered|said) the wrong (?P<field3>[a-z ]{2,30})$"
)
# "actually the place was chesham place", "sorry, the time should be 2pm": a correction of an
# answer, named by what the form calls it (not "the man was…", which describes).
_CORRECTION = re.compile(
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
_SET_TO = re.compile(
    rf"^(?:{_CHANGE_VERBS}|make|set|put|switch) (?:the |my )?(?P<field>{_VALUE_FIELDS})"
    r" (?:to|as|into|so it says|so that it says) (?P<value>.+)$"
)
_LEAD_IN = re.compile(
    r"^(?:actually|sorry|oops|wait|no|correction|i meant|i mean|hang on|hold on|oh|on second thoughts|"
    r"come to think of it|thinking about it|my mistake|my bad)\b\s*"
)
_FIELD_WAS = re.compile(
    rf"^(?:i think )?(?:the |my |that )?(?P<field>{_VALUE_FIELDS})"
    r" (?:was|is|should be|should have been|should say|might have been|may have been|could have been|"
    r"must have been|might be|may be|was actually|is actually|was really|was probably|were) (?P<value>.+)$"
)
_REPLACED = re.compile(r" (?:not|rather than|instead of|and not) .+$")
_NOT_A_VALUE = _whole(r"(?:wrong|incorrect|not right|a mistake|off|different|missing|blank|empty)(?: \w+)?")
_CHANGE_PLAIN = _whole(
    r"go back|i made a mistake|ive made a mistake|i got something wrong|thats (?:wrong|not right)|"
    r"that is (?:wrong|not right)|not quite|can i correct something"
)
_FIELDS = (
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
_SKIP = _whole(
    r"skip(?: (?:it|this|that|this one|that one|this question|the question|for now))*|pass|next(?: question)?|"
    r"move on|n ?a|none|nothing(?: (?:to add|else|really|more))?|no idea|not sure|unsure|dunno|idk|no clue|"
    r"not a clue|(?:i )?(?:havent|have not) (?:got )?a clue|(?:i )?(?:really )?(?:dont|do not) know|"
    r"(?:i )?(?:cant|cannot|can not|couldnt) (?:remember|recall|say|tell)|i (?:didnt|did not) notice|"
    r"(?:i )?(?:didnt|did not) (?:see|notice|catch|get)(?: (?:one|any|it|them|that|him|her|the reg|the plate|"
    r"a vehicle|a car|anything|anyone|much))?|not that i (?:saw|noticed|know(?: of)?)|"
    r"(?:id |i would )?(?:rather|prefer) not(?: to)?(?: (?:say|answer))?|not applicable|unknown|"
    r"leave it(?: blank)?|blank|no (?:vehicle|car|van|plates?|bike|reg|motor)(?: (?:seen|visible|that i saw))?|"
    r"there (?:was|were) no (?:vehicles?|cars?|vans?)|there (?:wasnt|was not) (?:a|any) (?:vehicle|car|van)|"
    r"(?:they were |he was |she was )?(?:on foot|walking)|no|nope|nah|no one|nobody|none seen|cant say"
)
# "no idea where they went", "dunno who he was": a don't-know phrase with a short wh- tail.
_SKIP_WITH_TAIL = re.compile(
    r"^(?:no idea|not sure|dunno|idk|(?:i )?(?:dont|do not) know|(?:i )?(?:didnt|did not) see|no clue)"
    r" (?:where|who|which|what|when|how)(?: \w+){0,3}$"
)

_YES = _whole(
    r"y|yes|yess+|yeah|yea|yep|yup|ya|yh|aye|sure|ok|okay|k|fine|correct|right|absolutely|definitely|of course|"
    r"ofc|go ahead|go on|please do|do|yes please|please|that is fine|thats fine|thats ok|fine by me|why not|"
    r"certainly|affirmative|i do|yes i do|i think so|probably|sure thing|go for it"
)
_NO = _whole(
    r"n|no|nope|nah|na|no thanks|no thank you|not really|negative|never|i dont|no i dont|"
    r"(?:id |i would )?rather not|no way"
)
_YES_OPENING = re.compile(r"^(?:yes|yeah|yep|yup|sure|ok|okay|aye|ya)\b")
_NO_OPENING = re.compile(r"^(?:no|nope|nah)\b(?! (?:idea|clue|one|problem|worries|doubt)\b)")
_CONTACT_VERB = (
    r"(?:contact|call|ring|phone|text|email|e mail|message|reach|get in touch with|get hold of)(?:ed)?"
)
# A negation up to two words before "contact me": "don't contact me", "would rather you didn't contact me".
_NEGATED_CONTACT = re.compile(
    rf"\b(?:dont|do not|didnt|did not|never|not|wouldnt|would not|wont|will not|no need to|rather not|"
    rf"prefer not)\b(?: (?!me\b)\w+){{0,2}}? {_CONTACT_VERB}\b"
)
_CONSENT_YES = re.compile(
    rf"\b(?:(?:you |officers |they |police |someone )?(?:can|may|could) {_CONTACT_VERB} me|{_CONTACT_VERB} me|"
    r"happy to be contacted|happy for (?:you|them|officers) to|im happy to talk)\b"
)
_CONSENT_NO = re.compile(
    r"\b(?:anon|anonymous|anonymously|(?:dont|do not) want to be contacted|no contact|"
    r"(?:dont|do not) want to give (?:my )?(?:details|number|name)|leave me out of (?:it|this)|"
    r"keep my (?:details|name) (?:private|out of it)|no details|(?:rather|prefer) (?:you )?(?:didnt|did not|not)|"
    r"id rather not|(?:not|dont|do not|wouldnt|would not|never)(?: \w+){0,2}? (?:to )?be contacted)\b"
)
_ONGOING_YES = re.compile(
    r"\b(?:(?:hes|shes|theyre|its|he is|she is|they are|it is|there are|theres) still|still (?:there|here|"
    r"happening|going on|around|outside|ongoing)|happening now|right now|as we speak)\b"
)
_ONGOING_NO = re.compile(
    r"\b(?:(?:theyve|hes|shes|theyre|he has|she has|they have|they|he|she|it) (?:gone|left|went away|stopped)|"
    r"(?:not|no longer) (?:happening|there)|not (?:any ?more|now)|no longer|(?:its|it is|it was) (?:over|finished|"
    r"done)|(?:no one|nobody|noone)(?: is|s)? in danger|all (?:calm|clear|fine|ok|quiet)|gone now|over now)\b"
)
_UNSURE = _whole(
    r"not sure|unsure|(?:i )?(?:dont|do not) know|dunno|idk|no idea|maybe|possibly|perhaps|(?:i )?(?:cant|cannot) "
    r"(?:tell|say)|might be|could be|not certain|hard to say"
)
_SEND = (
    r"(?:send|submit|file|lodge)(?: it| this| that| (?:the |my |this |that )?report)?(?: (?:now|off|in|through|"
    r"over|as it is|as is|to (?:the )?(?:officers|police)))*|(?:go ahead and |you can |please )(?:send|submit)(?: it)?"
)
_CONFIRM_PHRASE = (
    rf"{_SEND}|(?:thats|that is|its|it is|all) "
    r"(?:right|correct|fine|good|ok|okay|accurate)|looks (?:good|right|fine|ok|correct)|all good|perfect|done|great|"
    r"lgtm|yes|yeah|yep|yup|ok|okay|please|thanks|thank you|go ahead|fine|good|cool|lovely|brilliant|correct|right|"
    r"sounds (?:good|right|fine)|spot on|all correct|that will do|thatll do"
)
# "looks good, send it", "yes please send": one or more confirming phrases and nothing else.
_CONFIRM_YES = _whole(rf"(?:{_CONFIRM_PHRASE})(?: (?:{_CONFIRM_PHRASE}))*")
_CATEGORY_NAMES = {
    "surveillance": r"surveillance|filming|photographing|photography|photos|pictures|taking photos|recording|"
    r"watching|filming or photographing|filming photographing or watching|hostile reconnaissance",
    "eliciting_information": r"asking unusual questions|asking questions|unusual questions|questions|"
    r"eliciting information|asking about security",
    "testing_security": r"testing security|testing|testing the security|probing",
    "unattended_item": r"unattended item|unattended bag|unattended package|abandoned item|suspicious item|bag|package",
    "acquiring_materials": r"buying or collecting materials|buying materials|collecting materials|materials|buying",
    "expressed_threat": r"threats?|threatening|expressed threat|threatening behaviour",
    "other": r"something else|other|none of (?:those|these|them|the above)|neither|not sure|unsure|(?:i )?(?:dont|do not)"
    r" know|dunno|idk|no idea|cant say|hard to say|none|not really sure|none really|different|something different",
}
_CATEGORY_WORDS = {
    "surveillance": r"film|photo|pictures?|video|record|camera|watch|observ|sketch|\bnotes?\b|drone|surveil|loiter|"
    r"hanging around|lurk|binocular|timing|counting|measur",
    "eliciting_information": r"ask(ed|ing)? (about|how|what|when|where|questions?|the|our|staff)|question(ed|s|ing)|"
    r"enquir|inquir|shift|rota|how many guards",
    "testing_security": r"\btest|tried (the )?(door|gate)|tailgat|restricted|barrier|probing|try(ing)? to get in|"
    r"pushed the gate|checking the (door|lock|gate)|trying the doors?",
    "unattended_item": r"unattended|abandoned|left (a |the |behind)|\bbag\b|package|parcel|suitcase|rucksack|backpack",
    "acquiring_materials": r"\bbuy(ing)?\b|bought|purchas|fertili[sz]er|chemical|gas canister|uniform|stockpil|"
    r"collect(ing)? materials",
    "expressed_threat": r"threat|threaten|going to (kill|hurt|blow)|said he would|extremis|radical",
}
# After a 999 answer: the person's own situation or the call, not an answer ("we're locked inside
# now", "ok I've called them, they're on the way"). Each clause must be one of these or a filler.
_STATUS_CLAUSE = _whole(
    r"(?:(?:i|we|my (?:colleague|friend|manager|boss)|someone|somebody|security)(?:ve| have| has|s)?"
    r"(?: just| already| now)? (?:called|rung|rang|phoned|dialled|dialed|contacted|told|rung up|called up|"
    r"reported it to)(?: (?:them|it|it in|999|the police|police|emergency services|the emergency services|"
    r"security|the hotline))?(?: (?:already|now|just now))?)"
    r"|(?:theyre|they are|theyve|they have|police (?:are|have|is)|the police (?:are|have|is)|officers (?:are|have)|"
    r"help is|cops are|an ambulance is|security (?:are|is|have))(?: (?:already|now|just|all))?"
    r" (?:on (?:the|their) way|coming|here|arrived|outside|nearby|en route|turned up|here now|dealing with it)"
    r"(?: now)?|"
    r"(?:im|i am|were|we are|everyone is|everyones|all of us are|were all|we are all)(?: (?:all|now|still))?"
    r" (?:safe|ok|okay|fine|alright|inside|indoors|locked in|locked inside|hiding|in a safe place|out|outside|"
    r"away|evacuated|being evacuated|sheltering|staying put|in lockdown|on lockdown|locked down|to stay put|"
    r"to stay inside|to wait|waiting|getting out|leaving|on the phone to them|on the phone with them)"
    r"(?: (?:in|at|of|behind|under|inside|upstairs in|downstairs in|out of|away from|outside) (?:the|a|an|our|my)"
    r" \w+(?: \w+)?)?"
    r"(?: (?:now|inside|in here|in the building|for now))?"
    r"|(?:the )?(?:police|officers|cops|they|help|an ambulance|security|the ambulance)(?: have| has)?"
    r"(?: (?:just|already|now))? (?:got here|arrived|turned up|came|showed up|got to us|reached us)"
    r"(?: (?:a (?:minute|moment|few minutes|second|couple of minutes) ago|just now|now|already))?"
    r"|(?:weve|we have|ive|i have|theyve|they have)(?: (?:just|now|all))? (?:locked|barricaded|shut)"
    r" (?:ourselves|myself|themselves|the doors?)(?: (?:in|inside|into|in here|away))?"
    r"(?: (?:the|a|an|our|my) \w+(?: \w+)?)?(?: (?:now|in here|for now))?"
    r"|(?:weve|we have|ive|i have|everyones|everyone has)(?: all)? been (?:evacuated|moved|taken)(?: \w+)?"
    r"|(?:on (?:the|their) way|done|called|they know|(?:they|police) said to wait|waiting for (?:them|the police))"
)
# "they said officers are on the way", "the operator told us to stay put": what they were told.
_TOLD = re.compile(
    r"^(?:they|the police|police|the operator|the call handler|999|the lady|the man|security)"
    r" (?:said|say|says|told (?:us|me)|have told (?:us|me))(?: that)? "
)
_TOLD_TO = _whole(r"to (?:stay|wait|keep|get|leave|lock|hide|go)(?: \w+){0,4}")
_STATUS_FILLER = _whole(r"ok|okay|yes|yeah|right|done|thanks|thank you|alright|fine|cheers")
_STATUS_SPLIT = re.compile(r"[,;.!]+|\s(?:and|but|so|now)\s")
_QUESTION_START = re.compile(
    r"^(?:what|whats|wat|how|hows|who|whos|why|which|where|wheres|when|is|are|am|do|does|did|can|could|should|"
    r"would|will|may|might|must|shall|have|has|any|anyone|r u|are u)\b"
)


def normalise(text: str | None) -> str:
    """Lower case, no apostrophes, punctuation as spaces, single spaces ("Don't!" -> "dont")."""
    lowered = (text or "").lower().replace("’", "'").replace("‘", "'").replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9@+ ]+", " ", lowered).split())


def core(text: str | None) -> str:
    """The normalised message without leading or trailing fillers ("ok sorry, skip please" -> "skip")."""
    value = normalise(text)
    previous = None
    while value != previous:
        previous = value
        value = _TRAILING_FILLER.sub("", _LEADING_FILLER.sub("", value)).strip()
    return value


def _command_core(text: str | None) -> str:
    value = core(text)
    previous = None
    while value != previous:
        previous = value
        value = core(_COMMAND_PREFIX.sub("", value))
    return value


def is_payload(text: str | None) -> bool:
    """A button's `/intent{...}` payload (the front ends send these): never a typed answer."""
    return bool(text) and str(text).lstrip().startswith("/")


def is_cancel(text: str | None) -> bool:
    """The whole message asks to stop the report ("cancel", "stop the report", "forget it")."""
    command = _command_core(text)
    if not command:
        return False
    first_clause = _command_core(_CLAUSE_END.split((text or "").lower().replace("’", "'"), maxsplit=1)[0])
    return bool(
        _CANCEL.match(command) or _CANCEL_OPENING.match(command) or _CANCEL_CLAUSE.match(first_clause)
    )


def is_help(text: str | None) -> bool:
    """The whole message asks what to do ("help", "what do you mean?")."""
    return bool(_HELP.match(core(text)))


def field_named(text: str | None) -> str | None:
    """The report slot a short phrase names ("the place" -> report_location), if any."""
    words = normalise(text)
    for slot, pattern in _FIELDS:
        if re.search(pattern, words):
            return slot
    return None


def change_request(text: str | None) -> str | None:
    """'' for "I want to change something", the slot for "change the place"; None when not a change."""
    command = _command_core(text)
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
    words = ["['’]?".join(re.escape(char) for char in word) for word in value.split()]
    found = re.search(r"[^a-z0-9@+]+".join(words), text, re.IGNORECASE) if words else None
    return found.group(0) if found else value


def correction(text: str | None, at_summary: bool = False) -> tuple[str, str] | None:
    """(slot, new value) for a change that gives its value ("change the time to about 4pm"), else None."""
    raw = (text or "").strip()
    if not raw or is_payload(raw):
        return None
    found = _SET_TO.match(_command_core(raw))
    if not found:
        words, previous, lead_in = normalise(raw), None, False
        while words != previous:
            previous = words
            stripped = _LEAD_IN.sub("", words)
            lead_in = lead_in or stripped != words
            words = _LEADING_FILLER.sub("", stripped).strip()
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


def is_skip(text: str | None) -> bool:
    """The whole message says "skip" or "I don't know" ("no idea where they went" too)."""
    value = core(text)
    return bool(_SKIP.match(value) or _SKIP_WITH_TAIL.match(value))


def yes_no(text: str | None, slot: str = "") -> str | None:
    """'yes', 'no', 'not sure' (the danger question only) or None, for a natural answer."""
    value = core(text) or normalise(text)
    if not value:
        return None
    if slot == "report_contact_consent":
        said_no = bool(_CONSENT_NO.search(value) or _NEGATED_CONTACT.search(value))
        said_yes = bool(_CONSENT_YES.search(_NEGATED_CONTACT.sub(" ", value)))
        if said_no != said_yes:
            return "no" if said_no else "yes"
        if said_no:
            return None
    if slot == "report_ongoing":
        said_no, said_yes = bool(_ONGOING_NO.search(value)), bool(_ONGOING_YES.search(value))
        if said_no != said_yes:
            return "no" if said_no else "yes"
        if _UNSURE.match(value):
            return "not sure"
    whole = normalise(text)
    if _NO.match(value) or _NO.match(whole):
        return "no"
    if _YES.match(value) or _YES.match(whole):
        return "yes"
    if _NO_OPENING.match(value):
        return "no"
    if _YES_OPENING.match(value):
        return "yes"
    return None


def sends(text: str | None) -> bool:
    """The whole message asks to send the report ("send report", "yes submit it"), not just "yes"."""
    value = core(text)
    return bool(_CONFIRM_YES.match(value)) and bool(re.search(r"\b(?:send|submit|file|lodge)\b", value))


def confirms(text: str | None) -> bool:
    """At the summary: "send it", "looks good", "yes" and the like."""
    value = core(text)
    return bool(_CONFIRM_YES.match(value)) or (yes_no(text) == "yes")


def category(text: str | None) -> str | None:
    """The behaviour category an answer names or describes; "not sure" / "none of those" -> other."""
    value = core(text)
    if not value:
        return None
    if value in CATEGORIES:
        return value
    if value.isdigit() and 1 <= int(value) <= len(CATEGORIES):
        return CATEGORIES[int(value) - 1]
    for key, names in _CATEGORY_NAMES.items():
        if re.match(rf"^(?:{names})$", value):
            return key
    return infer_category(value)


def infer_category(text: str | None) -> str | None:
    """The category a description points to, when exactly one does."""
    value = normalise(text)
    hits = [key for key, words in _CATEGORY_WORDS.items() if re.search(words, value)]
    return hits[0] if len(hits) == 1 else None


def is_status_update(text: str | None) -> bool:
    """The whole message tells how the person is or that 999 was called, and nothing else."""
    raw = (text or "").lower().replace("’", "'")
    clauses = [normalise(part) for part in _STATUS_SPLIT.split(raw)]
    clauses = [clause for clause in clauses if clause]

    def stated(clause: str) -> bool:
        told = _TOLD.sub("", clause)
        if told != clause and _TOLD_TO.match(told):
            return True
        return bool(_STATUS_CLAUSE.match(told) or _STATUS_CLAUSE.match(core(told)))

    return any(stated(c) for c in clauses) and all(stated(c) or _STATUS_FILLER.match(c) for c in clauses)


def is_question(text: str | None) -> bool:
    """Question form: ends with '?' or opens like one ("how do I…", "is it…", "what's…")."""
    raw = (text or "").strip()
    value = core(raw)
    return raw.endswith("?") or (bool(_QUESTION_START.match(value)) and len(value.split()) >= 2)


def asks_the_assistant(text: str | None, intent: str | None, confidence: float) -> bool:
    """A question to the assistant: question form AND classified as one with high confidence."""
    return intent in QUESTION_INTENTS and confidence >= QUESTION_CONFIDENCE and is_question(text)


def form_intent(
    text: str | None,
    requested_slot: str | None,
    intent: str | None,
    confidence: float,
    after_999: bool = False,
) -> str | None:
    """The intent a message has while the report form asks `requested_slot`; None keeps the classifier's.

    Commands (cancel, change a field, help) and questions to the assistant are obeyed;
    everything else is the answer: `inform`, or `skip` / `affirm` / `deny` when the grammar
    reads one. Right after a 999 answer (`after_999`), news of the person's safety or of the call
    is `status_update`, not an answer. Emergencies are not decided here: DangerGate runs after
    this and overrides.
    """
    if requested_slot not in FORM_SLOTS or not text or is_payload(text):
        return None
    if is_cancel(text):
        return "cancel"
    if after_999 and (
        is_status_update(text) or (intent == STATUS_INTENT and confidence >= STATUS_CONFIDENCE)
    ):
        return STATUS_INTENT
    if requested_slot == "report_contact" and find_contact(text):
        return "inform"
    if change_request(text) is not None or correction(text, requested_slot == "report_confirm"):
        return "change_field"
    if is_help(text):
        return "help"
    if requested_slot in YES_NO_SLOTS:
        answer = yes_no(text, requested_slot)
        if answer in ("yes", "no"):
            return "affirm" if answer == "yes" else "deny"
        if answer is not None:
            return "inform"
    if requested_slot == "report_confirm":
        # At the summary, naming an answer means changing it ("actually the time was more like 2").
        if confirms(text):
            return "affirm"
        if field_named(text) or yes_no(text) == "no":
            return "change_field"
        if yes_no(text) == "yes":
            return "affirm"
    if asks_the_assistant(text, intent, confidence):
        return None
    if requested_slot in FREE_TEXT_SLOTS or requested_slot == "report_contact":
        declined = requested_slot == "report_contact" and yes_no(text, "report_contact_consent") == "no"
        return "skip" if is_skip(text) or declined else "inform"
    return "inform"
