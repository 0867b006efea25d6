"""`servator validate`: the responses Rasa's validator may not call unused, and nothing more."""

from __future__ import annotations

from types import SimpleNamespace

from servator.rasa_runtime.validate import form_questions, responses_named_in_code, used_outside_stories


def test_responses_named_in_python_are_found_by_their_quoted_names(tmp_path):
    (tmp_path / "actions").mkdir()
    (tmp_path / "actions" / "send.py").write_text(
        "dispatcher.utter_message(response=\"utter_thanks\")\nNAME = 'utter_ask_again'\n# utter_in_a_comment\n"
    )
    assert responses_named_in_code(tmp_path) == {"utter_thanks", "utter_ask_again"}


def test_the_real_actions_name_their_responses():
    assert "utter_service_unavailable" in responses_named_in_code()


def test_a_form_asks_for_each_slot_it_requires_by_either_name():
    domain = SimpleNamespace(forms={"report_form": {"required_slots": ["report_where"]}})
    assert form_questions(domain) == {"utter_ask_report_where", "utter_ask_report_form_report_where"}


def test_a_response_a_story_names_stays_rasa_s_to_check():
    from rasa.shared.core.events import ActionExecuted

    domain = SimpleNamespace(forms={"report_form": {"required_slots": ["report_where", "report_when"]}})
    story = SimpleNamespace(events=[ActionExecuted("utter_ask_report_when")])
    validator = SimpleNamespace(domain=domain, story_graph=SimpleNamespace(story_steps=[story]))
    exempt = used_outside_stories(validator)
    assert "utter_ask_report_where" in exempt and "utter_ask_report_when" not in exempt
