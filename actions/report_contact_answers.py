"""The report form's contact questions: whether officers may contact the person, and how.

Contact details are never dropped unasked: after two unreadable answers the person is asked again
whether they want to be contacted, with the reason.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import form_turn as turn
from actions import report_fields as fields
from actions.report_details import SLOT, read_details, retries_of
from actions.report_retry import SlotUpdate, retry
from reading.contacts import find_contact
from reading.form import grammar


class ContactAnswers:
    """validate_report_contact_consent and validate_report_contact, for validate_report_form."""

    def validate_report_contact_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Explicit yes to be contacted (a number given here counts); "skip" means anonymous, as does
        unclear twice, said so (the summary shows it before anything is sent)."""
        text, (intent, _) = turn.text(value), turn.latest(tracker)
        contact = find_contact(text) if not grammar.is_payload(text) else None
        answer = {"affirm": "yes", "deny": "no"}.get(intent or "") or grammar.yes_no(
            text, "report_contact_consent"
        )
        if contact and answer != "no":
            return {"report_contact_consent": "yes", **self._contact(contact, tracker)}
        if answer is None and not grammar.is_payload(text) and turn.skipped(text, intent):
            answer = "no"
        if answer not in ("yes", "no"):
            again = retry(tracker, "report_contact_consent", dispatcher, "utter_invalid_yes_no")
            if again is not None:
                return again
            dispatcher.utter_message(response="utter_contact_consent_taken_as_no")
            answer = "no"
        return {"report_contact_consent": answer}

    @staticmethod
    def _contact(contact: Any, tracker: Tracker) -> SlotUpdate:
        details = read_details(tracker)
        details["contact_phone"], details["contact_email"] = contact.phone, contact.email
        return {"report_contact": contact.display(), SLOT: details}

    def validate_report_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """A phone number (UK or international) or e-mail, with or without a name; "skip" and the report
        goes without; two unreadable answers and the consent question is asked again, with the reason."""
        text, (intent, _) = turn.text(value), turn.latest(tracker)
        if intent in ("skip", "deny") or grammar.is_skip(text):
            return {"report_contact": fields.NOT_GIVEN, "report_contact_consent": "no"}
        contact = find_contact(text) if not grammar.is_payload(text) else None
        if not contact:
            again = retry(tracker, "report_contact", dispatcher, "utter_invalid_contact")
            if again is not None:
                return again
            # Never anonymous unasked: say why, and ask again whether they want to be contacted.
            dispatcher.utter_message(response="utter_contact_unreadable")
            details = read_details(tracker)
            retries = retries_of(details)
            for slot in ("report_contact", "report_contact_consent"):
                retries.pop(slot, None)
            details["retries"] = retries
            return {"report_contact": None, "report_contact_consent": None, SLOT: details}
        return self._contact(contact, tracker)
