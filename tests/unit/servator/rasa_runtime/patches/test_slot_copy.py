"""A slot's `__copy__` gives what `copy.copy` gave without it."""

from __future__ import annotations

import copy

from servator.rasa_runtime.patches.slot_copy import copy_slot


def _generic_copy(slot: object) -> object:
    """copy.copy's path for an object without __copy__."""
    return copy._reconstruct(slot, None, *slot.__reduce_ex__(4))  # type: ignore[attr-defined]


def test_every_rasa_slot_kind_copies_as_copy_copy_did():
    from rasa.shared.core.slots import (
        AnySlot,
        BooleanSlot,
        CategoricalSlot,
        FloatSlot,
        ListSlot,
        TextSlot,
    )

    mappings = [{"type": "from_text"}]
    slots = [
        TextSlot("t", mappings, initial_value="x"),
        BooleanSlot("b", mappings),
        FloatSlot("f", mappings, max_value=3.0),
        ListSlot("l", mappings, initial_value=["a"]),
        CategoricalSlot("c", mappings, values=["a", "b"]),
        AnySlot("a", mappings),
    ]
    for slot in slots:
        slot.value = slot.initial_value
        made, expected = copy_slot(slot), _generic_copy(slot)
        assert type(made) is type(slot) and made is not slot
        assert vars(made) == vars(expected)
        assert all(vars(made)[key] is vars(slot)[key] for key in vars(slot)), "a shallow copy"


def test_a_slot_class_with_its_own_state_hooks_is_copied_the_generic_way():
    from rasa.shared.core.slots import TextSlot

    class Custom(TextSlot):
        def __getstate__(self) -> dict[str, object]:
            return {**self.__dict__, "copied": True}

    slot = Custom("c", [{"type": "from_text"}])
    assert vars(copy_slot(slot))["copied"] is True
