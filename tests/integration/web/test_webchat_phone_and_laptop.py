"""The web chat as a person uses it, in Chromium on a phone (390×844) and a laptop (1280×800).

The page never scrolls as a whole (the conversation scrolls inside, the 999 banner and the message
box stay); the message box grows and Enter sends; answered buttons are disabled, and "Send report"
and "Cancel" look different; numbers and web addresses are links and lists are lists; the reference
(and a follow-up code) is its own unbroken block with a Copy button; the conversation survives a
reload until "/forget", and "what was my reference?" is answered. axe-core finds no violation at any
step. Screenshots of the phone chat go to /tmp/webchat-screenshots (docs/ keeps copies).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from reading.references import REFERENCE_PATTERN
from servator.config.contacts import template_values
from tests.support.axe import violations
from tests.support.browser import LAPTOP, PHONE, chromium
from tests.support.chat_page import (
    USER_MESSAGES,
    bot_texts,
    closed_url,
    press,
    say,
    scripted_rasa,
    send,
    served_webchat,
)

pytestmark = pytest.mark.browser

CONTACTS = template_values()
VIEWPORTS = [pytest.param(PHONE, id="phone"), pytest.param(LAPTOP, id="laptop")]
SCREENSHOTS = Path("/tmp/webchat-screenshots")
FOLLOW_UP_CODE = "7K3M-Q9XD-2WJP-H4TB"
REFERENCE = "SRV-20261206-YA6WTR"
# The reply of the follow-up issue's shape: the reference line, then the code on its own line.
WITH_A_CODE = [
    {
        "recipient_id": "x",
        "text": (
            "Thank you. Your report has been saved and passed to officers.\n"
            f"Your reference is {REFERENCE}.\n"
            f"Your follow-up code is {FOLLOW_UP_CODE}.\n"
            "Keep both: officers may ask you a question, and you can check on your report with them."
        ),
    }
]
# A report as a person types it: each answer, then the summary.
REPORT = [
    "I want to report something suspicious",
    "a man was filming the embassy gate and the guards for about twenty minutes",
    "outside the Embassy of France, Knightsbridge",
    "about 20 minutes ago",
    "no",
    "tall man, grey hoodie, about 30",
    "no vehicle, they walked",
    "towards Hyde Park",
]


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def chat_url(stack) -> Iterator[str]:
    with served_webchat(stack.rasa_url) as url:
        yield url


def new_page(browser, viewport: dict[str, int], url: str | None = None):
    phone = viewport == PHONE
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
    if url is not None:
        origin = url.rstrip("/")
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    page = context.new_page()
    page.set_default_timeout(30_000)
    return context, page


def no_violations(page) -> None:
    found = violations(page)
    assert found == [], found


def layout(page) -> dict[str, float]:
    return page.evaluate(
        """() => {
            const box = (id) => document.getElementById(id).getBoundingClientRect();
            const log = document.getElementById("log");
            return {
                document: document.documentElement.scrollHeight, body: document.body.scrollHeight,
                viewport: window.innerHeight, width: document.documentElement.scrollWidth,
                bannerTop: box("emergency-banner").top, composerBottom: box("composer").bottom,
                logHeight: log.clientHeight, logScroll: log.scrollHeight,
                logAtEnd: log.scrollTop + log.clientHeight >= log.scrollHeight - 2,
            };
        }"""
    )


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name))


@pytest.mark.rasa
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_after_12_messages_the_page_is_the_screen_and_the_conversation_scrolls_inside(
    browser, chat_url, viewport
):
    context, page = new_page(browser, viewport)
    try:
        page.goto(chat_url)
        for text in ["hello", "help", "what is project servator", "which number should I call"] * 3:
            say(page, text)
        assert page.locator(USER_MESSAGES).count() == 12
        shape = layout(page)
        assert shape["document"] == shape["viewport"] == shape["body"], shape
        assert shape["width"] <= viewport["width"], "sideways scrolling"
        assert shape["bannerTop"] == 0 and abs(shape["composerBottom"] - shape["viewport"]) <= 1, shape
        assert shape["logScroll"] > shape["logHeight"] and shape["logAtEnd"], (
            "the conversation scrolls inside"
        )
        no_violations(page)
        if viewport == PHONE:
            screenshot(page, "webchat-phone-conversation.png")
            # The keyboard open: the page shrinks to what is left, the 999 line and the box stay.
            page.set_viewport_size({"width": PHONE["width"], "height": 520})
            shape = layout(page)
            assert shape["document"] == 520 and shape["logHeight"] >= 380, shape
            assert page.get_by_role("link", name=CONTACTS["emergency_phone"]).first.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_message_box_grows_to_five_lines_enter_sends_and_shift_enter_adds_a_line(browser, viewport):
    with scripted_rasa([{"text": "Thank you.", "buttons": []}]) as rasa, served_webchat(rasa) as url:
        context, page = new_page(browser, viewport)
        try:
            page.goto(url)
            box = page.get_by_label("Your message")
            assert page.evaluate("() => document.getElementById('message').tagName") == "TEXTAREA"
            one_line = box.bounding_box()["height"]
            line = page.evaluate(
                "() => parseFloat(getComputedStyle(document.getElementById('message')).lineHeight)"
            )
            box.click()
            page.keyboard.type("first line")
            page.keyboard.press("Shift+Enter")
            page.keyboard.type("second line")
            page.keyboard.press("Shift+Enter")
            page.keyboard.type("third line")
            assert page.locator(USER_MESSAGES).count() == 0, "Shift+Enter sent the message"
            assert box.input_value() == "first line\nsecond line\nthird line"
            three_lines = box.bounding_box()["height"]
            assert three_lines == pytest.approx(one_line + 2 * line, abs=2)
            page.keyboard.type(" and a long description that goes on" * 30)
            tallest = box.bounding_box()["height"]
            assert tallest == pytest.approx(one_line + 4 * line, abs=2), "about five lines, then it scrolls"
            assert page.evaluate(
                "() => { const m = document.getElementById('message'); return m.scrollHeight > m.clientHeight; }"
            )
            page.keyboard.press("Enter")
            page.wait_for_selector("#log .message.bot")
            assert (
                page.locator(USER_MESSAGES)
                .last.inner_text()
                .startswith("first line\nsecond line\nthird line")
            )
            assert box.input_value() == "" and box.bounding_box()["height"] == pytest.approx(one_line, abs=1)
            no_violations(page)
        finally:
            context.close()


@pytest.mark.rasa
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_numbers_and_web_addresses_are_links_and_lists_are_lists(browser, chat_url, viewport):
    context, page = new_page(browser, viewport)
    try:
        page.goto(chat_url)
        say(page, "help")
        reply = page.locator("#log .message.bot").last
        assert reply.locator("ul > li").count() == 4, reply.inner_html()
        assert reply.locator("ul > li").first.inner_text().startswith("explain Project Servator")
        assert reply.locator('a[href="tel:999"]').count() == 1
        say(page, "which number should I call")
        reply = page.locator("#log .message.bot").last
        hotline = CONTACTS["hotline_phone"]
        assert reply.get_by_role("link", name=hotline).get_attribute("href") == "tel:" + hotline.replace(
            " ", ""
        )
        web = CONTACTS["hotline_web"]
        assert reply.get_by_role("link", name=web).get_attribute("href") == f"https://{web}"
        assert reply.locator('a[href="tel:999"]').count() >= 1
        # The person's own words are never turned into links or markup.
        say(page, "my number is 999 and my site is gov.uk/ACT")
        assert page.locator("#log .message.user a").count() == 0
        no_violations(page)
    finally:
        context.close()


@pytest.mark.rasa
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_report_keeps_its_reference_through_a_reload_until_forget(browser, chat_url, viewport):
    context, page = new_page(browser, viewport, chat_url)
    try:
        page.goto(chat_url)
        greeting = say(page, "hello")
        assert "Project Servator" in greeting
        press(page, "What is Project Servator?")
        first = page.locator("#log .choices").first
        assert first.locator("button").count() >= 3
        assert all(first.locator("button").evaluate_all("buttons => buttons.map(b => b.disabled)"))
        assert first.locator("button[aria-pressed=true]").inner_text() == "What is Project Servator?"
        sent = page.locator(USER_MESSAGES).count()
        first.locator("button").nth(1).click(force=True)  # an answered button does nothing
        page.wait_for_timeout(500)
        assert page.locator(USER_MESSAGES).count() == sent

        for answer in REPORT:
            say(page, answer)
        # The category was read from the description ("filming"): the contact question comes next.
        summary = press(page, "No, stay anonymous")
        assert "Here is your report" in summary and "Vehicle: no vehicle, they walked" in summary
        assert page.locator("#log .message.bot").last.locator("ul > li").count() == 9
        choices = page.locator("#log .choices").last
        send_button, cancel = choices.locator(".choice.primary"), choices.locator(".choice.cancel")
        assert send_button.inner_text() == "Send report" and cancel.inner_text() == "Cancel"
        looks = choices.locator("button").evaluate_all(
            "bs => bs.map(b => { const s = getComputedStyle(b); return [s.backgroundColor, s.color, s.borderColor].join(); })"
        )
        assert len(set(looks)) == 3, f"send, change and cancel look alike: {looks}"
        no_violations(page)
        if viewport == PHONE:
            screenshot(page, "webchat-phone-summary.png")

        done = say(page, "send it")  # typed: the summary's buttons were answered too
        assert all(choices.locator("button").evaluate_all("buttons => buttons.map(b => b.disabled)"))
        reference = REFERENCE_PATTERN.search(done).group(0)
        block = page.locator("#log .keep").filter(has_text=reference).last  # the follow-up code has its own
        value = block.locator(".keep-value")
        assert value.inner_text() == reference
        assert value.evaluate("v => getComputedStyle(v).whiteSpace") == "nowrap"
        one_line = page.evaluate(
            "() => parseFloat(getComputedStyle(document.querySelector('.keep-value')).lineHeight)"
        )
        assert value.bounding_box()["height"] <= one_line + 1, "the reference is broken across lines"
        block.get_by_role("button", name=f"Copy {reference}").click()
        expect(block.locator(".copied")).to_have_text("Copied")
        expect(block.locator(".copied")).to_be_visible()
        assert page.evaluate("() => navigator.clipboard.readText()") == reference
        no_violations(page)
        if viewport == PHONE:
            screenshot(page, "webchat-phone-reference.png")

        shown = page.locator("#log > *").count()
        page.reload()
        page.wait_for_selector("#log .keep-value")
        assert page.locator("#log > *").count() == shown, "the conversation came back whole"
        assert reference in page.locator("#log .keep-value").all_inner_texts()
        assert all(page.locator("#log .choice").evaluate_all("bs => bs.map(b => b.disabled)"))

        other_tab = context.new_page()
        other_tab.goto(chat_url)
        other_tab.wait_for_selector("#log .intro")
        assert other_tab.locator("#log .message").count() == 0, "another tab starts its own conversation"
        other_tab.close()

        again = say(page, "what was my reference?")
        assert reference in again and "Copy" in again, again
        assert reference in page.locator("#log .keep-value").all_inner_texts()

        send(page, "/forget")
        page.wait_for_function(
            "() => document.querySelectorAll('#log .message.bot .text').length === 1"
            " && !document.getElementById('log').hasAttribute('aria-busy')"
        )
        assert "deleted this conversation" in bot_texts(page)[0]
        assert page.locator("#log .message").count() == 1, "the screen starts afresh"
        page.reload()
        page.wait_for_selector("#log .intro")
        assert page.locator("#log .message").count() == 0, "the tab's copy is gone"
        none = say(page, "what was my reference?")
        assert reference not in none and REFERENCE_PATTERN.search(none) is None, none
        no_violations(page)
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_reference_and_a_follow_up_code_are_each_one_unbroken_block_with_its_own_copy(browser, viewport):
    with scripted_rasa(WITH_A_CODE) as rasa, served_webchat(rasa) as url:
        context, page = new_page(browser, viewport, url)
        try:
            page.goto(url)
            say(page, "send it")
            blocks = page.locator("#log .keep")
            assert blocks.locator(".keep-value").all_inner_texts() == [REFERENCE, FOLLOW_UP_CODE]
            assert blocks.locator(".keep-label").all_inner_texts() == [
                "Your reference",
                "Your follow-up code",
            ]
            for index, value in enumerate((REFERENCE, FOLLOW_UP_CODE)):
                block = blocks.nth(index)
                height = block.locator(".keep-value").bounding_box()["height"]
                assert height < 40, f"{value} wraps ({height}px)"
                block.get_by_role("button", name=f"Copy {value}").click()
                expect(block.locator(".copied")).to_have_text("Copied")
                assert page.evaluate("() => navigator.clipboard.readText()") == value
            text = page.locator("#log .message.bot").last.inner_text()
            assert re.search(r"Keep both: officers may ask you a question", text)
            no_violations(page)
        finally:
            context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_with_the_assistant_down_the_reply_still_gives_999_with_links(browser, viewport):
    with served_webchat(closed_url()) as url:
        context, page = new_page(browser, viewport)
        try:
            page.goto(url)
            no_violations(page)
            send(page, "hello")
            page.wait_for_selector("#log .message.bot")
            reply = " ".join(bot_texts(page))
            assert CONTACTS["emergency_phone"] in reply and CONTACTS["hotline_phone"] in reply
            assert page.locator('#log .message.bot a[href="tel:999"]').count() == 1
            no_violations(page)
        finally:
            context.close()
