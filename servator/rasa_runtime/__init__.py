"""Everything about Rasa: what runs inside it (the guarded REST channel, the tracker and lock stores,
the NLG, the patches applied before it starts, the action server's token check), its endpoints file,
training when the inputs changed, and `servator validate`. The front ends never import this."""
