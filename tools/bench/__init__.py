"""`make bench` (`python -m tools.bench`): this assistant against vanilla Rasa, one JSON object.

The vanilla configuration it trains (`vanilla-config.yml`) lives beside this package.
"""
