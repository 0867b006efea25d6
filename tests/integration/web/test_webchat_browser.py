"""The web chat in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

`make browser-deps` installs Chromium when it is missing; Playwright's own browser download is
never used. The conversation test talks to the real stack (Rasa + actions + trained model).
"""

from __future__ import annotations

import contextlib
import socket
from pathlib import Path

import pytest

from servator.config.contacts import template_values
from tests.support.axe import violations
from tests.support.browser import LAPTOP, PHONE, chromium
from tests.support.chat_page import (
    USER_MESSAGES,
    bot_texts,
    send,
    served_webchat,
    wait_for_bot_messages,
)

pytestmark = pytest.mark.browser


SCREENSHOT = Path("/tmp/webchat.png")
CONTACTS = template_values()
MARKUP = "<b>bold</b><script>window.pwned=1</script>"


@pytest.fixture(scope="module")
def start_webchat():
    """Starts `python -m web` (as `servator run` does) relaying to a given Rasa URL; returns its URL."""
    with contextlib.ExitStack() as started:
        yield lambda rasa_url: started.enter_context(served_webchat(rasa_url))


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def assert_banner_in_view(page) -> None:
    banner = page.locator("#emergency-banner")
    assert banner.is_visible()
    assert f"In an emergency call {CONTACTS['emergency_phone']}" in banner.inner_text()
    box = banner.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"] / 3


def tab_to(page, name: str, limit: int = 15) -> None:
    """Shift+Tab from the message box until the button called `name` has keyboard focus."""
    page.get_by_label("Your message").focus()
    for _ in range(limit):
        page.keyboard.press("Shift+Tab")
        if (
            page.evaluate("() => document.activeElement.tagName + '|' + document.activeElement.textContent")
            == f"BUTTON|{name}"
        ):
            return
    raise AssertionError(f"the {name!r} button cannot be reached with the keyboard")


@pytest.mark.rasa
def test_conversation_on_a_phone(stack, start_webchat, phone):
    page = phone
    page.goto(start_webchat(stack.rasa_url))
    assert_banner_in_view(page)
    assert page.get_by_role("log").get_attribute("aria-live") == "polite"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"], "sideways scrolling"
    font_px = page.evaluate("() => parseFloat(getComputedStyle(document.getElementById('message')).fontSize)")
    assert font_px >= 16

    send(page, "hello")
    wait_for_bot_messages(page, 1)
    assert "Project Servator" in bot_texts(page)[0]
    choice = page.get_by_role("button", name="What is Project Servator?")
    assert choice.is_visible()

    shown = len(bot_texts(page))
    tab_to(page, "What is Project Servator?")
    page.keyboard.press("Enter")
    wait_for_bot_messages(page, shown + 1)
    assert page.locator(USER_MESSAGES).last.text_content() == "What is Project Servator?"
    answer = " ".join(bot_texts(page)[shown:])
    assert "Project Servator is" in answer, answer
    assert page.evaluate("() => document.activeElement.id") == "message", (
        "focus should return to the message box"
    )

    shown = len(bot_texts(page))
    page.keyboard.type(MARKUP)  # focus is already in the message box
    page.keyboard.press("Enter")
    wait_for_bot_messages(page, shown + 1)
    assert page.locator(USER_MESSAGES).last.text_content() == MARKUP
    assert page.locator("#log b").count() == 0 and page.locator("#log script").count() == 0
    assert page.evaluate("() => typeof window.pwned") == "undefined"

    assert_banner_in_view(page)
    assert violations(page) == []
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000


def test_unreachable_rasa_shows_999_in_the_chat(start_webchat, phone):
    """With Rasa down the person still gets a reply that gives 999 and the hotline."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    page = phone
    page.goto(start_webchat(f"http://127.0.0.1:{closed}"))
    assert_banner_in_view(page)
    send(page, "hello")
    wait_for_bot_messages(page, 1)
    reply = bot_texts(page)[0]
    assert CONTACTS["emergency_phone"] in reply and CONTACTS["hotline_phone"] in reply
    assert page.locator(USER_MESSAGES).last.text_content() == "hello"


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_chat_has_no_accessibility_violations(start_webchat, browser, viewport):
    """axe-core (WCAG 2.2 A/AA and best practices) on the chat with a reply in it, on a phone and a laptop."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(start_webchat(f"http://127.0.0.1:{closed}"))
        assert violations(page) == []
        send(page, "hello")
        wait_for_bot_messages(page, 1)
        assert violations(page) == []
        # Usable on the screen: nothing wider than the viewport, the message box reachable.
        assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
        assert page.get_by_label("Your message").is_visible()
    finally:
        context.close()
