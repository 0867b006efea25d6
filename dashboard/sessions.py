"""Signed-in sessions and the sign-in lockout, kept in the database (so every dashboard process agrees).

A session is a random token in an HttpOnly cookie; the table keeps only its SHA-256, the officer,
a CSRF token and when it was last used. A session idle longer than DASHBOARD_IDLE_MINUTES is gone;
signing in always makes a new token (the old one, if any, is deleted), and signing out deletes it.

Lockout: failed sign-ins are counted per username (whether or not it exists) and per address over
the last DASHBOARD_LOCKOUT_MINUTES; past the limits, sign-in is refused, with the same words as a
wrong password's, until the oldest failure ages out.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from servator.settings import Settings, sender_hash
from servator.storage import OfficerAccount, OfficerSession, SignInFailure
from servator.storage.models import utcnow

# last_seen_at is written at most this often per session (not on every poll of the queue).
TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class SignedIn:
    officer: str
    csrf_token: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def start(
    session: Session, account: OfficerAccount, idle: timedelta, old_token: str | None = None
) -> tuple[str, str]:
    """A new session for the account: (cookie token, CSRF token). The old token, if any, is ended,
    and so is every session idle longer than `idle` (nobody came back to them)."""
    if old_token:
        end(session, old_token)
    now = utcnow()
    session.execute(delete(OfficerSession).where(OfficerSession.last_seen_at < now - idle))
    token, csrf = new_token(), new_token()
    session.add(
        OfficerSession(
            token_hash=token_hash(token),
            account_id=account.id,
            csrf_token=csrf,
            created_at=now,
            last_seen_at=now,
        )
    )
    account.last_sign_in_at = now
    return token, csrf


def resume(session: Session, token: str, idle: timedelta) -> SignedIn | None:
    """The officer a cookie token belongs to, if the session is live and the account enabled."""
    if not token or len(token) > 128:
        return None
    row = session.execute(
        select(OfficerSession, OfficerAccount.username, OfficerAccount.disabled)
        .join(OfficerAccount, OfficerAccount.id == OfficerSession.account_id)
        .where(OfficerSession.token_hash == token_hash(token))
    ).first()
    if row is None:
        return None
    found, username, disabled = row
    now = utcnow()
    if disabled or found.last_seen_at + idle < now:
        session.delete(found)
        session.commit()
        return None
    if now - found.last_seen_at > TOUCH_EVERY:
        found.last_seen_at = now
        session.commit()
    return SignedIn(str(username), str(found.csrf_token))


def end(session: Session, token: str) -> None:
    session.execute(delete(OfficerSession).where(OfficerSession.token_hash == token_hash(token)))


def address_key(address: str) -> str:
    return sender_hash("dashboard-address:" + address)


def locked_until(session: Session, settings: Settings, username: str, address: str) -> datetime | None:
    """When sign-in for this username or from this address opens again (None: it is open now)."""
    window = timedelta(minutes=settings.dashboard_lockout_minutes)
    since = utcnow() - window
    latest: datetime | None = None
    for column, value, limit in (
        (SignInFailure.username, username[:64], settings.dashboard_lockout_attempts),
        (SignInFailure.address_hash, address_key(address), settings.dashboard_lockout_address_attempts),
    ):
        times = list(
            session.execute(
                select(SignInFailure.at)
                .where(column == value, SignInFailure.at >= since)
                .order_by(SignInFailure.at.desc())
                .limit(limit)
            ).scalars()
        )
        if limit > 0 and len(times) >= limit:
            opens = times[-1] + window  # the limit-th newest failure ages out then
            latest = opens if latest is None or opens > latest else latest
    return latest


def record_failure(session: Session, settings: Settings, username: str, address: str) -> None:
    """Counts a failed sign-in, and forgets failures too old to count."""
    session.add(SignInFailure(username=username[:64], address_hash=address_key(address), at=utcnow()))
    old = utcnow() - timedelta(minutes=settings.dashboard_lockout_minutes) * 2
    session.execute(delete(SignInFailure).where(SignInFailure.at < old))


def clear_failures(session: Session, username: str) -> None:
    session.execute(delete(SignInFailure).where(SignInFailure.username == username[:64]))
