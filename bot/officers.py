"""Officer commands: /reports, /report REF, /ack REF, /links REF. Allow-listed officers, private chats only.

Every command goes through `officer_command`: in a group (or channel) everyone gets the same
"private chats only" answer, and outside the allow-list the same refusal, whatever the
reference; every refusal is audited. Alerts to officer chats are in bot/officer_alerts.py.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers import split_text, start_report
from bot.officer_messages import links_message, officer_text, report_list, report_message
from bot.officer_store import OfficerStore
from bot.rasa_client import telegram_sender
from servator.storage import REFERENCE_PATTERN

log = logging.getLogger(__name__)
LIST_LIMIT = 10
Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def actor_for(update: Update) -> str:
    """Audit actor: the keyed hash of the Telegram user, never the raw id."""
    user_id = update.effective_user.id if update.effective_user else 0
    return f"telegram:{telegram_sender(user_id)}"


def is_officer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user = update.effective_user
    return user is not None and user.id in context.bot_data["config"].officer_user_ids


def in_private_chat(update: Update) -> bool:
    return update.effective_chat is not None and update.effective_chat.type == "private"


def _reference_argument(context: ContextTypes.DEFAULT_TYPE) -> str | None:
    candidate = (context.args or [""])[0].strip().upper()
    return candidate if REFERENCE_PATTERN.fullmatch(candidate) else None


async def _reply(update: Update, text: str) -> None:
    if update.effective_chat is None:
        return
    for chunk in split_text(text):
        await update.effective_chat.send_message(chunk)


async def _refuse(update: Update, context: ContextTypes.DEFAULT_TYPE, command: str, answer: str) -> None:
    """A plain refusal, and the attempt goes in the audit trail (no report content, ever)."""
    store: OfficerStore = context.bot_data["store"]
    detail = f"command=/{command}"
    if not in_private_chat(update):
        detail += f" chat={update.effective_chat.type if update.effective_chat else 'none'}"
    try:
        await asyncio.to_thread(store.audit, actor_for(update), "telegram_refused", None, detail)
    except SQLAlchemyError as error:
        log.warning("could not audit a refused officer command: %s", type(error).__name__)
    await _reply(update, officer_text(answer))


def officer_command(command: str) -> Callable[[Handler], Handler]:
    """The handler runs only for an allow-listed officer (OFFICER_USER_IDS) in a private chat."""

    def wrap(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            if not in_private_chat(update):
                return await _refuse(update, context, command, "private_only")
            if not is_officer(update, context):
                return await _refuse(update, context, command, "refusal")
            return await handler(update, context)

        return guarded

    return wrap


async def _with_store(update: Update, call: Callable[..., Any], *args: Any) -> tuple[bool, Any]:
    """Run a storage call in a thread; tell the officer when the store is down."""
    try:
        return True, await asyncio.to_thread(call, *args)
    except SQLAlchemyError as error:
        log.warning("report store unavailable: %s", type(error).__name__)
        await _reply(update, officer_text("storage_unavailable"))
        return False, None


@officer_command("reports")
async def list_reports(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Officers: the latest new reports, one short line each."""
    ok, reports = await _with_store(update, context.bot_data["store"].latest_new, LIST_LIMIT)
    if ok:
        await _reply(update, report_list(reports))


async def report_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/report starts a public report (private chats); /report REF shows an officer that report."""
    if not context.args:
        if in_private_chat(update):
            await start_report(update, context)
        return
    await view_report(update, context)


async def _about_a_report(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    usage: str,
    call: Callable[[str, str], Any],
    answer: Callable[[str, Any], str],
) -> None:
    """REF from the command (else how to use it), `call(actor, REF)` on the store (audited there),
    and the officer's reply made by `answer(REF, what the call returned)`."""
    reference = _reference_argument(context)
    if reference is None:
        return await _reply(update, officer_text(usage))
    ok, found = await _with_store(update, call, actor_for(update), reference)
    if ok:
        await _reply(update, answer(reference, found))


def _report_answer(reference: str, report: Any) -> str:
    return officer_text("not_found", reference=reference) if report is None else report_message(report)


def _ack_answer(reference: str, done: bool) -> str:
    return officer_text("acknowledged" if done else "not_found", reference=reference)


def _links_answer(reference: str, found: Any) -> str:
    return (
        officer_text("not_found", reference=reference) if found is None else links_message(reference, *found)
    )


@officer_command("report")
async def view_report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The whole report, its view audited in the same transaction."""
    await _about_a_report(update, context, "usage_report", context.bot_data["store"].view, _report_answer)


@officer_command("ack")
async def acknowledge(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Officers: mark a report reviewed (audited); an urgent one is then no longer re-alerted."""
    await _about_a_report(update, context, "usage_ack", context.bot_data["store"].acknowledge, _ack_answer)


@officer_command("links")
async def links_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Officers: the reports linked to REF, each with its rule, score and reason, then its cluster
    (servator.linking); the look is audited in the same transaction."""
    await _about_a_report(update, context, "usage_links", context.bot_data["store"].links, _links_answer)
