"""Officer accounts for the dashboard: usernames, argon2 password hashes, adding, listing, disabling.

Used by `servator officers ...` (servator/cli/officers.py) and by the dashboard's sign-in. Every
function takes a SQLAlchemy Session handed in; the caller commits.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from reading import regex
from servator.storage.officer_tables import OfficerAccount, OfficerSession

USERNAME = regex.compile(r"[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]")
USERNAME_RULE = "3 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting and ending with a letter or digit"
MIN_PASSWORD_CHARS = 12
MAX_PASSWORD_CHARS = 1024
_hasher = PasswordHasher()


@functools.lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Verified against when the username is unknown, so an unknown name takes as long as a wrong password."""
    return _hasher.hash("not a password anyone has")


class AccountError(ValueError):
    """A username or password the rules refuse; the message says which rule, politely."""


@dataclass(frozen=True)
class Officer:
    username: str
    disabled: bool
    created_at: datetime
    last_sign_in_at: datetime | None


def normalise_username(text: str) -> str:
    return text.strip().lower()


def check_username(text: str) -> str:
    username = normalise_username(text)
    if not USERNAME.fullmatch(username):
        raise AccountError(f"A username must be {USERNAME_RULE}.")
    return username


def check_password(password: str) -> str:
    if not password.strip():
        raise AccountError("The password is empty. Please give one of at least 12 characters.")
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(
            f"That password is too short ({len(password)} characters). "
            f"Please use at least {MIN_PASSWORD_CHARS}; a few unrelated words make a good one."
        )
    if len(password) > MAX_PASSWORD_CHARS:
        raise AccountError(f"That password is longer than {MAX_PASSWORD_CHARS} characters.")
    return password


def add_officer(session: Session, username: str, password: str) -> Officer:
    """A new account; AccountError when the name is taken or a rule is broken."""
    name = check_username(username)
    check_password(password)
    if session.execute(select(OfficerAccount.id).where(OfficerAccount.username == name)).first():
        raise AccountError(f"There is already an officer called {name!r}.")
    account = OfficerAccount(username=name, password_hash=_hasher.hash(password), disabled=False)
    session.add(account)
    session.flush()
    return _officer(account)


def officers(session: Session) -> list[Officer]:
    rows = session.execute(select(OfficerAccount).order_by(OfficerAccount.username)).scalars()
    return [_officer(account) for account in rows]


def disable_officer(session: Session, username: str) -> bool:
    """Disables the account and ends its sessions; False when there is no such officer."""
    account = _account(session, normalise_username(username))
    if account is None:
        return False
    account.disabled = True
    session.execute(delete(OfficerSession).where(OfficerSession.account_id == account.id))
    return True


def authenticate(session: Session, username: str, password: str) -> OfficerAccount | None:
    """The enabled account whose password this is, or None (unknown, disabled or wrong: one answer,
    in about the same time). A hash made with older parameters is upgraded on success."""
    account = _account(session, normalise_username(username)) if len(password) <= MAX_PASSWORD_CHARS else None
    try:
        _hasher.verify(account.password_hash if account is not None else _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return None
    if account is None or account.disabled:
        return None
    if _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _hasher.hash(password)
    return account


def _account(session: Session, username: str) -> OfficerAccount | None:
    found: OfficerAccount | None = session.execute(
        select(OfficerAccount).where(OfficerAccount.username == username)
    ).scalar_one_or_none()
    return found


def _officer(account: OfficerAccount) -> Officer:
    return Officer(account.username, bool(account.disabled), account.created_at, account.last_sign_in_at)
