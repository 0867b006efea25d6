"""Reading a person's text, with no Rasa: danger, form answers, times, places, vehicles, contacts.

The Rasa components in nlu/ and the actions call into these packages; each runs in bounded
time on any text (every pattern is compiled by reading.regex).
"""
