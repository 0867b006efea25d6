"""`servator run`: the stack's processes (`stack`: the action server, Rasa, the front ends), how many
Rasa workers (`workers`), starting and stopping children (`processes`), and the supervision (`serve`)."""
