"""Whole-message grammars for the report form's answers: commands, skips, yes/no, categories, fields.

One place decides what a message means while the report form waits for an answer: the NLU
component `FormAnswerGate` (nlu/form_gate.py) picks the intent with `form_intent`, and the
form's validation (actions/report_validation.py) reads the values with the same functions.

Every grammar matches the WHOLE message, once fillers ("sorry", "please", "ok", "actually")
are set aside: "stop the report" is a command, "a man stopped, took photos of the gate" is a
description; "no idea" is a skip, "no idea who he was, he was recording the guards" is an answer.
This module is the public face (actions and the NLU component import only it); the grammars live in
reading/form/text.py (normalising, fillers, question form), reading/form/corrections.py (changing an answer),
reading/form/values.py (skips, yes/no, confirming, categories) and reading/form/status.py (news after 999).
Deterministic, no I/O: unit-tested in tests/unit/reading/form/ (one test module per grammar module).
"""

from __future__ import annotations

from reading import regex
from reading.contacts import find_contact
from reading.form.corrections import addition, change_request, correction, field_named
from reading.form.status import is_status_update
from reading.form.text import CLAUSE_END, command_core, core, is_payload, is_question, normalise, whole
from reading.form.values import (
    CATEGORIES,
    bare_no_vehicle,
    category,
    confirms,
    infer_category,
    is_skip,
    no_vehicle,
    sends,
    stays_anonymous,
    yes_no,
)
from reading.intents import STATUS_INTENT

# The public face: actions, the NLU component and the tests use these through this module.
__all__ = [
    "CATEGORIES",
    "addition",
    "FORM_SLOTS",
    "FREE_TEXT_SLOTS",
    "YES_NO_SLOTS",
    "asks_the_assistant",
    "bare_no_vehicle",
    "category",
    "change_request",
    "confirms",
    "core",
    "correction",
    "field_named",
    "form_intent",
    "infer_category",
    "is_cancel",
    "is_help",
    "is_payload",
    "is_question",
    "is_skip",
    "is_status_update",
    "no_vehicle",
    "normalise",
    "sends",
    "stays_anonymous",
    "yes_no",
]

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
QUESTION_INTENTS = frozenset({"faq", "contact", "help", "bot_challenge", "ask_reference"})
QUESTION_CONFIDENCE = 0.7
# Right after a 999 answer, a message the classifier reads as news of the person's safety with at
# least this confidence is not an answer either (the grammar below reads the plain cases; a wrong
# call costs only the question asked again).
STATUS_CONFIDENCE = 0.6


_CANCEL_PHRASE = (
    r"cancel(?: (?:it|this|that|the report|my report|this report|the whole thing|the whole report|everything|"
    r"all of it|the lot|now|reporting))*"
    r"|stop(?: (?:it|this|that|now|here|the report|this report|my report|reporting|asking me questions|"
    r"asking questions|asking|the questions|all this))*"
    r"|quit(?: (?:it|this|the report|now))?|exit|abort|halt|terminate|end (?:it|this|the report|this report)"
    r"|forget (?:it|this|that|the report|about it|the whole thing|the whole report|everything)"
    r"|never ?mind|nvm|scrap (?:it|that|this|the report|that report|this report|my report|the whole thing|everything)"
    r"|bin it|drop it|(?:its )?not worth it"
    r"|delete (?:it|this|the report|my report|this report)|discard (?:it|this|the report|this report)"
    r"|(?:i |ive |i have )?changed my mind.*"
    r"|(?:i )?(?:dont|do not|no longer) want to (?:report|continue|carry on|do this|go on|send|finish)"
    r"(?: (?:it|this|the report|anymore|any more|now|with it|with this|with the report))*"
    r"|(?:im|i am) done|dont (?:send|submit) (?:it|anything|the report)|(?:i )?give up|get me out of (?:this|here)"
)
# One cancel phrase, or several in a row ("forget it, I don't want to do this", "never mind, stop").
_CANCEL = whole(rf"(?:{_CANCEL_PHRASE})(?: (?:and |so |just |actually |please )?(?:{_CANCEL_PHRASE}))*")
# An explicit report-cancelling opening, whatever follows ("cancel, i made a mistake").
_CANCEL_OPENING = regex.compile(
    r"^(?:cancel|abort)\b|^(?:stop|cancel|end|scrap|delete) (?:the|this|my) report\b"
)
# An unmistakable cancel as the first clause, whatever follows ("scrap the whole thing, the police
# are here"); not bare "stop" or "forget it", which a description may quote.
_CANCEL_CLAUSE = whole(
    r"(?:cancel|scrap|forget|delete|discard|bin|drop) (?:it all|the whole thing|the whole report|the report|"
    r"this report|my report|everything)|cancel (?:it|this)|never ?mind|(?:i |ive |i have )?changed my mind|"
    r"(?:i )?(?:dont|do not|no longer) want to (?:report|continue|send)(?: (?:it|this|anymore|any more))*"
)
_HELP = whole(
    r"help(?: me| please)?|i need help|what can you do|how does this work|what do i do now|what do you mean|"
    r"what should i say|what do you need|i dont understand|"
    # Asking to report while already reporting: the form explains itself and asks again.
    r"(?:(?:i|we) (?:want|wanna|would like|need|d like)|id like|can i|could i|let me|i have|ive got)"
    r"(?: to)? (?:report|make a report|log|flag|tell you about|pass on)(?: (?:it|this|that|something|"
    r"something suspicious|something i saw|a concern|an incident|what i saw))?(?: (?:properly|officially|now|here|"
    r"to you|with you|please))*|report(?: it| this| something)?|"
    r"(?:i|we) (?:have|ve got|got|have got) something (?:to report|to tell you)"
)


def is_cancel(text: str | None) -> bool:
    """The whole message asks to stop the report ("cancel", "stop the report", "forget it")."""
    command = command_core(text)
    if not command:
        return False
    first_clause = command_core(CLAUSE_END.split((text or "").lower().replace("’", "'"), maxsplit=1)[0])
    return bool(
        _CANCEL.match(command) or _CANCEL_OPENING.match(command) or _CANCEL_CLAUSE.match(first_clause)
    )


def is_help(text: str | None) -> bool:
    """The whole message asks what to do ("help", "what do you mean?")."""
    return bool(_HELP.match(core(text)))


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
        if field_named(text) or yes_no(text) == "no" or addition(text):
            return "change_field"
        if yes_no(text) == "yes":
            return "affirm"
    if asks_the_assistant(text, intent, confidence):
        return None
    if requested_slot in FREE_TEXT_SLOTS or requested_slot == "report_contact":
        declined = requested_slot == "report_contact" and yes_no(text, "report_contact_consent") == "no"
        return "skip" if is_skip(text) or declined else "inform"
    return "inform"
