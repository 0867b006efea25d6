"""The accessible web chat: a small aiohttp app that relays the browser's messages to Rasa."""
