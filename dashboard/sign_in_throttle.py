"""Slowing down password guessing without locking out the officer whose password it is.

Failed sign-ins are counted per (username, address) and per address, over the last
DASHBOARD_LOCKOUT_MINUTES, from the client's address (X-Forwarded-For only through a proxy listed
in TRUSTED_PROXIES). Up to DASHBOARD_LOCKOUT_ATTEMPTS failures for a username from one address
(DASHBOARD_LOCKOUT_ADDRESS_ATTEMPTS from one address for any username) cost nothing; past that,
each attempt must wait after the latest failure: 15 s, then twice as long for each further failure,
at most DASHBOARD_LOCKOUT_MINUTES. A refused attempt is not counted, so waiting always works, and
someone guessing from another address never slows the officer down.

Counting is atomic: an attempt is written (and committed) before its password is checked, and the
wait is worked out from every attempt written before it, so attempts arriving together cannot all
slip under the limit. A correct password deletes the attempt and that (username, address)'s
failures. Usernames and addresses are kept only as keyed hashes (servator.config.settings.sender_hash).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from servator.config.settings import Settings, sender_hash
from servator.storage import SignInFailure
from servator.storage.cleanup import delete_sign_in_failures_before, sign_in_failures_cutoff
from servator.storage.models import utcnow

FIRST_WAIT = timedelta(seconds=15)


def username_key(username: str) -> str:
    return sender_hash("dashboard-username:" + username)


def address_key(address: str) -> str:
    return sender_hash("dashboard-address:" + address)


def begin_attempt(session: Session, username: str, address: str) -> int:
    """Write the attempt down (committed: other processes see it at once); its id."""
    attempt = SignInFailure(
        username_hash=username_key(username), address_hash=address_key(address), at=utcnow()
    )
    session.add(attempt)
    session.commit()
    return int(attempt.id)


def _wait(times: list[datetime], limit: int, window: timedelta, now: datetime) -> timedelta:
    if limit <= 0 or len(times) < limit:
        return timedelta(0)
    doublings: int = min(len(times) - limit, 20)
    delay = min(FIRST_WAIT * (1 << doublings), window)
    remaining: timedelta = max(times) + delay - now
    return max(timedelta(0), remaining)


def wait_before(session: Session, settings: Settings, username: str, address: str, attempt: int) -> timedelta:
    """How long this attempt must wait (zero: check the password now), from the attempts before it."""
    window = timedelta(minutes=settings.dashboard_lockout_minutes)
    now = utcnow()
    earlier = (SignInFailure.at >= now - window, SignInFailure.id != attempt)
    from_address = SignInFailure.address_hash == address_key(address)
    pair = list(
        session.execute(
            select(SignInFailure.at).where(
                *earlier, from_address, SignInFailure.username_hash == username_key(username)
            )
        ).scalars()
    )
    anyone = list(session.execute(select(SignInFailure.at).where(*earlier, from_address)).scalars())
    return max(
        _wait(pair, settings.dashboard_lockout_attempts, window, now),
        _wait(anyone, settings.dashboard_lockout_address_attempts, window, now),
    )


def drop_attempt(session: Session, attempt: int) -> None:
    """A refused attempt does not count (the person was only asked to wait)."""
    session.execute(delete(SignInFailure).where(SignInFailure.id == attempt))


def forget_failures(session: Session, username: str, address: str) -> None:
    """After a correct password: this username's failures from this address, the attempt included."""
    session.execute(
        delete(SignInFailure).where(
            SignInFailure.username_hash == username_key(username),
            SignInFailure.address_hash == address_key(address),
        )
    )


def purge_failures(session: Session, settings: Settings) -> int:
    """Failures too old to count (twice the window); how many were deleted."""
    return delete_sign_in_failures_before(
        session, sign_in_failures_cutoff(settings.dashboard_lockout_minutes)
    )
