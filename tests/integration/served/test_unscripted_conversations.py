"""Served: whole conversations over the REST channel, with messages nobody wrote the code for.

Each checks something a person relies on: a danger inside the form gets 999, a category named in a
sentence and a polite refusal of contact are understood, and the answers about the service are true.
"""

from __future__ import annotations

import pytest

from tests.support.served import ServedConversation, asks, reference_in, stored_report

pytestmark = pytest.mark.rasa


def test_an_embassy_report_told_in_everyday_words_is_stored_as_said(stack):
    conversation = ServedConversation(stack)
    first = conversation.say(
        "hi, quick one - my flatmate says armed police were hanging round the consulate yesterday, "
        "is that normal?"
    )
    assert "armed and unarmed protection" in first.first_text, first.texts
    description = (
        "I also want to tell you about a bloke who was pacing out the distance between the bollards "
        "outside the Saudi embassy"
    )
    # The place it names is kept: the form asks only for what is missing.
    assert asks("report_when", conversation.say(description).last_text)
    assert conversation.slot("report_location") == "the Saudi embassy"
    assert asks("report_ongoing", conversation.say("about twenty minutes ago").last_text)
    assert asks("report_people", conversation.say("no he left").last_text)
    assert asks("report_vehicle", conversation.say("tall, grey hoodie, had a notebook").last_text)
    assert asks("report_direction", conversation.say("no car I saw").last_text)
    # Pacing out distances says what kind of behaviour it was: the category is not asked.
    turn = conversation.say("he went towards Hyde Park")
    assert asks("report_contact_consent", turn.last_text), turn.texts
    # A polite refusal of contact is a no: no number asked for.
    turn = conversation.say("I'd prefer you didn't have my details")
    assert asks("report_confirm", turn.last_text), turn.texts
    done = conversation.say("yep that's all correct, send it")
    reference = reference_in("\n".join(done.texts))
    assert reference, done.texts
    stored = stored_report(stack.database_url, reference)
    assert stored is not None
    assert stored["description"] == description
    assert stored["category"] == "surveillance"
    assert not stored["contact_consent"] and not stored["contact_phone"] and not stored["contact_email"]
    assert "hyde park" in (stored["direction"] or "").lower()
    # "no car I saw" says there was none: kept as said (not "not given"), with no registration read from it.
    assert stored["vehicle_text"] == "no car I saw" and stored["vehicle_registration"] is None


@pytest.mark.parametrize(
    "news",
    [
        "oh god someone just threw something over the wall and it's smoking",
        "somebody lobbed an object into the embassy garden and now it's hissing",
    ],
)
def test_a_thrown_object_that_smokes_gets_999_first_inside_the_form(stack, news):
    conversation = ServedConversation(stack)
    conversation.say("I want to report a drone that kept hovering over the embassy compound")
    assert asks(
        "report_when", conversation.say("over the back garden of the US embassy in Nine Elms").last_text
    )
    turn = conversation.say(news)
    assert "999" in turn.first_text, turn.texts
    assert conversation.slot("report_when") in (None, ""), "the news was stored as the time"


def test_a_two_part_cancel_at_any_question_cancels_and_keeps_nothing(stack):
    """A cancel said in two parts at "When did you see it?" cancels: it is never stored as the time."""
    conversation = ServedConversation(stack)
    conversation.say("someone has been asking the security guards at our embassy about their shift times")
    assert asks("report_when", conversation.say("Belgrave Square").last_text)
    turn = conversation.say("actually forget it, I don't want to do this")
    assert "cancelled the report" in turn.first_text, turn.texts
    assert turn.forgotten, "the cancelled answers were kept in the conversation store"


def test_a_question_the_article_does_not_answer_gets_no_made_up_answer(stack):
    """ "is it ok to film them?" must not get "Yes, please do." (the talk-to-officers answer)."""
    turn = ServedConversation(stack).say("is it ok to film them?")
    assert "please do" not in turn.first_text.lower(), turn.texts
    assert "can't help with that" in turn.first_text, turn.texts


def test_embassy_staff_asking_for_a_briefing_are_sent_to_their_liaison_officer(stack):
    """The answer names who to ask, not "Yes, please do."."""
    turn = ServedConversation(stack).say(
        "we are the security team at the embassy of Brazil. can servator officers come and brief our staff?"
    )
    assert "embassy liaison officer" in turn.first_text, turn.texts


def test_yesterday_and_a_bare_hour_is_that_hour_in_the_summary(stack):
    """ "yesterday 4" is yesterday at 16:00, not yesterday's midday."""
    conversation = ServedConversation(stack)
    conversation.say("a man took photos of our gate")
    assert asks("report_when", conversation.say("Cromwell Road by the Natural History Museum").last_text)
    assert asks("report_ongoing", conversation.say("yesterday 4").last_text)
    when = (conversation.slot("report_details") or {}).get("when_iso") or ""
    assert "T16:00:00" in when, conversation.slot("report_details")


def test_a_drone_over_an_embassy_now_starts_a_report(stack):
    """Not "Sorry, I didn't understand that."."""
    turn = ServedConversation(stack).say("there's a drone over the embassy right now")
    assert asks("report_location", turn.last_text), turn.texts


def test_a_place_given_as_the_time_is_asked_again_and_a_correction_is_acknowledged(stack):
    """ "Mount Street" is not a time: asked again; "sorry, I meant the place was South Audley Street"
    changes the place and says so."""
    conversation = ServedConversation(stack)
    opening = conversation.say("I need to report a man who was photographing the guards at the Saudi embassy")
    assert asks("report_when", opening.last_text), opening.texts  # the place was in the opening
    turn = conversation.say("Mount Street")
    assert "place rather than a time" in turn.first_text and asks("report_when", turn.last_text), turn.texts
    assert asks("report_ongoing", conversation.say("30 mins ago").last_text)
    turn = conversation.say("sorry, I meant the place was South Audley Street")
    assert turn.first_text == "Thanks, I've changed that. Where: South Audley Street", turn.texts
    assert asks("report_ongoing", turn.last_text), turn.texts
    assert conversation.slot("report_location") == "South Audley Street"
    assert conversation.slot("report_when") == "30 mins ago"


@pytest.mark.parametrize("ask", ["delete my data", "can you forget me?"])
def test_asking_in_words_to_delete_the_chat_says_how(stack, ask):
    """ "delete my data" in words gets how to delete the chat, not "Sorry, I didn't understand that."."""
    turn = ServedConversation(stack).say(ask)
    assert "/forget" in turn.first_text and "didn't understand" not in turn.first_text, turn.texts


def test_a_worry_that_someone_is_planning_something_starts_a_report(stack):
    """Not "Sorry, I didn't understand that."."""
    turn = ServedConversation(stack).say("i think someone is planning something at the israeli embassy")
    assert asks("report_description", turn.last_text), turn.texts


def test_a_bag_left_by_someone_who_walked_off_and_still_there_gets_999_first(stack):
    """As the first message: 999 comes before the report starts."""
    turn = ServedConversation(stack).say(
        "I saw a man leave a bag by the bins outside the embassy and walk off quickly, it's still there"
    )
    assert "999" in turn.first_text, turn.texts


def test_a_description_full_of_place_names_starts_a_report(stack):
    """As the first message: a report starts, not the help menu."""
    turn = ServedConversation(stack).say(
        "a man at a café on Baker Street kept photographing the police station opposite"
    )
    assert asks("report_location", turn.last_text) or asks("report_when", turn.last_text), turn.texts


def test_something_added_at_the_summary_joins_the_description(stack):
    """At the summary: an addition joins the description, not "Sorry, I didn't catch that."."""
    conversation = ServedConversation(stack)
    conversation.say("report")
    conversation.say("someone tried the side door handle of the consulate twice last night")
    for answer in ("Portland Place", "last night around 11", "no", "hoodie, maybe 18", "nothing", "dunno"):
        conversation.say(answer)
    conversation.say("testing")
    assert asks("report_confirm", conversation.say("no").last_text)
    turn = conversation.say("wait, before I send, can I add that he had a backpack?")
    assert (
        "What happened: someone tried the side door handle of the consulate twice last night. he had a backpack"
        in (turn.first_text)
    ), turn.texts
    done = conversation.say("send")
    stored = stored_report(stack.database_url, reference_in("\n".join(done.texts)) or "")
    assert stored is not None and stored["description"].endswith("he had a backpack"), done.texts


@pytest.mark.parametrize(
    "ask,expected",
    [
        ("how do I become a servator officer", "can't help with that"),
        ("do you work for MI5", "automated assistant"),
        ("is this chat recorded", "delete our chat"),
    ],
)
def test_questions_about_the_service_get_a_true_answer(stack, ask, expected):
    """Each gets its own true answer: not the uniform answer, the help menu or "nobody is watching"
    (which does not say whether the chat is kept)."""
    turn = ServedConversation(stack).say(ask)
    assert expected in turn.first_text, turn.texts
