"""Tables for the officer dashboard: officer accounts, their signed-in sessions, failed sign-ins.

Passwords are kept only as argon2 hashes (servator/storage/accounts.py); a session is kept as the SHA-256
of the random token in its cookie, so the table alone cannot be used to sign in; a failed sign-in
keeps keyed hashes of the username typed and of the address (never the text or the address).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String

from servator.storage.models import Base, UtcDateTime, utcnow


class OfficerAccount(Base):
    __tablename__ = "officer_accounts"

    id = Column(Integer, primary_key=True)
    username = Column(String(64), nullable=False, unique=True)
    password_hash = Column(String(256), nullable=False)
    disabled = Column(Boolean, nullable=False, default=False)
    created_at = Column(UtcDateTime(), nullable=False, default=utcnow)
    last_sign_in_at = Column(UtcDateTime())


class OfficerSession(Base):
    """One signed-in browser: the hash of its cookie token, its CSRF token, when it was last used."""

    __tablename__ = "officer_sessions"

    token_hash = Column(String(64), primary_key=True)
    account_id = Column(
        Integer, ForeignKey("officer_accounts.id", ondelete="CASCADE"), nullable=False, index=True
    )
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(UtcDateTime(), nullable=False, default=utcnow)
    last_seen_at = Column(UtcDateTime(), nullable=False, default=utcnow, index=True)


class SignInFailure(Base):
    """A failed sign-in (or one being checked): keyed hashes of the username typed and of the address."""

    __tablename__ = "officer_sign_in_failures"

    id = Column(Integer, primary_key=True)
    at = Column(UtcDateTime(), nullable=False, default=utcnow, index=True)
    username_hash = Column(String(64), nullable=False, index=True, server_default="")
    address_hash = Column(String(64), nullable=False, index=True)
