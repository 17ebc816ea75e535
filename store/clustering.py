"""Average linkage with a floor: groups in which every member agrees with the others, not only with a neighbour."""
from __future__ import annotations

from typing import Callable, Hashable, Iterable, TypeVar

T = TypeVar("T", bound=Hashable)


def average_linkage(items: Iterable[T], pairs: Iterable[tuple[float, T, T]], likeness: Callable[[T, T], float],
                    threshold: float, floor: float,
                    compared: Callable[[T, T], bool] = lambda a, b: True) -> list[list[T]]:
    """Merge groups along `pairs` (best first) while the merged group's compared pairs average at least
    `threshold` and none falls below `floor`; `compared` says which pairs must agree at all."""
    group_of = {x: x for x in items}
    members = {x: [x] for x in group_of}
    for s, a, b in pairs:
        if s < threshold:
            break
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        sims = [likeness(x, y) for x in members[ga] for y in members[gb] if compared(x, y)]
        if not sims or min(sims) < floor or sum(sims) / len(sims) < threshold:
            continue
        if len(members[ga]) < len(members[gb]):
            ga, gb = gb, ga
        for x in members[gb]:
            group_of[x] = ga
        members[ga].extend(members.pop(gb))
    return [sorted(m) for m in members.values()]
