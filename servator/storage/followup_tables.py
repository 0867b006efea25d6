"""Tables for anonymous follow-up (docs/followup.md): a report's code hash, officers' questions and the
reporter's answers, the Telegram chat to push questions to, and failed code checks.

Everything here is deleted with its report. The chat id is kept only Fernet-encrypted, beside a keyed
hash to find it by; neither is ever shown to officers. Failed checks keep a keyed hash of the address.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Text

from servator.storage.models import Base, OfOneReport, UtcDateTime, utcnow


class FollowUpCode(Base):
    """The argon2 hash of the follow-up code given with the report's reference."""

    __tablename__ = "followup_codes"

    report_id = Column(Integer, ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    code_hash = Column(String(256), nullable=False)
    created_at = Column(UtcDateTime(), nullable=False, default=utcnow)


class FollowUpQuestion(OfOneReport, Base):
    """An officer's question to the person who reported, and their answer once it comes."""

    __tablename__ = "followup_questions"

    asked_at = Column(UtcDateTime(), nullable=False, default=utcnow)
    asked_by = Column(String(64), nullable=False)
    question = Column(Text, nullable=False)
    # Set when the question was sent to the reporter's Telegram chat (with that message's id).
    pushed_at = Column(UtcDateTime())
    pushed_message_id = Column(Integer)
    answer = Column(Text)
    answered_at = Column(UtcDateTime())
    answer_channel = Column(String(32))
    # When an officer first saw the answer on the report page (None: the queue marks it as new).
    answer_seen_at = Column(UtcDateTime())


class FollowUpChat(Base):
    """The Telegram chat a report came from, encrypted; deleted when follow-up ends or the report goes."""

    __tablename__ = "followup_chats"

    report_id = Column(Integer, ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    chat_hash = Column(String(64), nullable=False, index=True)
    chat_token = Column(Text, nullable=False)
    created_at = Column(UtcDateTime(), nullable=False, default=utcnow)


class FollowUpFailure(Base):
    """One wrong reference or code given when checking on a report (for the lockout and the rate limit)."""

    __tablename__ = "followup_failures"

    id = Column(Integer, primary_key=True)
    at = Column(UtcDateTime(), nullable=False, default=utcnow, index=True)
    reference = Column(String(32), index=True)
    address_hash = Column(String(64), nullable=False, index=True)
