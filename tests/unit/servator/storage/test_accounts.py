"""Officer accounts: username and password rules, argon2 hashes, one answer for every failure."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from servator.storage import OfficerAccount
from servator.storage.accounts import AccountError, add_officer, authenticate, disable_officer, officers


def test_accounts_keep_only_an_argon2_hash_and_sign_in_with_the_password(sessions):
    with sessions() as session:
        add_officer(session, "  PC.Smith ", "correct horse battery staple")
        session.commit()
        stored = session.execute(select(OfficerAccount)).scalar_one()
        assert stored.username == "pc.smith" and stored.password_hash.startswith("$argon2id$")
        assert "correct horse" not in stored.password_hash
        assert authenticate(session, "pc.smith", "correct horse battery staple") is not None
        assert authenticate(session, "PC.SMITH", "correct horse battery staple") is not None
        assert authenticate(session, "pc.smith", "Correct horse battery staple") is None
        assert authenticate(session, "nobody", "correct horse battery staple") is None


@pytest.mark.parametrize(
    ("username", "password", "says"),
    [
        ("pc.smith", "", "empty"),
        ("pc.smith", "short", "too short"),
        ("pc smith", "long enough passphrase", "username must be"),
        ("<script>", "long enough passphrase", "username must be"),
        ("ab", "long enough passphrase", "username must be"),
    ],
)
def test_bad_names_and_passwords_are_refused_politely(sessions, username, password, says):
    with sessions() as session, pytest.raises(AccountError, match=f"(?i){says}"):
        add_officer(session, username, password)


def test_a_name_is_taken_once_and_a_disabled_account_cannot_sign_in(sessions):
    with sessions() as session:
        add_officer(session, "pc.smith", "correct horse battery staple")
        with pytest.raises(AccountError, match="already"):
            add_officer(session, "PC.Smith", "another long passphrase")
        assert disable_officer(session, "pc.smith") and not disable_officer(session, "pc.nobody")
        session.commit()
        assert authenticate(session, "pc.smith", "correct horse battery staple") is None
        assert [(o.username, o.disabled) for o in officers(session)] == [("pc.smith", True)]
