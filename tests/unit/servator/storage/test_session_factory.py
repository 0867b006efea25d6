"""SessionFactoryOnFirstUse: nothing at construction, the schema on first use, retried after a failure."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import SQLAlchemyError

from servator.storage import SessionFactoryOnFirstUse, SqlUnitOfWork


def test_the_factory_is_made_on_first_use_kept_and_made_again_after_forget(tmp_path):
    folder = tmp_path / "not-yet"
    sessions = SessionFactoryOnFirstUse(f"sqlite:///{folder / 'reports.db'}")
    assert not folder.exists()  # nothing touched the database yet
    factory = sessions.get()
    assert sessions.get() is factory
    with SqlUnitOfWork(factory) as uow:
        assert uow.reports.list() == []  # the schema is there
    sessions.forget()
    assert sessions.get() is not factory


def test_an_unreachable_database_raises_every_time_it_is_asked():
    sessions = SessionFactoryOnFirstUse("postgresql://postgres@127.0.0.1:1/unreachable")
    for _ in range(2):
        with pytest.raises(SQLAlchemyError):
            sessions.get()
