"""Clusters: connected parts of the links."""

from __future__ import annotations


def test_connected_parts_keep_the_members_order_and_ignore_pairs_naming_anyone_else():
    from servator.linking.clusters import connected_parts

    assert connected_parts([1, 2, 3, 4, 5], [(1, 3), (4, 5), (3, 9)]) == [[1, 3], [2], [4, 5]]
    assert connected_parts(["a", "b", "c"], [("c", "a"), ("b", "c")]) == [["a", "b", "c"]]
    assert connected_parts([], [(1, 2)]) == []
