"""A whole account of what someone saw, read into the report's fields (reading.account.reader)."""

from reading.account.reader import Account, read_account

__all__ = ["Account", "read_account"]
