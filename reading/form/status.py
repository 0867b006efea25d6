"""News of the person's safety or of the call after a 999 answer ("we're locked inside now").

Part of the report form's grammars (reading/form/grammar.py is the public face).
"""

from __future__ import annotations

from reading import regex
from reading.form.text import core, normalise, whole

# After a 999 answer: the person's own situation or the call, not an answer ("we're locked inside
# now", "ok I've called them, they're on the way"). Each clause must be one of these or a filler.
_STATUS_CLAUSE = whole(
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
_TOLD = regex.compile(
    r"^(?:they|the police|police|the operator|the call handler|999|the lady|the man|security)"
    r" (?:said|say|says|told (?:us|me)|have told (?:us|me))(?: that)? "
)
_TOLD_TO = whole(r"to (?:stay|wait|keep|get|leave|lock|hide|go)(?: \w+){0,4}")
_STATUS_FILLER = whole(r"ok|okay|yes|yeah|right|done|thanks|thank you|alright|fine|cheers")
_STATUS_SPLIT = regex.compile(r"[,;.!]+|\s(?:and|but|so|now)\s")


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
