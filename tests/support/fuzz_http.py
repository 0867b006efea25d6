"""Hostile HTTP for the fuzz tests: raw requests (any bytes, any header) and Hypothesis strategies
for bodies, headers and encodings that a browser, a script or an attacker might send."""

from __future__ import annotations

import http.client
import json
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

# Longest a served answer may take before the request counts as a hang (a turn of the real model
# on this 2-core machine under the test suite's load stays well under it).
HANG_SECONDS = 30.0

HOSTILE = (
    "",
    "\x00",
    "\ufeff",
    "\ud800",
    "/restart",
    '/share_photo{"photo": "x"}',
    '/inform{"report_contact": "07700900123"}',
    "/affirm",
    "<script>alert(1)</script>",
    "'; DROP TABLE reports; --",
    '=HYPERLINK("http://evil.example")',
    "\u202e\u2066evil\u2069",
    "a" * 5000,
    "all good " * 40 + "x",
    "%00%0d%0aSet-Cookie: x=1",
    "../../etc/passwd",
    "999 999 999",
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=60),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
texts = st.sampled_from(HOSTILE) | st.text(max_size=300)
content_types = st.sampled_from(
    (
        "application/json",
        "application/json; charset=utf-8",
        "application/json; charset=utf-16",
        "application/json; charset=latin-1",
        "application/json; charset=nonsense",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz",
        "multipart/form-data",
        "",
    )
)
encodings = st.sampled_from(("utf-8", "utf-16", "latin-1", "utf-32"))
extra_headers = st.dictionaries(
    st.sampled_from(
        (
            "X-Forwarded-For",
            "X-Forwarded-Proto",
            "Cookie",
            "Referer",
            "Content-Encoding",
            "Accept",
            "X-CSRF-Token",
        )
    ),
    st.sampled_from(HOSTILE[:12])
    | st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=80),
    max_size=3,
)


@st.composite
def message_bodies(draw: Any, text_key: str, sender_key: str) -> bytes:
    """A chat message as bytes: a well-formed object with hostile values, any JSON, or any bytes."""
    kind = draw(st.sampled_from(("object", "json", "bytes")))
    if kind == "bytes":
        return bytes(draw(st.binary(max_size=400)))
    value: Any = (
        {sender_key: draw(texts | json_values), text_key: draw(texts | json_values)}
        if kind == "object"
        else draw(json_values)
    )
    encoding = draw(encodings)
    errors = "surrogatepass" if encoding.startswith("utf") else "replace"
    return json.dumps(value, ensure_ascii=draw(st.booleans())).encode(encoding, errors)


@st.composite
def form_bodies(draw: Any, fields: tuple[str, ...]) -> bytes:
    """A urlencoded form with hostile values in the expected fields (and maybe others), or any bytes."""
    if draw(st.booleans()):
        return bytes(draw(st.binary(max_size=300)))
    form = {field: draw(texts) for field in fields if draw(st.booleans())}
    form.update(draw(st.dictionaries(st.text(max_size=10), texts, max_size=2)))
    return urllib.parse.urlencode(form, encoding="utf-8", errors="surrogatepass").encode()


@dataclass(frozen=True)
class Answer:
    status: int
    seconds: float


def raw_request(base_url: str, method: str, path: str, body: bytes, headers: dict[str, str]) -> Answer:
    """One request exactly as given (http.client checks little); the status and how long it took."""
    parts = urllib.parse.urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=HANG_SECONDS)
    started = time.monotonic()
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value.encode("latin-1", "replace"))
        connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        response.read()
        return Answer(response.status, time.monotonic() - started)
    finally:
        connection.close()
