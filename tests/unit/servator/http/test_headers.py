"""The security headers both front ends send, and the map tile origin the dashboard allows images from."""

from __future__ import annotations

import pytest

from servator.http.headers import security_headers, tile_origin


def test_the_tile_origin_is_the_only_outside_image_source():
    assert tile_origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == "https://tile.openstreetmap.org"
    assert tile_origin("https://{s}.tiles.example:8443/{z}/{x}/{y}.png") == "https://*.tiles.example:8443"
    assert tile_origin("/tiles/{z}/{x}/{y}.png") == "'self'"
    policy = security_headers(img_sources=("https://tile.example",))["Content-Security-Policy"]
    assert "img-src 'self' data: https://tile.example;" in policy and "script-src 'self';" in policy
    assert "img-src 'self';" in security_headers()["Content-Security-Policy"], (
        "the web chat: no outside images"
    )


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "https://a.example; script-src *", "//x/{z}.png"])
def test_a_tile_url_that_is_not_a_plain_origin_is_refused(bad):
    with pytest.raises(ValueError, match="DASHBOARD_TILE_URL"):
        tile_origin(bad)


def test_an_address_hash_counts_only_with_the_front_end_tokens_signature():
    from servator.http.headers import ADDRESS_HEADER, signed_address, verified_address

    headers = signed_address("front-end-token", "a" * 32)
    assert verified_address(headers, "front-end-token") == "a" * 32
    assert verified_address(headers, "another-token") is None
    assert verified_address({**headers, ADDRESS_HEADER: "b" * 32}, "front-end-token") is None
    assert verified_address({ADDRESS_HEADER: "a" * 32}, "front-end-token") is None
