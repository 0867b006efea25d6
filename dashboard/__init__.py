"""The officer dashboard: a signed-in web page to triage reports, see linked reports and trends.

A third front end beside web/ and bot/, served by `python -m dashboard` (and `servator run`) on
127.0.0.1:DASHBOARD_PORT. It reads and writes the report database directly (servator.storage,
servator.linking); it never talks to Rasa, and the public web chat never links to it.
"""
