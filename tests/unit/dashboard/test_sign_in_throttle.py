"""Password guessing is slowed per address and per (name, address), never locking the officer out
from their own address; attempts are counted before the password is checked, and keep no typed name."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

from sqlalchemy import select

from servator.storage import SignInFailure
from tests.support.dashboard_app import PASSWORD, age_everything, factory, from_address, sign_in


async def test_too_many_failures_from_one_address_make_every_name_from_it_wait(client):
    for letter in "abcdefgh":
        assert (await sign_in(client, f"pc.{letter}", "wrong wrong wrong")).status == 401
    waiting = await sign_in(client, "pc.one", PASSWORD)
    assert waiting.status == 429 and re.search(r"Please wait about 15 seconds", await waiting.text())
    elsewhere = await sign_in(client, "pc.one", PASSWORD, **from_address("203.0.113.9"))
    assert elsewhere.status == 303, "behind the proxy, another address is not slowed down"


async def test_guessing_a_password_never_locks_the_officer_out_from_their_own_address(client):
    for _ in range(5):
        assert (await sign_in(client, "pc.one", "wrong wrong", **from_address("198.51.100.7"))).status == 401
    guessing = await sign_in(client, "pc.one", "wrong again", **from_address("198.51.100.7"))
    assert guessing.status == 429, "the sixth guess from that address waits"
    own = await sign_in(client, "pc.one", PASSWORD, **from_address("192.0.2.10"))
    assert own.status == 303, "the officer, at their own address, signs in at once"


async def test_waits_grow_and_end_and_a_refused_attempt_is_not_counted(client):
    for _ in range(6):
        await sign_in(client, "pc.one", "wrong wrong", **from_address("198.51.100.7"))
        age_everything(client, SignInFailure, "at", timedelta(seconds=20))
    refused = await sign_in(client, "pc.one", PASSWORD, **from_address("198.51.100.7"))
    assert "Please wait about" in await refused.text()
    with factory(client)() as session:
        assert len(session.execute(select(SignInFailure)).all()) == 6, "the refused attempt left no row"
    age_everything(client, SignInFailure, "at", timedelta(seconds=40))
    later = await sign_in(client, "pc.one", PASSWORD, **from_address("198.51.100.7"))
    assert later.status == 303, "after the wait the right password works"
    with factory(client)() as session:
        assert session.execute(select(SignInFailure)).first() is None


async def test_attempts_arriving_together_are_all_counted(client):
    headers = from_address("198.51.100.8")
    answers = await asyncio.gather(*(sign_in(client, "pc.one", "wrong wrong", **headers) for _ in range(12)))
    checked = [answer.status for answer in answers].count(401)
    assert 1 <= checked <= 5, f"{checked} passwords were checked, more than the limit of 5"


async def test_a_failed_sign_in_keeps_no_typed_username(client):
    await sign_in(client, "my secret passphrase", "wrong wrong")
    await sign_in(client, "PC.Someone", "wrong wrong")
    with factory(client)() as session:
        rows = session.execute(select(SignInFailure.username_hash, SignInFailure.address_hash)).all()
    assert len(rows) == 2
    kept = " ".join(" ".join(row) for row in rows).lower()
    assert "secret" not in kept and "someone" not in kept and "127.0.0.1" not in kept
