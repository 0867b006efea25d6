"""`make soak` (`python -m tools.soak`): load and fault suite against real servers on loopback."""
