"""The dashboard under aiohttp's test client: `client` (not signed in) and `officer` (signed in)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from tests.support.dashboard_app import dashboard_client, factory, sign_in


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[TestClient]:
    test_client = await dashboard_client(tmp_path)
    yield test_client
    await test_client.close()
    factory(test_client).kw["bind"].dispose()


@pytest.fixture
async def officer(client: TestClient) -> TestClient:
    """The same client, signed in as the officer."""
    assert (await sign_in(client)).status == 303
    return client
