"""test=schedcost: the cost of one scheduling decision (pick_next, then
enqueue again) under each policy with 1, 8 and 56 ready processes, in guest
instructions (-icount makes the time-stamp counter count them). rr, prio and
mlfq are O(1): the same cost at any size; stride and cfs (run heap) are
O(log n); lottery walks the ready list, O(n)."""
import re

args = "test=schedcost poweroff"
extra = ("-icount", "shift=0,sleep=off")
timeout = 60


def check(t):
    cost = {}
    for name, n, c in re.findall(r"^sched-cost (\w+) N=(\d+): (\d+) per decision$", t.out, re.M):
        cost.setdefault(name, {})[int(n)] = int(c)
    for name in ("rr", "prio", "mlfq", "lottery", "stride", "cfs"):
        t.check(name in cost and sorted(cost[name]) == [1, 8, 56], f"three sizes for {name}")
    for name in ("rr", "prio", "mlfq"):
        t.check(cost[name][56] <= cost[name][1] * 1.2 + 10,
                f"{name} O(1): {cost[name][1]} at N=1 but {cost[name][56]} at N=56")
    for name in ("stride", "cfs"):
        t.check(cost[name][56] <= cost[name][8] * 2.5,
                f"{name} O(log n): {cost[name][8]} at N=8 but {cost[name][56]} at N=56")
