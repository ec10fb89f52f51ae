"""Allocating every frame, then freeing them all, returns the free count exactly."""
mem = 16
args = "test=frames poweroff"


def check(t):
    m = t.expect(r"^selftest: allocated (\d+) of (\d+) free frames$")
    t.check(m.group(1) == m.group(2), "not every free frame could be allocated")
    t.expect(r"^selftest: frames ok")
