"""SERVATOR_TEST_PORT_BASE moves every fixed test port; the per-port variables still win."""

from __future__ import annotations

from tests.support.ports import actions_port, rasa_port, run_port_base, scaleout_ports, soak_ports


def test_without_any_variable_the_old_defaults_hold():
    assert (rasa_port({}), actions_port({}), scaleout_ports({}), run_port_base({})) == (
        15005,
        15055,
        [18005, 18006, 18055, 18056],
        19000,
    )


def test_the_base_moves_every_port_into_its_block():
    env = {"SERVATOR_TEST_PORT_BASE": "31000"}
    ports = [
        rasa_port(env),
        actions_port(env),
        *scaleout_ports(env),
        *soak_ports(env),
        run_port_base(env) + 5,
        run_port_base(env) + 180,
    ]
    assert ports == [31005, 31055, 31006, 31007, 31056, 31057, 31009, 31059, 31205, 31380]
    assert len(set(ports)) == len(ports) and all(31000 <= port < 31400 for port in ports)


def test_a_per_port_variable_overrides_the_base():
    env = {
        "SERVATOR_TEST_PORT_BASE": "31000",
        "SERVATOR_TEST_RASA_PORT": "40005",
        "SERVATOR_SCALEOUT_PORTS": "40006,40007,40056,40057",
        "SERVATOR_TEST_RUN_PORT_BASE": "41000",
    }
    assert (rasa_port(env), actions_port(env), scaleout_ports(env), run_port_base(env)) == (
        40005,
        31055,
        [40006, 40007, 40056, 40057],
        41000,
    )
