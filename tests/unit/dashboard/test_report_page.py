"""A report's page: the person's words shown as text, never as markup, and every look audited."""

from __future__ import annotations

from tests.support.dashboard_app import audited, stored

SCRIPT = "<script>window.pwned=1</script> they ran off"


async def test_the_report_is_shown_in_full_with_its_words_as_text(officer):
    reference = stored(officer, description=SCRIPT)
    response = await officer.get(f"/reports/{reference.lower()}")
    page = await response.text()
    assert response.status == 200 and reference in page
    assert SCRIPT not in page and "&lt;script&gt;window.pwned=1&lt;/script&gt; they ran off" in page
    assert "Grosvenor Square" in page and "AB12 CDE" in page
    assert audited(officer, "view_report") == [("officer:pc.one", reference, None)]


async def test_an_unknown_or_malformed_reference_is_not_found_and_not_audited(officer):
    assert (await officer.get("/reports/SRV-20260101-ABCDEF")).status == 404
    assert (await officer.get("/reports/not-a-reference")).status == 404
    assert audited(officer, "view_report") == []
