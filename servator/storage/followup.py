"""Anonymous follow-up (docs/followup.md): the only code that reads or writes the follow-up tables.

Every method takes the session of a unit of work (`uow.followups`); the caller commits.
"""

from __future__ import annotations

import base64
import functools
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from servator.config.keys import private_secret
from servator.config.settings import Settings
from servator.storage.followup_codes import code_matches
from servator.storage.followup_tables import FollowUpChat, FollowUpCode, FollowUpFailure, FollowUpQuestion
from servator.storage.link_tables import ReportFeatures
from servator.storage.models import Report, utcnow

LOCKOUT_WINDOW = timedelta(hours=1)
# Wrong codes for one reference within the window that lock it for the rest of the window.
REFERENCE_FAILURES = 5
# Wrong references or codes from one address within the window that refuse its lookups.
ADDRESS_FAILURES = 10
MAX_QUESTION_CHARS = 2000
MAX_ANSWER_CHARS = 2000


@dataclass(frozen=True)
class CodeCheck:
    """`outcome`: "ok" (then `report_id`), "wrong" (reference or code), "locked" (the reference has had
    too many wrong codes) or "limited" (the address has)."""

    outcome: str
    report_id: int | None = None


@dataclass(frozen=True)
class QuestionPush:
    """A question to send to a reporter's Telegram chat."""

    question_id: int
    reference: str
    question: str
    chat_token: str
    # The report's language (ISO 639-1): the question is introduced in it.
    language: str = "en"


@functools.lru_cache(maxsize=4)
def _cipher(var_dir: str) -> Fernet:
    secret = bytes.fromhex(private_secret(Path(var_dir), "followup_chat.key"))
    return Fernet(base64.urlsafe_b64encode(secret[:32]))


def chat_cipher(settings: Settings | None = None) -> Fernet:
    """The Fernet key for reporters' chat ids, kept in var/followup_chat.key (made on first use)."""
    return _cipher(str((settings or Settings.from_env()).var_dir))


def decrypt_chat(token: str, settings: Settings | None = None) -> str | None:
    try:
        return chat_cipher(settings).decrypt(token.encode()).decode()
    except InvalidToken:
        return None


class FollowUps:
    def __init__(self, session: Session) -> None:
        self.session = session

    # The code -----------------------------------------------------------------------------------

    def issue_code(self, report_id: int, code_hash: str) -> None:
        """Keep `code_hash` as the report's code (a report given again gets the newest code)."""
        row = self.session.get(FollowUpCode, report_id)
        if row is None:
            self.session.add(FollowUpCode(report_id=report_id, code_hash=code_hash))
        else:
            row.code_hash, row.created_at = code_hash, utcnow()

    def check(
        self, reference: str, code: str | None, address_hash: str, now: datetime | None = None
    ) -> CodeCheck:
        """The report when the code is right, the reference not locked and the address not limited.

        Every refusal does one argon2 check too, so a wrong reference and a wrong code take as long.
        """
        now = now or utcnow()
        since = now - LOCKOUT_WINDOW
        self.forget_failures(now)
        address_failures = self._failures(FollowUpFailure.address_hash == address_hash, since)
        reference_failures = self._failures(FollowUpFailure.reference == reference, since)
        report_id, code_hash = self.session.execute(
            select(Report.id, FollowUpCode.code_hash)
            .join(FollowUpCode, FollowUpCode.report_id == Report.id)
            .where(Report.reference == reference)
        ).one_or_none() or (None, None)
        right = code_matches(code, code_hash)
        if address_failures >= ADDRESS_FAILURES:
            return CodeCheck("limited")
        if reference_failures >= REFERENCE_FAILURES:
            return CodeCheck("locked")
        if right and report_id is not None:
            return CodeCheck("ok", int(report_id))
        self.session.add(FollowUpFailure(at=now, reference=reference[:32], address_hash=address_hash))
        return CodeCheck("wrong")

    def _failures(self, condition: object, since: datetime) -> int:
        query = select(func.count(FollowUpFailure.id)).where(condition, FollowUpFailure.at >= since)
        return int(self.session.execute(query).scalar_one())

    # Questions and answers ----------------------------------------------------------------------

    def ask(self, report_id: int, officer: str, question: str) -> FollowUpQuestion:
        row = FollowUpQuestion(
            report_id=report_id, asked_by=officer, question=question[:MAX_QUESTION_CHARS], asked_at=utcnow()
        )
        self.session.add(row)
        self.session.flush()
        return row

    def questions(self, report_id: int) -> list[FollowUpQuestion]:
        """The report's questions, oldest first, with their answers."""
        query = _questions().where(FollowUpQuestion.report_id == report_id)
        return list(self.session.execute(query).scalars())

    def for_reports(self, report_ids: list[int], chunk: int = 500) -> dict[int, list[FollowUpQuestion]]:
        """The questions of each of these reports (those that have any), oldest first."""
        found: dict[int, list[FollowUpQuestion]] = {}
        for start in range(0, len(report_ids), chunk):
            query = _questions().where(FollowUpQuestion.report_id.in_(report_ids[start : start + chunk]))
            for row in self.session.execute(query).scalars():
                found.setdefault(int(row.report_id), []).append(row)
        return found

    def open_questions(self, report_id: int) -> list[FollowUpQuestion]:
        """The questions still waiting for an answer, oldest first."""
        query = _questions().where(FollowUpQuestion.report_id == report_id, FollowUpQuestion.answer.is_(None))
        return list(self.session.execute(query).scalars())

    def answer(self, question_id: int, text: str, channel: str) -> FollowUpQuestion | None:
        row: FollowUpQuestion | None = self.session.get(FollowUpQuestion, question_id)
        if row is None or row.answer is not None:
            return None
        row.answer, row.answered_at, row.answer_channel = text[:MAX_ANSWER_CHARS], utcnow(), channel
        # What the person adds (a plate, a place) may link the report: the linking sweep reads it
        # again with its answers (servator/linking), keeping the links it has.
        self.session.execute(
            update(ReportFeatures)
            .where(ReportFeatures.report_id == row.report_id)
            .values(linked_at=None, computed_at=None, next_attempt_at=None, link_attempts=0),
            execution_options={"synchronize_session": False},
        )
        return row

    def answers_text(self, report_id: int) -> str:
        """Every answer the person gave, oldest first, as one text."""
        query = (
            select(FollowUpQuestion.answer)
            .where(FollowUpQuestion.report_id == report_id, FollowUpQuestion.answer.is_not(None))
            .order_by(FollowUpQuestion.id)
        )
        return "\n".join(str(answer) for answer in self.session.execute(query).scalars())

    def mark_answers_seen(self, report_id: int) -> int:
        rows = self.session.execute(
            select(FollowUpQuestion).where(
                FollowUpQuestion.report_id == report_id,
                FollowUpQuestion.answer.is_not(None),
                FollowUpQuestion.answer_seen_at.is_(None),
            )
        ).scalars()
        seen = 0
        for row in rows:
            row.answer_seen_at = utcnow()
            seen += 1
        return seen

    def with_new_answers(self, report_ids: list[int]) -> set[int]:
        """Which of these reports have an answer no officer has seen yet."""
        if not report_ids:
            return set()
        query = select(FollowUpQuestion.report_id).where(
            FollowUpQuestion.report_id.in_(report_ids),
            FollowUpQuestion.answer.is_not(None),
            FollowUpQuestion.answer_seen_at.is_(None),
        )
        return {int(row) for row in self.session.execute(query).scalars()}

    # The reporter's Telegram chat ---------------------------------------------------------------

    def register_chat(self, report_id: int, chat_hash: str, chat_id: str) -> None:
        token = chat_cipher().encrypt(str(chat_id).encode()).decode()
        row = self.session.get(FollowUpChat, report_id)
        if row is None:
            self.session.add(FollowUpChat(report_id=report_id, chat_hash=chat_hash, chat_token=token))
        else:
            row.chat_hash, row.chat_token = chat_hash, token

    def end(self, report_id: int) -> None:
        """Follow-up ends for the report: its chat is forgotten and its waiting questions go unsent."""
        self.session.execute(delete(FollowUpChat).where(FollowUpChat.report_id == report_id))

    def pending_pushes(self, limit: int = 20) -> list[QuestionPush]:
        query = (
            select(
                FollowUpQuestion.id,
                Report.reference,
                FollowUpQuestion.question,
                FollowUpChat.chat_token,
                Report.language,
            )
            .join(Report, Report.id == FollowUpQuestion.report_id)
            .join(FollowUpChat, FollowUpChat.report_id == FollowUpQuestion.report_id)
            .where(FollowUpQuestion.pushed_at.is_(None), FollowUpQuestion.answer.is_(None))
            .order_by(FollowUpQuestion.id)
            .limit(limit)
        )
        return [
            QuestionPush(int(i), ref, text, token, language or "en")
            for i, ref, text, token, language in self.session.execute(query)
        ]

    def mark_pushed(self, question_id: int, message_id: int | None = None) -> None:
        """The question is (being) sent: marked before the send, so an answer that comes at once finds
        it; the message id once Telegram has it."""
        row = self.session.get(FollowUpQuestion, question_id)
        if row is not None:
            row.pushed_at, row.pushed_message_id = row.pushed_at or utcnow(), message_id

    def unmark_pushed(self, question_id: int) -> None:
        """The send failed: the question waits to be sent again."""
        row = self.session.get(FollowUpQuestion, question_id)
        if row is not None and row.answer is None:
            row.pushed_at, row.pushed_message_id = None, None

    def awaiting_in_chat(
        self, chat_hash: str, reply_to: int | None = None
    ) -> tuple[FollowUpQuestion, str, str] | None:
        """The pushed, unanswered question a message in this chat answers (the one it replies to, else
        the oldest), with its report's reference and language."""
        query = (
            select(FollowUpQuestion, Report.reference, Report.language)
            .join(Report, Report.id == FollowUpQuestion.report_id)
            .join(FollowUpChat, FollowUpChat.report_id == FollowUpQuestion.report_id)
            .where(
                FollowUpChat.chat_hash == chat_hash,
                FollowUpQuestion.pushed_at.is_not(None),
                FollowUpQuestion.answer.is_(None),
            )
            .order_by(FollowUpQuestion.id)
        )
        rows = [(q, str(ref), str(language or "en")) for q, ref, language in self.session.execute(query)]
        replied = [row for row in rows if reply_to is not None and row[0].pushed_message_id == reply_to]
        chosen = replied or rows
        return chosen[0] if chosen else None

    # Retention ----------------------------------------------------------------------------------

    def forget_failures(self, now: datetime | None = None) -> int:
        """Wrong lookups too old to count towards a lockout (past the window); how many."""
        since = (now or utcnow()) - LOCKOUT_WINDOW
        result = self.session.execute(
            delete(FollowUpFailure).where(FollowUpFailure.at < since),
            execution_options={"synchronize_session": False},
        )
        return int(result.rowcount or 0)

    def delete_for_reports(self, report_ids: Select) -> None:
        """Codes, questions, answers and chats of these reports (cascaded too, where enforced)."""
        references = select(Report.reference).where(Report.id.in_(report_ids))
        self.session.execute(
            delete(FollowUpFailure).where(FollowUpFailure.reference.in_(references)),
            execution_options={"synchronize_session": False},
        )
        for table in (FollowUpCode, FollowUpQuestion, FollowUpChat):
            self.session.execute(
                delete(table).where(table.report_id.in_(report_ids)),
                execution_options={"synchronize_session": False},
            )


def _questions() -> Select:
    return select(FollowUpQuestion).order_by(FollowUpQuestion.asked_at, FollowUpQuestion.id)
